// Shaping (ligatures, kerning, marks) by HarfBuzz, compiled to WebAssembly. pdfkit would
// ask fontkit, whose shaper is JavaScript and decodes every face's GSUB/GPOS tables on
// first use: for the sample brief that was ~0.3 s of a 1.3 s build, against ~0.05 s
// here. pdfkit still subsets and embeds the fonts through fontkit; HarfBuzz only answers
// pdfkit's layout question (which glyphs, where), on the same font bytes.
import type * as HarfBuzz from "harfbuzzjs";
import { importPackage } from "../world/packages.js";
import type { FontBook, FontKey } from "./fonts.js";

export interface ShapedGlyph {
  id: number;
  /** Nominal advance in font units (pdfkit's width table). */
  advanceWidth: number;
  /** The characters this glyph stands for (pdfkit's ToUnicode map: text extraction). */
  codePoints: number[];
}

export interface ShapedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The nominal advance, scaled like the rest: pdfkit kerns by the difference. */
  advanceWidth: number;
}

/** What pdfkit's EmbeddedFont.layoutRun returns, in its 1000-unit text space. */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: ShapedPosition[];
  advanceWidth: number;
}

/**
 * Passed as pdfkit's "features" to ask for a right-to-left run: pdfkit hands a run with
 * features to layoutRun whole (write.ts points layoutRun here) instead of word by word.
 */
export const RTL_RUN: string[] = ["rtla"];

const NONSPACING = /^\p{Mn}$/u;

interface Face {
  font: HarfBuzz.Font;
  advances: Map<number, number>;
}

export class Shaper {
  private readonly faces = new Map<FontKey, Face>();
  private readonly buffer: HarfBuzz.Buffer;

  constructor(
    private readonly hb: typeof HarfBuzz,
    private readonly book: FontBook,
  ) {
    this.buffer = new hb.Buffer();
  }

  private face(key: FontKey): Face {
    let face = this.faces.get(key);
    if (!face) {
      const font = new this.hb.Font(new this.hb.Face(new this.hb.Blob(this.book.bytes(key)), 0));
      face = { font, advances: new Map() };
      this.faces.set(key, face);
    }
    return face;
  }

  /**
   * Shapes one run of text in one face; `scale` takes font units to pdfkit's text space.
   * A right-to-left run (an odd bidi level) comes back in visual order, mirrored
   * brackets and all.
   */
  shape(key: FontKey, text: string, scale: number, rtl = false): ShapedRun {
    const face = this.face(key);
    const buffer = this.buffer;
    buffer.clearContents();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    if (rtl) buffer.setDirection(this.hb.Direction.RTL);
    this.hb.shape(face.font, buffer);
    const infos = buffer.getGlyphInfos();
    const raw = buffer.getGlyphPositions();
    const glyphs: ShapedGlyph[] = [];
    const positions: ShapedPosition[] = [];
    let advanceWidth = 0;
    // One glyph per cluster, left to right (most text): each glyph stands for its cluster.
    const plain = !rtl && infos.every((g, i) => i === 0 || g.cluster > infos[i - 1]!.cluster);
    const dealt = plain ? null : dealCharacters(text, infos, raw, rtl);
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i]!;
      const pos = raw[i]!;
      const codePoints = dealt ? dealt.get(i) ?? [] : [...text.slice(info.cluster, infos[i + 1]?.cluster ?? text.length)].map((c) => c.codePointAt(0) ?? 0);
      let nominal = face.advances.get(info.codepoint);
      if (nominal === undefined) {
        nominal = face.font.glyphHAdvance(info.codepoint);
        face.advances.set(info.codepoint, nominal);
      }
      glyphs.push({ id: info.codepoint, advanceWidth: nominal, codePoints });
      positions.push({
        xAdvance: pos.xAdvance * scale,
        yAdvance: pos.yAdvance * scale,
        xOffset: pos.xOffset * scale,
        yOffset: pos.yOffset * scale,
        advanceWidth: nominal * scale,
      });
      advanceWidth += pos.xAdvance * scale;
    }
    return { glyphs, positions, advanceWidth };
  }

  /** The shaped width of `text` in ems (line measuring for scripts whose shapes change width). */
  ems(key: FontKey, text: string): number {
    const face = this.face(key);
    return this.shape(key, text, 1 / face.font.face.upem).advanceWidth;
  }
}

const shapers = new WeakMap<FontBook, Promise<Shaper>>();

/** One shaper per FontBook, so HarfBuzz faces live as long as the parsed fonts. */
export function shaperFor(book: FontBook): Promise<Shaper> {
  let shaper = shapers.get(book);
  if (!shaper) {
    // harfbuzzjs is an ES module that instantiates its WebAssembly on import.
    shaper = importPackage<typeof HarfBuzz>("harfbuzzjs").then((hb) => new Shaper(hb, book));
    shapers.set(book, shaper);
  }
  return shaper;
}

/**
 * Clusters are UTF-16 offsets into `text`: ascending left to right, descending right to
 * left. Text extraction reads each glyph's characters (pdfkit's ToUnicode map) in drawing
 * order, reversing right-to-left runs; so a cluster's characters are dealt out, in reading
 * order, over its glyphs that sit on the pen position (not a dot or a vowel sign moved
 * onto a base), one each, the last taking the rest. Other glyphs stand for nothing.
 * Glyphs the shaper reordered (Indic vowel signs, Burmese ေ) still read back as typed.
 */
function dealCharacters(text: string, infos: readonly HarfBuzz.GlyphInfo[], raw: readonly HarfBuzz.GlyphPosition[], rtl: boolean): Map<number, number[]> {
  const starts = [...new Set(infos.map((g) => g.cluster))].sort((a, b) => a - b);
  const members = new Map<number, number[]>();
  infos.forEach((g, i) => {
    const list = members.get(g.cluster);
    if (list) list.push(i);
    else members.set(g.cluster, [i]);
  });
  const dealt = new Map<number, number[]>();
  const ends = new Map(starts.map((c, k) => [c, starts[k + 1] ?? text.length]));
  const deal = (chars: number[], takers: number[]): void => {
    if (rtl) takers.reverse();
    takers.forEach((g, j) => dealt.set(g, j === takers.length - 1 ? chars.slice(j) : chars.slice(j, j + 1)));
  };
  for (const [cluster, indices] of members) {
    const chars = [...text.slice(cluster, ends.get(cluster))];
    const onPen = indices.filter((i) => raw[i]!.xAdvance && !raw[i]!.xOffset && !raw[i]!.yOffset);
    const marks = indices.filter((i) => !onPen.includes(i));
    const points = (list: string[]) => list.map((c) => c.codePointAt(0) ?? 0);
    // Combining marks go to the mark glyphs: pdf.js reads a glyph whose text holds a
    // nonspacing mark as a zero-width diacritic, so a base must not carry one.
    const bases = chars.filter((c) => !NONSPACING.test(c));
    const nonspacing = chars.filter((c) => NONSPACING.test(c));
    // Only where the marks follow the bases: a Khmer subscript (coeng, consonant) in
    // between must keep its place in the reading order.
    const suffix = chars.slice(bases.length).every((c) => NONSPACING.test(c));
    if (onPen.length > 0 && marks.length > 0 && nonspacing.length > 0 && bases.length > 0 && suffix) {
      deal(points(bases), onPen);
      deal(points(nonspacing), marks);
    } else deal(points(chars), onPen.length > 0 ? onPen : indices.slice(0, 1));
  }
  return dealt;
}
