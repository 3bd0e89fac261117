// The ways a writer may name an entry's authors in text, each with the spelling the entry
// itself uses (so hints print "de la Cruz et al. 2023", never "De La Cruz Et Al. 2023").
import type { SourceEntry } from "../model/brief.js";

export function normaliseName(s: string): string {
  // Invisible characters pasted into a name do not change it (text/invisible reports them).
  return s.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "").normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * One key for every spelling of the same author list: "Okafor, Lindqvist, and Haddad",
 * "Okafor, Lindqvist & Haddad" and "Okafor Lindqvist and Haddad" meet; "et al" with or
 * without its full stop.
 */
export function canonicalAuthor(s: string): string {
  return normaliseName(s)
    .replace(/\s*&\s*/g, " and ")
    .replace(/\bet\.?\s+al\b\.?/g, "et al")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Case- and accent-insensitive form for suggestions (Sáenz ≈ Saenz; Hangul recomposed). */
export function fold(s: string): string {
  return canonicalAuthor(s).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

const CJK = /^[\p{Script=Hangul}\p{Script=Han}]+$/u;

/** canonical form → how the entry spells it, for every way the entry may be cited. */
export function authorDisplays(entry: SourceEntry, aliases: Record<string, string> = {}): Map<string, string> {
  const out = new Map<string, string>();
  const add = (display: string) => {
    const key = canonicalAuthor(display);
    if (key && !out.has(key)) out.set(key, display);
  };
  if (entry.authors.length === 0) return out;
  addForms(entry, entry.authors.map((a) => a.family), add);
  // Chicago and ASA drop a lower-case particle in text: "(Arnim 2019)" for "von Arnim".
  const bare = entry.authors.map((a) => a.family.replace(/^(?:(?:van|von|de|der|den|del|la|le|du|dos|da|das|di|ten|ter)\s+)+(?=\p{Lu})/u, ""));
  if (bare.some((f, i) => f !== entry.authors[i]?.family)) addForms(entry, bare, add);
  for (const [alias, full] of Object.entries(aliases)) {
    if (out.has(canonicalAuthor(full))) add(alias);
  }
  return out;
}

function addForms(entry: SourceEntry, families: string[], add: (display: string) => void): void {
  const [first] = entry.authors;
  if (!first) return;
  if (entry.authors.length === 1 && !entry.moreAuthors) {
    add(families[0] ?? first.family);
    if (first.given) add(CJK.test(first.family + first.given) ? `${first.family}${first.given}` : `${first.given} ${first.family}`);
    if (first.acronym) add(first.acronym);
    // "WHO (2020)" for "World Health Organization": an organisation is cited by its initials.
    const initials = first.literal ? initialsOf(first.literal) : "";
    if (initials.length >= 2) add(initials);
  } else if (entry.authors.length === 2 && !entry.moreAuthors) {
    add(`${families[0]} and ${families[1]}`);
    add(`${families[0]} et al.`);
  } else {
    // Chicago and ASA name up to three authors in text; APA, Harvard and MLA write et al.
    if (!entry.moreAuthors) add(`${families.slice(0, -1).join(", ")} and ${families[families.length - 1]}`);
    add(`${families[0]} et al.`);
  }
}

/** Every way a writer may name this entry's authors in text, as canonical keys. */
export function authorForms(entry: SourceEntry, aliases: Record<string, string> = {}): string[] {
  return [...authorDisplays(entry, aliases).keys()];
}

/** "Oxfam" for "Oxfam International", "Crisis Group" for "International Crisis Group", "WHO". */
export function isShortName(cited: string, entry: SourceEntry): boolean {
  const full = entry.authors[0]?.literal;
  if (!full || entry.authors.length !== 1) return false;
  if (/^\p{Lu}{2,}$/u.test(cited) && initialsOf(full) === cited) return true;
  const want = fold(cited).split(" ");
  const have = fold(full).split(" ");
  if (want.length >= have.length || want.length === 0) return false;
  const at = have.findIndex((_, i) => want.every((w, k) => have[i + k] === w));
  return at >= 0;
}

/** "World Health Organization" → "WHO", "United Nations Environment Programme" → "UNEP": small words left out; "" for one word. */
export function initialsOf(name: string): string {
  const words = name.replace(/\([^)]*\)/g, " ").split(/[\s-]+/).filter((w) => w && !/^(?:of|the|for|and|on|in|de|des|du|la|le|et|&)$/i.test(w));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return "";
  return words.map((w) => w[0] ?? "").join("").toUpperCase();
}
