// One run of text (one face, size and colour, already placed by lines.ts) into the page's
// content stream, with the operators pdfkit's text() writes for it, byte for byte. What
// this spares is text()'s machinery around them: for a fragment drawn with lineBreak off
// it still builds wrapping options and lays the string out four times (our width query,
// its own measure, encode, and the cursor advance after the line) where one encode does.
import { RTL_RUN, type ShapedPosition, type ShapedRun } from "../../text/shaping.js";

/** The parts of pdfkit's EmbeddedFont this writes through (private in pdfkit 0.20.2 and fontkit 2.0.4, which we pin). */
interface FontInternals {
  id: string;
  ref(): unknown;
  encode(text: string, features?: string[]): [string[], ShapedPosition[]];
  layout(text: string, features?: string[]): ShapedRun;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  scale: number;
  /** Ours: subset glyph ids by original glyph and the characters it stands for. */
  exact?: Map<string, number>;
}

/** The parts of pdfkit's document this writes through. */
interface TextInternals {
  _font: FontInternals;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Latin text and punctuation: the common case, told apart without Unicode property tables. */
const LATIN = /^[\u0000-\u024f\u2000-\u206f]*$/;
/** Scripts whose glyphs map back to their characters one to one (or whose faces fontkit shapes). */
const SIMPLE = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]*$/u;

/**
 * pdfkit's encode, except that one glyph standing for different characters gets a subset
 * glyph of its own for each: Naskh draws ز as the body of ر plus a dot, and pdfkit's
 * ToUnicode map (first use wins) would have every later ر read as ز or the other way
 * round. With a glyph id per meaning, copy-paste, search and screen readers get the
 * characters as typed, in logical order, from pdf.js and poppler alike.
 */
const CONTINUATION = [0x200b];
const NONSPACING = /^\p{Mn}$/u;

