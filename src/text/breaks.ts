// Break opportunities beyond UAX #14: Thai, Lao, Khmer and Burmese write words without
// spaces between them, so the `linebreak` package (which has no dictionary) finds none;
// ICU's word segmenter (Intl.Segmenter) does. And no break, from any source, may fall
// inside a grapheme cluster (a consonant and its vowel signs, an emoji sequence).

/** Scripts with no spaces between words (UAX #14 class SA). */
const NO_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tai_Tham}\p{Script=Tai_Viet}]/u;
/** Text of Latin letters, digits and punctuation only: its clusters are single characters (bar combining marks, handled by UAX #14). */
const SIMPLE = /^[\u0000-\u02ff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]*$/u;

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
  if (SIMPLE.test(text)) return null;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const starts = new Set<number>();
  for (const { index } of graphemes.segment(text)) starts.add(index);
  starts.add(text.length);
  return (at) => starts.has(at);
}

/** The text cut into grapheme clusters (for cutting a word too long for its line). */
export function clusters(text: string): string[] {
  if (SIMPLE.test(text)) return [...text];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return [...graphemes.segment(text)].map((s) => s.segment);
}
