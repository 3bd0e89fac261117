// Citations as notes carry them: "[^4]: Mendez 2011, 45; Lutz 2016." (no parentheses),
// "Ibid., 12." / "Id." (the previous note's source), "Mendez, op. cit., 47" (the
// author's work cited before) and Chicago's "Mendez, “Courts as Gatekeepers,” 47". Bare author-year pairs are tentative: a lookalike such as
// "Geneva 2019" that names no entry and is near none is not a citation.
import { YEAR, isAuthor, namesBefore, normaliseSpaces, tidyYear, type FoundCitation } from "./find.js";

const LOCATOR = /^\s*[,:]\s*(?<loc>(?:pp?\.\s*|paras?\.\s*)?\d{1,5}(?:\s*[–-]\s*\d{1,5})?(?:\s*,\s*\d{1,5}(?:\s*[–-]\s*\d{1,5})?)*)(?![\d/])/u;
const IBID = /(?<=^|[;.,]\s|^\s+|\b[Ss]ee\s)(?<word>[Ii]bid(?:em)?\.?|Id\.)(?:,?\s*(?<loc>(?:pp?\.\s*|paras?\.\s*|at\s+)?\d{1,5}(?:\s*[–-]\s*\d{1,5})?))?/gu;
const OP_CIT = /,\s*(?:op\.\s?cit\.|loc\.\s?cit\.)(?:,?\s*(?<loc>(?:pp?\.\s*)?\d{1,5}(?:\s*[–-]\s*\d{1,5})?))?/gu;
/** Chicago's short and full notes: "Mendez, “Courts as Gatekeepers,” 47", "Lucía Mendez, “Courts…,” in …". */
const SHORT_NOTE = /(?<=^|[;.]\s|^\s+|\b[Ss]ee\s|\b[Ss]ee also\s|\b[Cc]f\.\s)(?<author>[\p{Lu}](?:[^,;.“”"()]|\bet al\.)*?),\s*[“"](?<title>[^”"]{3,}?)[,.]?[”"](?:,?\s*(?<loc>(?:pp?\.\s*)?\d{1,5}(?:\s*[–-]\s*\d{1,5})?)(?=[.;]|$))?/gu;
/** "See", "See also", "Cf." before a note's author. */
const LEAD = /^(?:see also|see|cf\.|compare)\s+/iu;
const BARE_YEAR = new RegExp(String.raw`(?<![(\d\p{L}/.-])(?<year>${YEAR})(?![\d\p{L}/)-])`, "gu");

const overlaps = (taken: ReadonlyArray<[number, number]>, a: number, b: number) => taken.some(([x, y]) => a < y && x < b);

export function findNoteCitations(text: string, taken: ReadonlyArray<[number, number]>): FoundCitation[] {
  const s = normaliseSpaces(text);
  const found: FoundCitation[] = [];
  const push = (c: FoundCitation) => {
    if (overlaps([...taken, ...found.map((f): [number, number] => [f.start, f.end])], c.start, c.end)) return;
    found.push(c);
  };
  for (const m of s.matchAll(IBID)) {
    const end = m.index + m[0].length;
    push({ style: "narrative", raw: text.slice(m.index, end), start: m.index, end, items: [{ authors: [], year: "", locator: m.groups?.loc?.trim() ?? "", prefix: "", start: m.index, end, ibid: true }] });
  }
  for (const m of s.matchAll(OP_CIT)) {
    const authors = namesBefore(s.slice(0, m.index) + " (", m.index + 1);
    const longest = authors[0];
    if (!longest) continue;
    const start = m.index - longest.length;
    const end = m.index + m[0].length;
    push({ style: "narrative", raw: text.slice(start, end), start, end, items: [{ authors, year: "", locator: m.groups?.loc?.trim() ?? "", prefix: "", start, end, tentative: true }] });
  }
  for (const m of s.matchAll(SHORT_NOTE)) {
    const written = m.groups?.author ?? "";
    const author = written.trim().replace(LEAD, "");
    if (!isAuthor(author)) continue;
    const start = m.index + written.indexOf(author);
    const end = m.index + m[0].length;
    const title = (m.groups?.title ?? "").trim();
    push({ style: "narrative", raw: text.slice(start, end), start, end, items: [{ authors: [author], year: "", locator: m.groups?.loc?.trim() ?? "", prefix: "", start, end, tentative: true, titleHint: title }] });
  }
  for (const m of s.matchAll(BARE_YEAR)) {
    // "Lutz, 2016" (Elsevier's comma) reads as "Lutz 2016".
    const before = s.slice(0, m.index).replace(/,\s*$/, (c) => " ".repeat(c.length));
    const authors = namesBefore(before, m.index).filter((a) => isAuthor(a));
    const longest = authors[0];
    if (!longest) continue;
    const start = before.trimEnd().length - longest.length;
    const loc = LOCATOR.exec(s.slice(m.index + m[0].length));
    const end = m.index + m[0].length + (loc?.[0].length ?? 0);
    const year = tidyYear(m.groups?.year ?? "");
    push({ style: "narrative", raw: text.slice(start, end), start, end, items: [{ authors, year, locator: loc?.groups?.loc?.trim() ?? "", prefix: "", start, end, tentative: true }] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Chicago's short note with an italic title, "Lutz, *The Externalised Border*, 80.": the
 * emphasis splits the text, so the walker hands over the text before it, the title and
 * the text after. Offsets: where the author starts in `before`, where the note ends in `after`.
 */
export function italicShortNote(before: string, after: string): { author: string; authorStart: number; locator: string; afterEnd: number } | null {
  const m = /(?:^|[;.]\s+|^\s+)(?:(?:[Ss]ee also|[Ss]ee|[Cc]f\.)\s+)?(?<author>[\p{Lu}](?:[^,;.“”"()]|\bet al\.)*?),\s*$/u.exec(before);
  const author = (m?.groups?.author?.trim() ?? "").replace(LEAD, "");
  if (!m || !isAuthor(author)) return null;
  const loc = /^,?\s*(?<loc>(?:pp?\.\s*)?\d{1,5}(?:\s*[–-]\s*\d{1,5})?)?(?=\s*[.;]|\s*$)/u.exec(after);
  if (!loc) return null;
  return { author, authorStart: before.lastIndexOf(author, before.length - 1), locator: loc.groups?.loc?.trim() ?? "", afterEnd: loc[0].length };
}
