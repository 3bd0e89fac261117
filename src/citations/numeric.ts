// Numeric citations: "[1]", "[1, 3]", "[2–4]" (IEEE), "(1)" (Vancouver), "^1^" (superscript as
// typed in markdown) and "¹²" (superscript digits pasted from a word processor). Looked
// for only when the Sources list is numbered; each number becomes one item.
import type { FoundCitation, FoundItem } from "./find.js";

const LIST = String.raw`\d{1,4}(?:\s*[,\u2013-]\s*\d{1,4})*`;
const BRACKETS = new RegExp(String.raw`(?<!\])\[(${LIST})\](?![(:\[])`, "gu");
const CARETS = new RegExp(String.raw`\^(${LIST})\^`, "gu");
/** Vancouver's "(1)": only where a citation stands, before punctuation or the end, never "(1) the first…". */
const PARENS = new RegExp(String.raw`(?<=[\p{L}\p{N}\p{P}] ?)\((${LIST})\)(?=[.,;:!?]|\s*$)`, "gu");
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
  for (const m of text.matchAll(BRACKETS)) found.push(citation(text, m.index, m.index + m[0].length, m.index + 1, m[1] ?? ""));
  for (const m of text.matchAll(CARETS)) found.push(citation(text, m.index, m.index + m[0].length, m.index + 1, m[1] ?? ""));
  for (const m of text.matchAll(PARENS)) found.push(citation(text, m.index, m.index + m[0].length, m.index + 1, m[1] ?? ""));
  for (const m of text.matchAll(UNICODE)) {
    const digits = [...(m[1] ?? "")].map((c) => (SUPERSCRIPTS.includes(c) ? String(SUPERSCRIPTS.indexOf(c)) : c === "⁻" ? "-" : c)).join("");
    found.push(citation(text, m.index, m.index + (m[1] ?? "").length, m.index, digits));
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The whole of a raised run ("<sup>2, 5</sup>"): a list of numbers, or nothing. */
export function findRaisedNumbers(text: string): FoundCitation[] {
  const m = new RegExp(String.raw`^(\s*)(${LIST})\s*$`, "u").exec(text);
  if (!m) return [];
  const start = m[1]?.length ?? 0;
  const list = m[2] ?? "";
  return [citation(text, start, start + list.length, start, list)];
}
