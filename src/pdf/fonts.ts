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
export class FontBook {
  private readonly fonts = new Map<FontKey, fontkit.Font>();
  private readonly advances = new Map<FontKey, Map<number, number>>();

  constructor(private readonly source: FontSource) {}

  font(key: FontKey): fontkit.Font {
    let font = this.fonts.get(key);
    if (!font) {
      font = fontkit.create(this.source.fontBytes(key));
      this.fonts.set(key, font);
    }
    return font;
  }

  /** Has the files of faces not parsed yet read in the background (see Workspace). */
  prefetch(keys: readonly FontKey[]): Promise<void> {
    const missing = keys.filter((key) => !this.fonts.has(key));
    return missing.length && this.source.prefetchFonts ? this.source.prefetchFonts(missing) : Promise.resolve();
  }

  private readonly layouts = new Map<FontKey, Record<string, unknown>>();

  /** pdfkit's per-word shaping cache for this face, shared by every PDF this book makes. */
  layoutCache(key: FontKey): Record<string, unknown> {
    let cache = this.layouts.get(key);
    if (!cache) {
      cache = Object.create(null) as Record<string, unknown>;
      this.layouts.set(key, cache);
    }
    return cache;
  }

  bytes(key: FontKey): Buffer {
    return this.source.fontBytes(key);
  }

  private readonly segments = new Map<Face, Map<string, readonly Segment[]>>();
  private readonly coverage = new Map<Face, Map<number, FontKey>>();

  /**
   * Splits text into pieces that one font each can draw. Cached per face and text:
   * a brief measures the same words over and over. The result is shared; don't mutate.
   */
  segment(text: string, face: Face): readonly Segment[] {
    let byText = this.segments.get(face);
    if (!byText) {
      byText = new Map();
      this.segments.set(face, byText);
    }
    let out = byText.get(text);
    if (!out) {
      out = this.split(text, face);
      byText.set(text, out);
    }
    return out;
  }

  private split(text: string, face: Face): Segment[] {
    let keys = this.coverage.get(face);
    if (!keys) {
      keys = new Map();
      this.coverage.set(face, keys);
    }
    const out: Segment[] = [];
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      let key = keys.get(cp);
      if (key === undefined) {
        key = face;
        if (!this.font(face).hasGlyphForCodePoint(cp) && !/\s/u.test(char)) {
          const fallback = fallbacks(face).find((k) => this.font(k).hasGlyphForCodePoint(cp));
          if (!fallback) throw new MissingGlyphError(char);
          key = fallback;
        }
        keys.set(cp, key);
      }
      const last = out[out.length - 1];
      if (last && last.key === key) last.text += char;
      else out.push({ text: char, key });
    }
    return out;
  }

  private readonly widths = new Map<FontKey, Map<string, number>>();

  /**
   * Width from the glyphs' advance widths. Full shaping (kerning, ligatures) is left to
   * pdfkit when it draws: it only ever narrows Latin text, so a line measured this way
   * never runs past its measure, and measuring costs a table lookup instead of GSUB/GPOS.
   */
  width(text: string, key: FontKey, size: number): number {
    let byText = this.widths.get(key);
    if (!byText) {
      byText = new Map();
      this.widths.set(key, byText);
    }
    let units = byText.get(text);
    if (units === undefined) {
      units = this.units(text, key);
      byText.set(text, units);
    }
    return units * size;
  }

  private units(text: string, key: FontKey): number {
    let advances = this.advances.get(key);
    if (!advances) {
      advances = new Map();
      this.advances.set(key, advances);
    }
    const font = this.font(key);
    let units = 0;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      let advance = advances.get(cp);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        advances.set(cp, advance);
      }
      units += advance;
    }
    return units;
  }

  ascent(key: FontKey, size: number): number {
    const f = this.font(key);
    return (f.ascent / f.unitsPerEm) * size;
  }
}
