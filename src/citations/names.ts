// Reads the author block at the start of a reference entry, in the shapes the common
// styles print: "Okafor, C., Lindqvist, M., & Haddad, R." (APA), "Okafor, Chidi, Maja
// Lindqvist, and Rami Haddad" (Chicago, ASA, MLA), "Okafor C, Lindqvist M" (Vancouver),
// "C. Okafor and R. Haddad" (IEEE), "Lina Yoon" (free form), organisations with or
// without an acronym, "et al.". Pure: text in, authors and where the block ends out.
import type { SourceAuthor } from "../model/brief.js";

export interface AuthorBlock {
  authors: SourceAuthor[];
  /** The block ended in "et al.": the entry has more authors than it names. */
  more: boolean;
  /** Offset in the text right after the block. */
  end: number;
}

/** Lower-case (or capitalised) words that belong to a family name: "van der Berg", "De Souza". */
export const PARTICLES = new Set(["van", "von", "de", "del", "della", "der", "den", "du", "la", "le", "da", "di", "dos", "das", "do", "ten", "ter", "al", "el", "bin", "ibn", "zu", "af", "y", "st."]);

const L = String.raw`\p{Lu}`;
const WORD = String.raw`${L}[\p{L}\p{M}'\u2019]*(?:-${L}?[\p{L}\p{M}'\u2019]+)*`;
const PARTICLE = String.raw`(?:[vV][ao]n|[dD][aeiou]s?|[dD]ell[ao]|[dD]e[rn]|[lL][ae]|[tT]e[nr]|[aA]l|[eE]l|[bB]in|[iI]bn|[zZ]u|[aA]f|y|St\.)`;
const FAMILY = String.raw`(?:${PARTICLE}\s+)*${WORD}(?:\s+${PARTICLE}\s+${WORD})?`;
const INITIAL = String.raw`${L}\.(?:\s?-?${L}\.)*`;
const GIVEN_WORD = String.raw`(?:${WORD}|${L}\.)`;
const GIVEN = String.raw`(?:${INITIAL}|${GIVEN_WORD}(?:\s+${GIVEN_WORD}){0,2})(?:\s+${PARTICLE}(?:\s+${PARTICLE})?)?`;
const CJK = String.raw`[\p{Script=Hangul}\p{Script=Han}]{2,4}`;

const INVERTED = new RegExp(String.raw`(?<family>${FAMILY}),\s+(?<given>${GIVEN})(?=$|[\s,.;&(])`, "uy");
// citeproc prints a hyphenated given name's initials as "S ah" ("Soo-ah"): take the tail too.
const VANCOUVER = new RegExp(String.raw`(?<family>${FAMILY})\s+(?<given>${L}{1,3}(?:\s\p{Ll}{1,4}(?=[,.]))?)(?=$|[,.;\s])`, "uy");
/** Words that open titles, never given names: "F. Lutz, The Externalised Border". */
const TITLE_WORDS = new Set(["The", "A", "An", "In", "On", "Of", "For", "To", "From", "With", "Without", "After", "Before", "Under", "Between", "Towards", "Beyond", "When", "Why", "How", "What", "Where", "Report", "Annual", "Global"]);
const DISPLAY = new RegExp(String.raw`(?<given>(?:${GIVEN_WORD}\s+){1,3})(?<family>${FAMILY})(?=$|[\s,.;&(])`, "uy");
const CJK_NAME = new RegExp(String.raw`(?<cjk>${CJK})(?=$|[\s,.;(])`, "uy");
const CJK_ONLY = /^[\p{Script=Hangul}\p{Script=Han}\s]+$/u;
const SEPARATOR = /(?:\s*,\s*&\s*|\s*,\s*and\s+|\s*&\s*|\s+and\s+|\s*;\s*|\s*,\s*)/uy;
const ET_AL = /\s*,?\s*et\.?\s+al\.?/uy;
const ORG_WORDS =
  /\b(Council|Watch|Nations|Commission|Committee|Office|Agency|Ministry|Government|International|Institute|Organi[sz]ation|Assembly|Congress|Parliament|Court|Amnesty|Bank|Union|Foundation|Centre|Center|Network|Programme|Program|Department|Bureau|Secretariat|Society|Association|Group|Federation|Republic|Fund|Board|People’s|People's|Frontières|Coalition|Alliance|Forum|Initiative|Project|Trust|Service|Services|Authority|Tribunal|League|Mission|Red Cross|Crescent|UNHCR|OHCHR|UNICEF|UN)\b/u;

/** An organisation: a name with an organisation word, more than three words, or all capitals. */
export function looksLikeOrganisation(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  return ORG_WORDS.test(name) || words.length > 3 || /^[\p{Lu}]{2,}$/u.test(name);
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Particles written after the given name ("Arnim, Klara von") belong to the family name. */
function person(family: string, given: string): SourceAuthor {
  const words = given.trim().split(/\s+/);
  const moved: string[] = [];
  while (words.length > 1 && PARTICLES.has((words[words.length - 1] ?? "").toLowerCase())) moved.unshift(words.pop() ?? "");
  const fam = [...moved, family.trim()].join(" ");
  return words.length && words[0] ? { family: fam, given: words.join(" ") } : { family: fam };
}

function readPerson(text: string, pos: number, first: boolean): { author: SourceAuthor; end: number } | null {
  const cjk = at(CJK_NAME, text, pos);
  if (cjk?.groups) {
    const [family = "", ...given] = [...(cjk.groups.cjk ?? "")];
    return { author: { family, given: given.join("") }, end: pos + cjk[0].length };
  }
  const inverted = at(INVERTED, text, pos);
  // "Okafor, Chidi, Maja Lindqvist": only an initial or a lone given word after the comma.
  if (inverted?.groups && (first || /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}\.)*$)/u.test(inverted.groups.given ?? ""))) {
    return { author: person(inverted.groups.family ?? "", inverted.groups.given ?? ""), end: pos + inverted[0].length };
  }
  const vancouver = at(VANCOUVER, text, pos);
  if (vancouver?.groups) return { author: { family: vancouver.groups.family ?? "", given: vancouver.groups.given ?? "" }, end: pos + vancouver[0].length };
  const display = at(DISPLAY, text, pos);
  if (display?.groups && !TITLE_WORDS.has((display.groups.given ?? "").split(/\s+/)[0] ?? "")) {
    const given = (display.groups.given ?? "").trim();
    let family = display.groups.family ?? "";
    // "Ana De Souza": a capitalised particle before the last word is part of the family name.
    const words = given.split(/\s+/);
    while (words.length > 1 && PARTICLES.has((words[words.length - 1] ?? "").toLowerCase())) family = `${words.pop()} ${family}`;
    return { author: { family, given: words.join(" ") }, end: pos + display[0].length };
  }
  return null;
}

