// Kept apart from fonts.ts so the check path can name this error without loading fontkit.

/** A character no bundled font can draw. The caller turns it into a diagnostic. */
export class MissingGlyphError extends Error {
  override readonly name = "MissingGlyphError";
  constructor(readonly char: string) {
    super(`no bundled font has the character "${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`);
  }
}

