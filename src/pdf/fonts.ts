// Fonts for the PDF: which file each face comes from, which face covers a character
// (pdfkit has no fallback, so we split runs by script ourselves), and text widths.
import * as fontkit from "fontkit";
import { MissingGlyphError } from "./missing-glyph.js";
import type { Face, FallbackFace, FontKey } from "./font-files.js";

export type { Face, FallbackFace, FontKey } from "./font-files.js";

const BOLD_FACES = new Set<Face>(["serif-bold", "serif-bolditalic", "sans-semibold", "sans-bold"]);

export function isFallback(key: FontKey): boolean {
  return key === "kr" || key === "kr-bold" || key === "sc" || key === "sc-bold";
}

/** Fallback order after the face itself: Korean (Hangul + traditional Hanja), then simplified Chinese. */
function fallbacks(face: Face): FallbackFace[] {
  return BOLD_FACES.has(face) ? ["kr-bold", "sc-bold"] : ["kr", "sc"];
}

/** Characters that are never drawn and need no glyph: controls, zero-width and bidi marks. */
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** A stretch of text that one font draws. */
export interface Segment {
  text: string;
  key: FontKey;
}

export interface FontSource {
  /** Reads a font file's bytes; the workspace caches them across briefs. */
  fontBytes(key: FontKey): Buffer;
  /** Starts reading font files in the background, ahead of fontBytes(). */
  prefetchFonts?(keys: readonly FontKey[]): Promise<void>;
}

/**
 * Parsed fonts plus a width cache. One per build run: fallback fonts (6 MB each) are
 * only parsed when a brief has a character the Latin faces lack.
 */
/** The value cached under `key`, made by `make` the first time. */
function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export class FontBook {
  private readonly fonts = new Map<FontKey, fontkit.Font>();
  private readonly layouts = new Map<FontKey, Record<string, unknown>>();
  private readonly segments = new Map<Face, Map<string, readonly Segment[]>>();
  private readonly coverage = new Map<Face, Map<number, FontKey>>();
  private readonly widths = new Map<FontKey, Map<string, number>>();
  private readonly advances = new Map<FontKey, Map<number, number>>();

  constructor(private readonly source: FontSource) {}

  font(key: FontKey): fontkit.Font {
    return memo(this.fonts, key, () => fontkit.create(this.source.fontBytes(key)));
  }

  /** Has the files of faces not parsed yet read in the background (see Workspace). */
  prefetch(keys: readonly FontKey[]): Promise<void> {
    const missing = keys.filter((key) => !this.fonts.has(key));
    return missing.length && this.source.prefetchFonts ? this.source.prefetchFonts(missing) : Promise.resolve();
  }

  /** pdfkit's per-word shaping cache for this face, shared by every PDF this book makes. */
  layoutCache(key: FontKey): Record<string, unknown> {
    return memo(this.layouts, key, () => Object.create(null) as Record<string, unknown>);
  }

  bytes(key: FontKey): Buffer {
    return this.source.fontBytes(key);
  }

  /**
   * Splits text into pieces that one font each can draw. Cached per face and text:
   * a brief measures the same words over and over. The result is shared; don't mutate.
   */
  segment(text: string, face: Face): readonly Segment[] {
    return memo(memo(this.segments, face, () => new Map()), text, () => this.split(text, face));
  }

  private split(text: string, face: Face): Segment[] {
    const keys = memo(this.coverage, face, () => new Map<number, FontKey>());
    const out: Segment[] = [];
    for (const char of text) {
      const key = memo(keys, char.codePointAt(0) ?? 0, () => this.faceFor(char, face));
      const last = out[out.length - 1];
      if (last && last.key === key) last.text += char;
      else out.push({ text: char, key });
    }
    return out;
  }

  /** The face itself when it has the character (or it is a space), else the first fallback that does. */
  private faceFor(char: string, face: Face): FontKey {
    const cp = char.codePointAt(0) ?? 0;
    if (this.font(face).hasGlyphForCodePoint(cp) || /\s/u.test(char)) return face;
    const fallback = fallbacks(face).find((k) => this.font(k).hasGlyphForCodePoint(cp));
    if (!fallback) throw new MissingGlyphError(char);
    return fallback;
  }

  /**
   * Width from the glyphs' advance widths. Full shaping (kerning, ligatures) is left to
   * pdfkit when it draws: it only ever narrows Latin text, so a line measured this way
   * never runs past its measure, and measuring costs a table lookup instead of GSUB/GPOS.
   */
  width(text: string, key: FontKey, size: number): number {
    return memo(memo(this.widths, key, () => new Map()), text, () => this.units(text, key)) * size;
  }

  private units(text: string, key: FontKey): number {
    const advances = memo(this.advances, key, () => new Map<number, number>());
    const font = this.font(key);
    let units = 0;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      units += memo(advances, cp, () => font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm);
    }
    return units;
  }

  ascent(key: FontKey, size: number): number {
    const f = this.font(key);
    return (f.ascent / f.unitsPerEm) * size;
  }
}
