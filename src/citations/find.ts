// Finds author-date citations in a run of prose. Pure string → offsets; the parser
// turns offsets into file positions. Lookalikes such as "(Article 33 1951)" or
// "(A/HRC/25/CRP.1)" are rejected because their "author" has digits or no year.

export interface FoundItem {
  /** Author candidates, most specific first ("Human Rights Watch", "Rights Watch", "Watch"). */
  authors: string[];
  /** Set for Pandoc-style key citations ("@yoon2024"). */
  key?: string;
  /** Pandoc's "[-@key]": the year alone, the author being named in the sentence. */
  suppressAuthor?: boolean;
  year: string;
  locator: string;
  prefix: string;
  start: number;
  end: number;
  /** MLA title words that pick one of an author's works. */
  titleHint?: string;
  /** A numeric citation's entry number. */
  number?: number;
  /** Found without parentheses (in a note): a lookalike that names no entry is dropped. */
  tentative?: boolean;
  /** "Ibid." / "Id.": the previous note's source. */
  ibid?: boolean;
  /** MLA's bare "(Roelen)": a citation only if it names exactly one entry; never reported. */
  speculative?: boolean;
}

export interface FoundCitation {
  style: "parenthetical" | "narrative";
  raw: string;
  start: number;
  end: number;
  items: FoundItem[];
}

