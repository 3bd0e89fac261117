// Shaping (ligatures, kerning, marks) by HarfBuzz, compiled to WebAssembly. pdfkit would
// ask fontkit, whose shaper is JavaScript and decodes every face's GSUB/GPOS tables on
// first use: for the sample brief that was ~0.3 s of a 1.3 s build, against ~0.05 s
// here. pdfkit still subsets and embeds the fonts through fontkit; HarfBuzz only answers
// pdfkit's layout question (which glyphs, where), on the same font bytes.
import type * as HarfBuzz from "harfbuzzjs";
import { importPackage } from "../packages.js";
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

  /** Shapes one run of text in one face; `scale` takes font units to pdfkit's text space. */
  shape(key: FontKey, text: string, scale: number): ShapedRun {
    const face = this.face(key);
    const buffer = this.buffer;
    buffer.clearContents();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    this.hb.shape(face.font, buffer);
    const infos = buffer.getGlyphInfos();
    const raw = buffer.getGlyphPositions();
    const glyphs: ShapedGlyph[] = [];
    const positions: ShapedPosition[] = [];
    let advanceWidth = 0;
    // Clusters are UTF-16 offsets into `text`, ascending (our runs are left to right).
    // A cluster's characters go to its first glyph, so extraction reads each once.
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i]!;
      const pos = raw[i]!;
      const first = i === 0 || infos[i - 1]!.cluster !== info.cluster;
      let end = text.length;
      for (let j = i + 1; j < infos.length; j++) {
        if (infos[j]!.cluster !== info.cluster) {
          end = infos[j]!.cluster;
          break;
        }
      }
      const codePoints = first ? [...text.slice(info.cluster, end)].map((c) => c.codePointAt(0) ?? 0) : [];
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
