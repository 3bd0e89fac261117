// Bidirectional text (UAX #9) through bidi-js: the embedding level of every character
// of a paragraph, and the visual order of a line's pieces. Text without a right-to-left
// character in a left-to-right paragraph never loads bidi-js: English briefs pay nothing.
import type { Bidi } from "bidi-js";
import { loadPackage } from "../world/packages.js";

export type Direction = "ltr" | "rtl";

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…: the R and AL blocks) and the RTL mark and isolate. */
const RTL_CHARS = "\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefe\\u{10800}-\\u{10fff}\\u{1e800}-\\u{1efff}";
const RTL = new RegExp(`[${RTL_CHARS}\\u200f\\u2067]`, "u");
const RTL_LETTERS = new RegExp(`(?=\\p{L})[${RTL_CHARS}]`, "gu");
const LETTERS = /\p{L}/gu;

let bidi: Bidi | undefined;

function engine(): Bidi {
  // bidi-js's CommonJS build exports its factory itself.
  return (bidi ??= loadPackage<() => Bidi>("bidi-js")());
}

export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/**
 * A paragraph's direction when the brief does not set one: right to left when most of
 * its letters are. (UAX #9's first-strong rule would turn "حمص is a city…" into a
 * right-to-left paragraph; a name at the start of an English sentence is common.)
 */
export function paragraphDirection(text: string): Direction {
  if (!hasRtl(text)) return "ltr";
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  return rtl > (text.match(LETTERS)?.length ?? 0) - rtl ? "rtl" : "ltr";
}

/**
 * Embedding levels, one per UTF-16 unit of `text` (even: left to right, odd: right to
 * left), or null when the whole paragraph is left to right at level 0.
 */
export function embeddingLevels(text: string, direction: Direction): Uint8Array | null {
  if (direction === "ltr" && !hasRtl(text)) return null;
  return engine().getEmbeddingLevels(text, direction).levels;
}

/**
 * The visual order of a line's pieces, given each piece's level (UAX #9 rule L2: from the
 * highest level down to the lowest odd one, reverse every run at that level or above).
 * Returns indices into `levels`, left to right.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const max = Math.max(0, ...levels);
  const minOdd = levels.reduce((m, l) => (l % 2 === 1 && l < m ? l : m), Infinity);
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < order.length; i++) {
      if ((levels[order[i]!] ?? 0) < level) continue;
      let j = i;
      while (j + 1 < order.length && (levels[order[j + 1]!] ?? 0) >= level) j++;
      const reversed = order.slice(i, j + 1).reverse();
      order.splice(i, reversed.length, ...reversed);
      i = j;
    }
  }
  return order;
}