function utf16Hex(char: string): string {
  let out = "";
  for (let i = 0; i < char.length; i++) out += char.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/** Subset glyph ids in hex, their positions, and which of them stand for no character. */
type Encoded = [string[], ShapedPosition[], Set<number>];

function encodeExact(font: FontInternals, text: string, rtl: boolean): Encoded {
  const run = font.layout(text, rtl ? RTL_RUN : undefined);
  const exact = (font.exact ??= new Map());
  const out: string[] = [];
  const positions: ShapedPosition[] = [];
  const unmapped = new Set<number>();
  run.glyphs.forEach((glyph, i) => {
    // Continuations get no width of their own either: pdf.js skips them whole, so its pen
    // must not have to move by their advance.
    const continues = glyph.codePoints.length === 0;
    if (continues) unmapped.add(i);
    // So do combining marks: pdf.js advances by nothing for them.
    const zero = continues || glyph.codePoints.every((c) => NONSPACING.test(String.fromCodePoint(c)));
    positions.push(zero ? { ...run.positions[i]!, advanceWidth: 0 } : run.positions[i]!);
    // A glyph that continues a cluster (a dot, a reordered vowel sign) reads as a zero
    // width space: pdf.js drops such format marks; an empty entry would read as junk.
    const codePoints = glyph.codePoints.length > 0 ? glyph.codePoints : CONTINUATION;
    const key = `${glyph.id}:${codePoints.join(",")}`;
    let gid = exact.get(key);
    if (gid === undefined) {
      gid = font.subset.includeGlyph(glyph.id);
      const mapped = font.unicode[gid];
      if (mapped != null && mapped.join(",") !== codePoints.join(",")) {
        font.subset.glyphs.push(glyph.id); // the same outline again, under a new id
        gid = font.subset.glyphs.length - 1;
      }
      exact.set(key, gid);
      font.widths[gid] ??= zero ? 0 : glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= codePoints;
    }
    out.push(`0000${gid.toString(16)}`.slice(-4));
  });
  return [out, positions, unmapped];
}

/**
 * The glyphs of a complex-script run as one text object without jumps: each mark's
 * offset is a TJ adjustment before it and its height a text rise (Ts), so text
 * extraction sees one unbroken word where a Tm per mark would split it.
 */
function writeInOneRun(d: TextInternals, [glyphs, positions, unmapped]: Encoded, scale: number, x: number, y: number): void {
  // Glyphs that stand for no character (dots, marks moved onto a base) are left out of
  // the run and drawn after it where they belong: pdf.js skips them, and a glyph it skips
  // in the middle of a word, with the pen moves around it, would split the word.
  const parts: string[] = [];
  const later: Array<{ glyph: string; x: number; y: number }> = [];
  let rise = 0;
  let pending = 0; // pen movement owed to the next glyph drawn in the run, in 1000 units
  const flush = (): void => {
    if (parts.length > 0) d.addContent(`[${parts.join(" ")}] TJ`);
    parts.length = 0;
  };
  let pen = x;
  glyphs.forEach((glyph, i) => {
    const pos = positions[i]!;
    if (unmapped.has(i) && (pos.xOffset || pos.yOffset || pos.xAdvance === 0)) {
      later.push({ glyph, x: pen + pos.xOffset * scale, y: y + pos.yOffset * scale });
      pending += pos.xAdvance;
      pen += pos.xAdvance * scale;
      return;
    }
    if (pos.yOffset !== rise) {
      flush();
      rise = pos.yOffset;
      d.addContent(`${num(rise * scale)} Ts`);
    }
    const before = pending + pos.xOffset;
    if (before) parts.push(`${num(-before)}`);
    parts.push(`<${glyph}>`);
    pending = pos.xAdvance - pos.advanceWidth - pos.xOffset;
    pen += pos.xAdvance * scale;
  });
  if (pending) parts.push(`${num(-pending)}`);
  flush();
  if (rise) d.addContent("0 Ts");
  if (later.length === 0) return;
  // They stand for no text: an empty /ActualText tells poppler so (pdf.js reads their
  // zero width spaces as nothing already).
  d.addContent("/Span <</ActualText <feff>>> BDC");
  for (const mark of later) {
    d.addContent(`1 0 0 1 ${num(mark.x)} ${num(mark.y)} Tm`);
    d.addContent(`[<${mark.glyph}>] TJ`);
  }
  d.addContent("EMC");
}

/** A complex-script run: one text object, left to right with its characters as typed in /ActualText. */
function drawExact(doc: PDFKit.PDFDocument, d: TextInternals, encoded: Encoded, actual: string | undefined, x: number, baseline: number): void {
  const y = d.page.height - baseline;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, d.page.height);
  d.addContent("BT");
  d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  d.addContent(`/${d._font.id} ${num(d._fontSize)} Tf`);
  // For extractors that read /ActualText (poppler); inside the text object, so that
  // poppler places it with the font still set. Not right to left: poppler would reverse
  // it as if it were in drawing order; the glyphs' own map reads right there.
  if (actual) d.addContent(`/Span <</ActualText <feff${[...actual].map(utf16Hex).join("")}>>> BDC`);
  writeInOneRun(d, encoded, d._fontSize / 1000, x, y);
  if (actual) d.addContent("EMC");
  d.addContent("ET");
  doc.restore();
}

/** pdfkit's number formatting for content streams (PDFObject.number): six decimals at most. */
function num(n: number): number {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Draws `text` in the current font, size and fill colour with its alphabetic baseline at
 * (x, baseline), in pdfkit's top-down coordinates. A right-to-left run is shaped whole,
 * right to left (pdfkit would shape it word by word, in logical order). `actual`, when
 * given, is the text extractors read for the run (/ActualText) instead of its glyphs'.
 */
export function drawGlyphRun(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number, rtl = false, actual?: string): void {
  const d = doc as unknown as TextInternals;
  text = text.replace(/\n/g, "");
  if (!text) return;
  const font = d._font;
  d.page.fonts[font.id] ??= font.ref();
  if (!LATIN.test(text) && !SIMPLE.test(text)) {
    drawExact(doc, d, encodeExact(font, text, rtl), actual ?? (rtl ? undefined : text), x, baseline);
    return;
  }
  const [glyphs, positions] = rtl ? font.encode(text, RTL_RUN) : font.encode(text);
  const scale = d._fontSize / 1000;
  const y = d.page.height - baseline;

  doc.save();
  doc.transform(1, 0, 0, -1, 0, d.page.height);
  d.addContent("BT");
  d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  d.addContent(`/${font.id} ${num(d._fontSize)} Tf`);
  // What extractors should read instead of the glyphs (write.ts says when): inside the text
  // object, as drawExact does, so that poppler reads it with this run's font and size.
  if (actual) d.addContent(`/Span <</ActualText <feff${[...actual].map(utf16Hex).join("")}>>> BDC`);

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
  if (actual) d.addContent("EMC");
  d.addContent("ET");
  doc.restore();
}
