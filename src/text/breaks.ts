// Break opportunities beyond UAX #14: Thai, Lao, Khmer and Burmese write words without
// spaces between them, so the `linebreak` package (which has no dictionary) finds none;
// ICU's word segmenter (Intl.Segmenter) does. And no break, from any source, may fall
// inside a grapheme cluster (a consonant and its vowel signs, an emoji sequence).

/** Scripts with no spaces between words (UAX #14 class SA). */
const NO_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tai_Tham}\p{Script=Tai_Viet}]/u;
/**
 * What can join code points into one grapheme cluster: marks (vowel signs, viramas,
 * harakat, accents), joiners, variation selectors, emoji modifiers, regional indicators,
 * conjoining Hangul jamo, tags. Text without any (Latin, precomposed Hangul, Han) has
 * one cluster per code point, and segmenting it would cost a pass for nothing.
 */
const JOINS = /[\p{M}\u200d\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

let words: Intl.Segmenter | undefined;
let graphemes: Intl.Segmenter | undefined;

/** Word boundaries strictly inside runs of space-less scripts, ascending. */
export function dictionaryBreaks(text: string): number[] {
  if (!NO_SPACES.test(text)) return [];
  words ??= new Intl.Segmenter(undefined, { granularity: "word" });
  const out: number[] = [];
  for (const { index } of words.segment(text)) {
    if (index === 0) continue;
    // These scripts live in the Basic Multilingual Plane: one UTF-16 unit a character.
    if (NO_SPACES.test(text.charAt(index - 1)) && NO_SPACES.test(text.charAt(index))) out.push(index);
  }
  return out;
}

/** A test for "this offset is a grapheme cluster boundary", or null when every offset is. */
export function clusterBoundaries(text: string): ((at: number) => boolean) | null {
  if (!JOINS.test(text)) return null;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const starts = new Set<number>();
  for (const { index } of graphemes.segment(text)) starts.add(index);
  starts.add(text.length);
  return (at) => starts.has(at);
}

/** The text cut into grapheme clusters (for cutting a word too long for its line). */
export function clusters(text: string): string[] {
  if (!JOINS.test(text)) return [...text];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return [...graphemes.segment(text)].map((s) => s.segment);
}
