// One run of text (one face, size and colour, already placed by lines.ts) into the page's
// content stream, with the operators pdfkit's text() writes for it, byte for byte. What
// this spares is text()'s machinery around them: for a fragment drawn with lineBreak off
// it still builds wrapping options and lays the string out four times (our width query,
// its own measure, encode, and the cursor advance after the line) where one encode does.
import type { ShapedPosition } from "./shaping.js";

/** The parts of pdfkit's document and EmbeddedFont this writes through (private in 0.20.2, which we pin). */
interface TextInternals {
  _font: { id: string; ref(): unknown; encode(text: string): [string[], ShapedPosition[]] };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** pdfkit's number formatting for content streams (PDFObject.number): six decimals at most. */
function num(n: number): number {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Draws `text` in the current font, size and fill colour with its alphabetic baseline at
 * (x, baseline), in pdfkit's top-down coordinates.
 */
export function drawGlyphRun(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number): void {
  const d = doc as unknown as TextInternals;
  text = text.replace(/\n/g, "");
  if (!text) return;
  const font = d._font;
  d.page.fonts[font.id] ??= font.ref();
  const [glyphs, positions] = font.encode(text);
  const scale = d._fontSize / 1000;
  const y = d.page.height - baseline;

  doc.save();
  doc.transform(1, 0, 0, -1, 0, d.page.height);
  d.addContent("BT");
  d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  d.addContent(`/${font.id} ${num(d._fontSize)} Tf`);

  // Glyphs go out in TJ arrays of hex strings, each followed by its kerning adjustment;
  // a glyph moved off the baseline (a mark) gets a Tm of its own.
  const segments: string[] = [];
  let from = 0;
  const segmentTo = (to: number): void => {
    if (from < to) {
      const last = positions[to - 1]!;
      segments.push(`<${glyphs.slice(from, to).join("")}> ${num(-(last.xAdvance - last.advanceWidth))}`);
    }
    from = to;
  };
  const flush = (to: number): void => {
    segmentTo(to);
    if (segments.length > 0) {
      d.addContent(`[${segments.join(" ")}] TJ`);
      segments.length = 0;
    }
  };
  let offset = false;
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      d.addContent(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      offset = true;
    } else {
      if (offset) {
        d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        offset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) segmentTo(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
  d.addContent("ET");
  doc.restore();
}
