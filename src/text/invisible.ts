// Characters that are never drawn and need no glyph: controls (C0 and C1, pasted from
// Windows code pages), zero-width and bidi marks, soft hyphens, Unicode tag characters.
// One definition for the checker and every renderer, so `check` and `build` agree on what
// a missing glyph is. Tab and line ends are layout; ZWJ and ZWNJ steer shaping and go to
// HarfBuzz, which hides them.
export const INVISIBLE = /(?![\t\n\r\u200c\u200d])[\p{Cc}\p{Cf}]/gu;

/** Never drawn, so never missing: spaces, invisibles, the joiners, variation selectors. */
export function neverDrawn(char: string): boolean {
  return /[\s\p{Cc}\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u.test(char);
}

/**
 * Bidi embeddings and overrides (U+202A–U+202E). In a one-line field (title, short title,
 * organisation…) they are never needed (the bidi algorithm orders Arabic and Hebrew by
 * itself; isolates and marks, which are kept, cover the rest) and are the "Trojan source"
 * trick: U+202E shows a title backwards in one renderer and not in another. So they are
 * left out of every output alike, with a word (text/bidi-override).
 */
export const BIDI_OVERRIDES = /[\u202a-\u202e]/gu;

export function dropBidiOverrides(text: string): string {
  return text.replace(BIDI_OVERRIDES, "");
}
