// Where a line may break, as a property of text (the PDF's line breaker reads it; the
// deck leaves breaking to the browser): UAX #14 through the `linebreak` package (the
// one pdfkit uses), ICU's word segmenter for scripts written without spaces, never inside
// a grapheme cluster, and CJK kept as readers expect (Korean words whole, short Han names
// on one line).
import LineBreaker from "linebreak";
import { clusterBoundaries, dictionaryBreaks } from "./breaks.js";

export interface BreakOpportunity {
  position: number;
  /** A forced break (a newline), which no rule may remove. */
  required: boolean;
}

/** Every place a line may end in `text`, in order. */
export function breakOpportunities(text: string): BreakOpportunity[] {
  return uax14(text).filter((bk) => bk.required || !keepsTogether(text, bk.position));
}

/** UAX #14's break opportunities, with word breaks in space-less scripts, none inside a grapheme cluster. */
function uax14(text: string): BreakOpportunity[] {
  const breaks: BreakOpportunity[] = [];
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) breaks.push(bk);
  const extra = dictionaryBreaks(text);
  if (extra.length > 0) {
    const known = new Set(breaks.map((b) => b.position));
    for (const position of extra) if (!known.has(position)) breaks.push({ position, required: false });
    breaks.sort((a, b) => a.position - b.position);
  }
  const boundary = clusterBoundaries(text);
  return boundary ? breaks.filter((b) => boundary(b.position)) : breaks;
}

const HANGUL = /\p{Script=Hangul}/u;
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Longest run of Chinese or Japanese characters kept on one line: a name (赵乐际, 金正恩). */
const SHORT_CJK_RUN = 4;

/**
 * Unicode line breaking may break between any two CJK characters. Korean keeps its
 * words whole (as CSS `word-break: keep-all` does), and a short run of Han characters in
 * other text, usually a name, stays on one line: "赵 / 乐际" reads as two words.
 */
function keepsTogether(text: string, at: number): boolean {
  const before = charBefore(text, at);
  const after = charAt(text, at);
  if (!CJK.test(before) || !CJK.test(after)) return false;
  if (HANGUL.test(before) && HANGUL.test(after)) return true;
  let start = at;
  while (start > 0 && CJK.test(charBefore(text, start))) start -= charBefore(text, start).length;
  let end = at;
  while (end < text.length && CJK.test(charAt(text, end))) end += charAt(text, end).length;
  return [...text.slice(start, end)].length <= SHORT_CJK_RUN;
}

/** The character (one code point, maybe two UTF-16 units) starting at `at`. */
function charAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at) ?? 0);
}

/** The character (one code point) ending just before `at`. */
export function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at);
}
