// Numeric citations: "[1]", "[1, 3]", "[2–4]" (IEEE), "(1)" (Vancouver), "^1^" (superscript as
// typed in markdown) and "¹²" (superscript digits pasted from a word processor). Looked
// for only when the Sources list is numbered; each number becomes one item.
import type { FoundCitation, FoundItem } from "./find.js";

const LIST = String.raw`\d{1,4}(?:\s*[,;\u2013-]\s*\d{1,4})*`;
/** IEEE's locator inside the brackets: "[6, Sec. 4]", "[14, p. 12]", "[3, Ch. 2]", "[2, Fig. 3]". */
const LOCATOR = String.raw`(?:,\s*(?:pp?|ch|chap|sec|secs|para|paras|fig|figs|eq|tab|vol|no|art|l|ll|pt|app|n)\.\s*[\w.\u2013-]+)`;
const BRACKETS = new RegExp(String.raw`(?<!\])\[(${LIST})${LOCATOR}?\](?![(:\[])`, "giu");
/** IEEE's range across brackets: "[3]–[5]" cites 3, 4 and 5. */
const BRACKET_RANGE = /(?<!\])\[(\d{1,4})\]\s*[\u2013-]\s*\[(\d{1,4})\](?![(:[])/gu;
const CARETS = new RegExp(String.raw`\^(${LIST})\^`, "gu");
/** Vancouver's "(1)": only where a citation stands, before punctuation or the end, never "(1) the first…". */
const PARENS = new RegExp(String.raw`(?<=[\p{L}\p{N}\p{P}] ?)\((?:(?:see|cf\.|e\.g\.,?)\s+)?(${LIST})\)(?=[.,;:!?]|\s*$)`, "gu");
/** Vancouver's narrative number: "(16) described…", "As (25) noted" (tentative: "(1) the first…" may be a list). */
const SUBJECT = new RegExp(String.raw`(?<=^|\s)\((\d{1,4})\)(?=\s+\p{Ll})`, "gu");
const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const UNICODE = /(?<=[\p{L}\p{P}])([⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻–][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)/gu;

/** Numbers named by a list: "1, 3" → 1, 3; "2–4" → 2, 3, 4; each with its offset inside `list`. */
function numbersIn(list: string): Array<{ n: number; start: number; end: number }> {
  const out: Array<{ n: number; start: number; end: number }> = [];
  for (const m of list.matchAll(/(\d+)(?:\s*[–-]\s*(\d+))?/g)) {
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    // A reversed or huge range is a typo or not a citation: take its ends only.
    const range = to >= from && to - from <= 50 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [from, to];
    for (const n of range) out.push({ n, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function citation(text: string, start: number, end: number, listStart: number, list: string): FoundCitation {
  const numbers = numbersIn(list);
  // A lone "[5]" is reported at its bracket; in "[1, 7]" each number at itself.
  const one = numbers.length === 1;
  const items: FoundItem[] = numbers.map(({ n, start: a, end: b }) => ({
    authors: [],
    year: "",
    locator: "",
    prefix: "",
    number: n,
    start: one ? start : listStart + a,
    end: one ? end : listStart + b,
  }));
  return { style: "parenthetical", raw: text.slice(start, end), start, end, items };
}

export function findNumericCitations(text: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(BRACKET_RANGE)) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (to <= from || to - from > 50) continue;
    found.push(citation(text, m.index, m.index + m[0].length, m.index, `${from}-${to}`));
    ranges.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(BRACKETS)) {
    if (ranges.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const list = m[1] ?? "";
    const c = citation(text, m.index, m.index + m[0].length, m.index + 1, list);
    // The locator belongs to the first number, as in "[6, Sec. 4]".
    const loc = m[0].slice(1 + list.length, -1).replace(/^,\s*/, "");
    if (loc && c.items[0]) c.items[0].locator = loc;
    found.push(c);
  }
  const subjects = [...text.matchAll(SUBJECT)];
  for (const m of subjects) {
    // "must (1) stop returns and (2) release…": two in one sentence are an enumeration.
    const sentence = (a: number, b: number) => !/[.!?]\s/.test(text.slice(Math.min(a, b), Math.max(a, b)));
    if (subjects.some((o) => o !== m && sentence(o.index, m.index))) continue;
    const c = citation(text, m.index, m.index + m[0].length, m.index + 1, m[1] ?? "");
    for (const item of c.items) item.tentative = true;
    found.push(c);
  }
  for (const m of text.matchAll(CARETS)) found.push(citation(text, m.index, m.index + m[0].length, m.index + 1, m[1] ?? ""));
  for (const m of text.matchAll(PARENS)) {
    const list = m[1] ?? "";
    found.push(citation(text, m.index, m.index + m[0].length, m.index + m[0].indexOf(list), list));
  }
  for (const m of text.matchAll(UNICODE)) {
    const digits = [...(m[1] ?? "")].map((c) => (SUPERSCRIPTS.includes(c) ? String(SUPERSCRIPTS.indexOf(c)) : c === "⁻" ? "-" : c)).join("");
    found.push(citation(text, m.index, m.index + (m[1] ?? "").length, m.index, digits));
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The whole of a raised run ("<sup>2, 5</sup>", Nature's "<sup>see 21</sup>"): a list of numbers, or nothing. */
export function findRaisedNumbers(text: string): FoundCitation[] {
  const m = new RegExp(String.raw`^(\s*(?:(?:see|cf\.|e\.g\.,?)\s+)?)(${LIST})\s*$`, "u").exec(text);
  if (!m) return [];
  const start = m[1]?.length ?? 0;
  const list = m[2] ?? "";
  return [citation(text, start, start + list.length, start, list)];
}
