// The second way to match a citation to an entry, when no way of naming the entry's
// authors that forms.ts derives fits: the names as cited are looked for, in order, in the
// words the entry opens with (its head, up to its date or its title). A reference list
// made by a CSL processor always opens an entry with the names the in-text citation
// shows ("Canada Employment and Social Development", "Cristina Pombo, N. G. A.", "Cingel,
// D. P., … (2022)"), however oddly the .bib held them; and with no names, with the title
// the citation shows ("(*Toronto Shelter System Flow*, 2024)"). This does not need the
// entry's names read right, only its year.
import type { Inline, SourceEntry } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import { citableYears } from "./sources.js";

/** Lower case, no accents, no punctuation: words separated by single spaces. */
export function words(s: string): string {
  return ` ${s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** The text an entry opens with, before its first italics and its first quoted title. */
function openingText(inlines: readonly Inline[]): string {
  let out = "";
  for (const i of inlines) {
    if (i.kind === "em" || i.kind === "strong") {
      // An entry that opens with its italic title (no authors): the title is its head.
      return out.trim() ? out : plainText(i.children);
    }
    if (i.kind === "text" || i.kind === "citation") out += i.text;
    else if (i.kind === "link" || i.kind === "mark" || i.kind === "lang") out += plainText(i.children);
    else if (i.kind === "break") out += " ";
  }
  return out;
}

/** The head of an entry: its opening text up to its date, or up to a quoted title that does not open it. */
export function entryHead(entry: SourceEntry): string {
  let text = openingText(entry.inlines).replace(/^\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s+/u, "");
  const quote = /[“"‘]/u.exec(text.slice(1));
  if (quote) text = text.slice(0, quote.index + 1);
  const year = entry.year.replace(/[a-z]$/, "");
  const at = /^\d{4}$/.test(year) ? text.search(new RegExp(`\\b${year}`)) : -1;
  return (at > 0 ? text.slice(0, at) : text).slice(0, 400);
}

/** APA's "C. Wang et al." tells two first authors apart by their initials: "c". */
function leadingInitials(author: string): { initials: string; rest: string } {
  const m = /^((?:\p{Lu}\.\s*-?)+)\s*(?=\p{Lu}\p{Ll})/u.exec(author);
  return m ? { initials: words(m[1] ?? "").trim(), rest: author.slice(m[0].length) } : { initials: "", rest: author };
}

/** The names in a cited author string: "Okafor, Lindqvist and Haddad" → three; "et al." dropped. */
function citedNames(author: string): string[] {
  return author
    .replace(/\bet\.?\s+al\b\.?/gu, "")
    .split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*/u)
    .map((n) => words(n).trim())
    .filter(Boolean);
}

/**
 * Entries whose head holds the cited names in order, the first at its start, and whose
 * year agrees. `heads` are the entries' heads in `words()` form.
 */
export function looseMatches(author: string, year: string, sources: readonly SourceEntry[], heads: readonly string[]): number[] {
  const { initials, rest } = leadingInitials(author);
  const names = citedNames(rest);
  if (names.length === 0) return [];
  const out: number[] = [];
  sources.forEach((s, i) => {
    if (!citableYears(s.year, s.dateText, s.text).some((y) => yearAgrees(year, y))) return;
    const head = heads[i] ?? "";
    // "Oxfam" for "Oxfam International" is a guess the hints offer, not a match.
    const literal = s.authors[0]?.literal;
    if (literal && names.length === 1 && words(literal) !== ` ${names[0]} ` && words(literal).startsWith(` ${names[0]} `)) return;
    let from = 0;
    for (const [n, name] of names.entries()) {
      const at = head.indexOf(` ${name} `, from);
      // The first name opens the entry ("Pombo" alone does not open "Cristina Pombo, …").
      if (at < 0 || (n === 0 && at !== 0 && !(initials && head.startsWith(` ${initials} ${name} `)))) return;
      from = at + name.length + 1;
    }
    // "C. Wang": the initials follow the family name ("Wang, C.") or come before it ("C. Wang").
    if (initials && !head.startsWith(` ${names[0]} ${initials}`) && !head.startsWith(` ${initials} ${names[0]} `)) return;
    out.push(i);
  });
  return out;
}

function yearAgrees(cited: string, entry: string): boolean {
  if (cited === "") return true;
  if (cited === entry) return true;
  return /^\d{4}$/.test(cited) && new RegExp(`^${cited}[a-z]$`).test(entry);
}