export const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.(?:\s?-?[a-z](?![\p{L}\p{N}]))?|no date`;
const Y4 = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?`;
/** A year as cited: also a reprint's two ("1867/1990", "[1867] 1990", "1867 [1990]"). */
const YEARS_ONE = String.raw`(?:\[${Y4}\]\s*${Y4}|${Y4}\s*(?:\[${Y4}\]|/\s*${Y4})|${YEAR})`;
const PREFIX = String.raw`(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|compare|as in)\s+`;
const PART = new RegExp(
  String.raw`^(?<pre>${PREFIX})?(?<author>[^\d;()]+?),?\s+(?<years>${YEARS_ONE}(?:\s*,\s*${YEARS_ONE})*)(?:\s*,\s*(?<loc>\S.*)|:\s?(?<asaLoc>\d\S*))?$`,
  "u",
);
/** A locator label CSL styles print before a number: "p.", "pp.", "chap.", "sec.4", "para.". */
const LABEL = String.raw`(?:(?:pp?|chaps?|ch|secs?|paras?|vol|fig|pt|no|art|l|ll)\.\s*|\u00a7\s*)`;
/** MLA's author–page form: "(Okafor et al. 12)", "(Human Rights Watch, No Safe Harbour 4)", "(Sullivan, chap.2)". */
const PAGE_PART = new RegExp(
  String.raw`^(?<pre>${PREFIX})?(?<author>[^\d,;()]+?)(?:,\s*(?<title>[^\d,;()]+?))?,?\s+(?<loc>${LABEL}?\d{1,4}(?:\s*[\u2013-]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[\u2013-]\s*\d{1,4})?)*)$`,
  "iu",
);
const LEAD_PREFIX = new RegExp(String.raw`^${PREFIX}`, "u");
/** A title standing for an entry with no author: "“General Social Survey”", "‘About SURE–p’". */
const QUOTED = /^[“"‘'](?<title>[^”"’]+?)[,.]?[”"’']$/u;
/** Capitalised words that open dates and figures, not names: "(June 2021, N = 412)", "(Since 2019)". */
const NOT_AUTHORS = new Set(
  ("January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec " +
    "Spring Summer Autumn Fall Winter Since Until Till From Before After Between Circa Early Late Mid End Around About Approximately Est Estimated " +
    "Updated Accessed Published Adopted Revised Amended Effective Fiscal FY Page Pages Para Paragraph Figure Fig Table Annex Appendix Article Art Section Chapter Volume Vol No Box Rule Principle").split(" "),
);
const NARRATIVE_TAIL = new RegExp(String.raw`\((?<year>${YEARS_ONE})(?:\s*,\s*(?<loc>[^()]+?))?\)`, "gu");

/** Lower-case words allowed inside a name: "Yoon and Kim", "Ministry of Justice", "van Dijk". */
const CONNECTORS = new Set(["and", "&", "of", "the", "for", "on", "in", "de", "del", "la", "van", "von", "der", "den", "du", "dos", "da", "das", "di", "le", "ten", "ter", "et", "al.", "al"]);
/** Capitalised words that start sentences, not names: "According to Yoon (2024)". */
const SENTENCE_STARTERS = new Set(["According", "As", "In", "The", "While", "Since", "But", "And", "However", "Although", "Both", "Following", "Like", "Unlike", "Per", "Citing", "See", "Yet", "This", "That", "These", "By", "For", "Of", "On", "When", "Where", "After", "Before", "Under", "Then", "Also", "Even", "Only", "Here"]);

/** Lower-case particles of family names: a name may start with one. */
const PARTICLES = new Set(["de", "del", "la", "van", "von", "der", "den", "du", "dos", "da", "das", "di", "le", "ten", "ter"]);

const isNameWord = (w: string) => /^[\p{Lu}\p{Lo}]/u.test(w) && !/\d/.test(w);

export function normaliseSpaces(s: string): string {
  // Non-breaking and narrow spaces count as spaces; lengths stay equal so offsets hold.
  return s.replace(/[\u00a0\u202f\u2007\u2009]/g, " ");
}

export function findCitations(text: string, options: { narrative?: boolean } = {}): FoundCitation[] {
  // "(Highland Relief Commissioner (HRRC), 2021)": an acronym in parentheses inside a
  // citation is part of the name; blanked to spaces (lengths kept) so the outer one is found.
  const s = normaliseSpaces(text).replace(/(\([^()]*?)\((\p{Lu}[\p{Lu}\p{N}&-]{1,11})\)(?=[^()]*\))/gu, (_, open: string, acr: string) => `${open} ${acr} `);
  const found: FoundCitation[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of s.matchAll(/\(([^()]*)\)/g)) {
    const citation = parseParenthetical(m[1] ?? "", m.index + 1);
    if (!citation) continue;
    found.push({ ...citation, raw: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  if (options.narrative !== false) {
    for (const m of s.matchAll(NARRATIVE_TAIL)) {
      const open = m.index;
      if (taken.some(([a, b]) => open >= a && open < b)) continue;
      const authors = namesBefore(s, open);
      if (authors.length === 0) continue;
      const longest = authors[0] ?? "";
      const start = s.slice(0, open).trimEnd().length - longest.length;
      const end = open + m[0].length;
      found.push({
        style: "narrative",
        raw: text.slice(start, end),
        start,
        end,
        items: [{ authors, year: tidyYear(m.groups?.year ?? ""), locator: m.groups?.loc?.trim() ?? "", prefix: "", start, end }],
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function parseParenthetical(inner: string, base: number): Omit<FoundCitation, "raw" | "start" | "end"> | null {
  const items: FoundItem[] = [];
  let offset = 0;
  for (const part of inner.split(";")) {
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim();
    // "(Okoro, 2018a, pp. 45–47; 2018b)": a year alone takes the names before it.
    const previous = items[items.length - 1];
    const yearOnly = new RegExp(String.raw`^(?:${YEAR})(?:\s*,\s*(?<loc>\S.*))?$`, "u").exec(trimmed);
    if (yearOnly && previous && previous.year) {
      const start = base + offset + lead;
      items.push({ authors: previous.authors, year: tidyYear(trimmed.split(",")[0] ?? ""), locator: yearOnly.groups?.loc?.trim() ?? "", prefix: "", start, end: start + trimmed.length });
      offset += part.length + 1;
      continue;
    }
    const m = PART.exec(trimmed);
    const written = m?.groups?.author?.trim() ?? "";
    // A title in quotes stands for the names when an entry has none (APA, Harvard, MLA).
    const author = QUOTED.exec(written)?.groups?.title ?? written;
    if (m && (isAuthor(author) || author !== written)) {
      const pre = m.groups?.pre ?? "";
      const start = base + offset + lead + pre.length;
      const end = base + offset + lead + trimmed.length;
      const years = (m.groups?.years ?? "").split(",").map((y) => tidyYear(y));
      for (const year of years) {
        items.push({ authors: [author], year, locator: (m.groups?.loc ?? m.groups?.asaLoc)?.trim() ?? "", prefix: pre.trim(), start, end });
      }
    } else {
      const page = PAGE_PART.exec(trimmed);
      const pageAuthor = page?.groups?.author?.trim() ?? "";
      if (page && isAuthor(pageAuthor) && (!page.groups?.title || isTitleHint(page.groups.title))) {
        const pre = page.groups?.pre ?? "";
        const start = base + offset + lead + pre.length;
        const end = base + offset + lead + trimmed.length;
        const title = page.groups?.title?.trim();
        items.push({ authors: [pageAuthor], year: "", locator: page.groups?.loc?.trim() ?? "", prefix: pre.trim(), start, end, tentative: true, ...(title ? { titleHint: title } : {}) });
      } else {
        const bare = nameOnly(trimmed);
        if (bare) {
          const { name, title, pre } = bare;
          const start = base + offset + lead + pre.length;
          const end = base + offset + lead + trimmed.length;
          items.push({ authors: [name], year: "", locator: "", prefix: pre.trim(), start, end, tentative: true, speculative: true, ...(title ? { titleHint: title } : {}) });
        }
      }
    }
    offset += part.length + 1;
  }
  return items.length > 0 ? { style: "parenthetical", items } : null;
}

/**
 * MLA with no page: "(Roelen)", "(Xie, Dervieux, et al.)", "(Kuhn and Vaughan, Parsnip)",
 * "(“General Social Survey”)": the whole part as names, else names and a short title.
 */
function nameOnly(part: string): { name: string; title?: string; pre: string } | null {
  if (/[\d()]/.test(part)) return null;
  const pre = LEAD_PREFIX.exec(part)?.[0] ?? "";
  const rest = part.slice(pre.length);
  const quoted = QUOTED.exec(rest)?.groups?.title;
  if (quoted) return { name: quoted, pre };
  // "(DPRK)" after a name defines an acronym; MLA's "(FCC)" is caught by the name in the prose (mentions.ts).
  if (/^\p{Lu}[\p{Lu}\p{N}&-]+$/u.test(rest)) return null;
  if (isAuthor(rest)) return { name: rest, pre };
  const comma = rest.lastIndexOf(",");
  const name = rest.slice(0, comma).trim();
  const title = rest.slice(comma + 1).trim();
  if (comma > 0 && isAuthor(name) && isTitleHint(title)) return { name, title, pre };
  return null;
}

/** One name, or a list of them ("Okafor, Lindqvist, and Haddad"). */
export function isAuthor(author: string): boolean {
  // "(London: Meridian Press, 2011)" in a full note is a place and a publisher.
  if (author.includes(":")) return false;
  const pieces = author.split(/\s*,\s*/).filter((p, i) => i === 0 || !/^et\.?\s+al\.?$/u.test(p));
  if (pieces.length > 6) return false;
  // "Aug-Sep 2023", "Jan–Mar": a range of months is a date, not a name.
  const first = author.split(/[\s.,]+/)[0] ?? "";
  return pieces.every((p, i) => isOneAuthor(i > 0 ? p.replace(/^(?:and|&)\s+/, "") : p)) && !NOT_AUTHORS.has(first) && !NOT_AUTHORS.has(first.split(/[-\u2013/]/)[0] ?? "");
}

function isOneAuthor(author: string): boolean {
  const words = author.replace(/\s+et\.?\s+al\.?$/u, "").split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12) return false;
  // A name may open with a particle ("van Dijk", "de la Cruz"), never with "and" or "of".
  if (!isNameWord(words[0] ?? "") && !(PARTICLES.has(words[0] ?? "") && words.length > 1)) return false;
  return words.every((w) => isNameWord(w) || CONNECTORS.has(w) || /^[\p{L}][\p{L}\p{M}'’.\-]*$/u.test(w) && CONNECTORS.has(w.toLowerCase()));
}

/** A short title in an MLA citation: a few words, the first capitalised. */
function isTitleHint(title: string): boolean {
  const words = title.trim().split(/\s+/);
  return words.length <= 8 && /^[\p{Lu}“"]/u.test(title.trim());
}

/** The capitalised run of words right before a narrative "(2024)", longest first. */
export function namesBefore(s: string, open: number): string[] {
  const before = s.slice(0, open).trimEnd();
  if (before.length === open) return []; // "Yoon(2024)" without a space is not prose
  const words = before.split(/ +/);
  const run: string[] = [];
  // "Smith et al. (2022)": the "et al." belongs to the name.
  if (words.length >= 3 && (words[words.length - 1] === "al." || words[words.length - 1] === "al") && words[words.length - 2] === "et") {
    run.unshift(...words.splice(words.length - 2, 2));
  }
  // "Sun Park. (2021)" ends a sentence: the year is not attached to a name.
  if (run.length === 0 && /[.!?:;,]$/.test(words[words.length - 1] ?? "")) return [];
  for (let i = words.length - 1; i >= 0 && run.length < 8; i--) {
    let w = words[i] ?? "";
    // "Yoon’s (2024)": the possessive belongs to the sentence, not the name.
    if (run.length === 0) w = w.replace(/[’']s$/u, "");
    // "Okafor, Lindqvist, and Haddad (2019)": a comma inside a list of names keeps the run going.
    const listComma = /,$/.test(w) && isNameWord(w) && run.some((r) => r === "and" || r === "&");
    if (/[.!?:;,]$/.test(w) && w !== "al." && run.length > 0 && !listComma) break;
    if (isNameWord(w.replace(/[’']s$/, "")) || (CONNECTORS.has(w) && run.length > 0)) run.unshift(w);
    else break;
  }
  while (run.length > 0 && CONNECTORS.has(run[0] ?? "") && !PARTICLES.has(run[0] ?? "")) run.shift();
  if (run.length === 0 || /[,;:]$/.test(run[run.length - 1] ?? "")) return [];
  while (run.length > 1 && SENTENCE_STARTERS.has(run[0] ?? "")) run.shift();
  while (run.length > 1 && CONNECTORS.has(run[0] ?? "") && !PARTICLES.has(run[0] ?? "")) run.shift();
  if (NOT_AUTHORS.has((run[0] ?? "").replace(/[.,]$/, ""))) return [];
  const candidates: string[] = [];
  for (let i = 0; i < run.length; i++) {
    // A candidate may start at a particle ("von Arnim", "de la Cruz"), never at "and" or "of".
    if (CONNECTORS.has(run[i] ?? "") && !(PARTICLES.has(run[i] ?? "") && (i === 0 || !PARTICLES.has(run[i - 1] ?? "")))) continue;
    candidates.push(run.slice(i).join(" "));
  }
  return candidates;
}

/** One spelling per year: "n.d." and "n.d.-a" (APA's), a reprint's two as "1867/1990". */
export function tidyYear(y: string): string {
  const t = y.trim();
  const undated = /^(?:n\.\s?d\.|no date)(?:\s?-?(?<letter>[a-z]))?$/u.exec(t);
  if (undated) return undated.groups?.letter ? `n.d.-${undated.groups.letter}` : "n.d.";
  const two = t.match(new RegExp(Y4, "gu"));
  return two && two.length === 2 ? `${two[0]}/${two[1]}` : t;
}