/** The name up to the block's end (". ", " (", ", “", ", 2019"), with an acronym if written. */
function readNamed(text: string): AuthorBlock | null {
  const m = /^(?<name>[^.(“"]+?)(?=\.\s|\.$|\s\(|,\s*[“"]|,\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d\.)|\s+(?:1[5-9]\d\d|20\d\d)[a-z]?[.;,])/u.exec(text);
  const name = m?.groups?.name?.trim();
  if (!name || /^\p{Ll}/u.test(name) || name.split(/\s+/).length > 12) return null;
  let end = (m?.index ?? 0) + (m?.[0].length ?? 0);
  const acronym = /^\s*\((?<acr>[\p{Lu}][\p{L}&.\-]{1,15})\)/u.exec(text.slice(end));
  if (acronym) end += acronym[0].length;
  return { authors: [{ family: name, literal: name, ...(acronym?.groups?.acr ? { acronym: acronym.groups.acr } : {}) }], more: false, end };
}

export function readAuthorBlock(text: string): AuthorBlock {
  const people: SourceAuthor[] = [];
  let pos = 0;
  let more = false;
  let end = 0;
  for (;;) {
    const found = readPerson(text, pos, people.length === 0);
    if (!found) break;
    people.push(found.author);
    end = found.end;
    const etAl = at(ET_AL, text, end);
    if (etAl) {
      more = true;
      end += etAl[0].length;
      break;
    }
    const sep = at(SEPARATOR, text, end);
    if (!sep) break;
    pos = end + sep[0].length;
  }
  const named = readNamed(text);
  const name = named?.authors[0]?.family ?? "";
  // "Human Rights Watch" also reads as a person called Watch: the organisation wins.
  const organisation = named && (ORG_WORDS.test(name) || /^[\p{Lu}]{2,}$/u.test(name)) && !/,/.test(name);
  // Scripts without capitals (Arabic, Hebrew…): "ليلى الحسيني" reads as given and family name.
  const caseless = name.split(/\s+/);
  if (named && !organisation && people.length === 0 && caseless.length >= 2 && caseless.length <= 3 && caseless.every((w) => /^[\p{Lo}\p{M}'’-]+$/u.test(w)) && !CJK_ONLY.test(name)) {
    return { authors: [{ family: caseless[caseless.length - 1] ?? name, given: caseless.slice(0, -1).join(" ") }], more: false, end: named.end };
  }
  if (named && (organisation || people.length === 0)) return named;
  return { authors: people, more, end };
}
