// Fonts for the PDF: which file each face comes from, which face covers a character
// (pdfkit has no fallback, so we split runs by script ourselves), and text widths.
import * as fontkit from "fontkit";
import { covers, fallbackFor } from "./coverage.js";
import { FACES, isFallbackKey } from "./font-files.js";
import { MissingGlyphError } from "./missing-glyph.js";
import type { Face, FallbackFace, FontKey } from "./font-files.js";

export type { Face, FallbackFace, FontKey } from "./font-files.js";

const BOLD_FACES = new Set<Face>(["serif-bold", "serif-bolditalic", "sans-semibold", "sans-bold"]);

export function isFallback(key: FontKey): key is FallbackFace {
  return isFallbackKey(key);
}

/** The Korean and Chinese faces: big, and drawn by fontkit for a few names (see write.ts). */
export function isCjk(key: FontKey): boolean {
  return /^(kr|sc)(-bold)?$/.test(key);
}

/** Script faces whose glyphs change with context (joining, conjuncts, ligated emoji): measured by shaping. */
function shapesInContext(key: FontKey): boolean {
  return isFallback(key) && !isCjk(key);
}

/**
 * Characters that belong to the character before them, whatever their own coverage:
 * combining marks (harakat, Indic vowel signs, Burmese medials), the joiners that steer
 * Persian and Indic shaping, variation selectors and emoji modifiers. Split from their
 * base into another face, they would be drawn on a dotted circle.
 */
const CLINGS = /^[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;
/** Punctuation and digits shared by scripts (Arabic comma, danda): kept in the face of the text around them when it has them. */
const SHARED = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const JOINERS = /[\u200c\u200d]/u;
const RTL_FACES = /^(arab|hebr)(-bold)?$/;

export { INVISIBLE } from "./invisible.js";

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
  private readonly shapedWidths = new Map<FontKey, Map<string, number>>();
  private shapedEms?: (key: FontKey, text: string) => number;

  constructor(private readonly source: FontSource) {}

  /** Measures text in the script faces by shaping it: an Arabic word is not the sum of its letters' widths. */
  measureShapedWith(ems: (key: FontKey, text: string) => number): void {
    this.shapedEms ??= ems;
  }

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
      const cp = char.codePointAt(0) ?? 0;
      const last = out[out.length - 1];
      // Spaces after a word in a right-to-left face stay in its run: the phrase is then one
      // run, which pdf.js reads as one piece, and no space is drawn alone (pdf.js drops those).
      // ZWJ/ZWNJ go with the run they sit in (HarfBuzz hides them); marks stay with a
      // script-face base that has them.
      const afterScript = last !== undefined && isFallback(last.key);
      const spaceAfterRtl = afterScript && /\s/u.test(char) && RTL_FACES.test(last.key) && covers(last.key, cp);
      if (last && (spaceAfterRtl || JOINERS.test(char) || (afterScript && CLINGS.test(char) && covers(last.key, cp)))) {
        last.text += char;
        continue;
      }
      let key = JOINERS.test(char) ? face : memo(keys, cp, () => this.faceFor(char, face));
      // Shared punctuation the Latin face lacks (a danda) stays in the script face before it.
      if (last && isFallback(key) && isFallback(last.key) && key !== last.key && SHARED.test(char) && covers(last.key, cp)) key = last.key;
      const prev = out[out.length - 1];
      if (prev && prev.key === key) prev.text += char;
      // Spaces before a word in a right-to-left face join its run, for the same reasons.
      else if (prev && prev.key === face && RTL_FACES.test(key) && /^\s+$/u.test(prev.text) && [...prev.text].every((c) => covers(key, c.codePointAt(0) ?? 0))) {
        prev.key = key;
        prev.text += char;
      } else out.push({ text: char, key });
    }
    // Spaces at the end stay too: the next word, measured apart, may be in the same face.
    return out;
  }

  /** The face itself when it has the character (or it is a space), else the first fallback that does. */
  private faceFor(char: string, face: Face): FontKey {
    const cp = char.codePointAt(0) ?? 0;
    if (this.font(face).hasGlyphForCodePoint(cp) || /\s/u.test(char)) return face;
    // Last, another of our Latin faces (a sign Source Sans has and Source Serif lacks):
    // whatever some bundled face has is drawn, as `check` promises (rules/fonts.ts).
    const fallback = fallbackFor(char, BOLD_FACES.has(face)) ?? FACES.find((other) => covers(other, cp));
    if (!fallback) throw new MissingGlyphError(char);
    return fallback;
  }

  /**
   * Width from the glyphs' advance widths. Full shaping (kerning, ligatures) is left to
   * pdfkit when it draws: it only ever narrows Latin text, so a line measured this way
   * never runs past its measure, and measuring costs a table lookup instead of GSUB/GPOS.
   */
  width(text: string, key: FontKey, size: number): number {
    const shaped = shapesInContext(key) ? this.shapedEms : undefined;
    return memo(memo(this.widths, key, () => new Map()), text, () => (shaped ? shaped(key, text) : this.units(text, key))) * size;
  }

  /**
   * Width as drawn, kerning and all, where the shaper is at hand (lines with right-to-left
   * text: their right edges must line up exactly). The CJK faces keep advance widths.
   */
  shapedWidth(text: string, key: FontKey, size: number): number {
    if (!this.shapedEms || isCjk(key) || shapesInContext(key)) return this.width(text, key, size);
    const ems = this.shapedEms;
    return memo(memo(this.shapedWidths, key, () => new Map()), text, () => ems(key, text)) * size;
  }

  private units(text: string, key: FontKey): number {
    const advances = memo(this.advances, key, () => new Map<number, number>());
    const font = this.font(key);
    let units = 0;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (JOINERS.test(char)) continue; // drawn as nothing
      units += memo(advances, cp, () => font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm);
    }
    return units;
  }

  ascent(key: FontKey, size: number): number {
    const f = this.font(key);
    return (f.ascent / f.unitsPerEm) * size;
  }
}
