// Draw: walks the page plans and calls pdfkit. No layout decisions are made here; every
// piece of content goes into the structure tree or is marked as an artifact (PDF/UA).
import SVGtoPDF from "svg-to-pdfkit";
import { openDocument, type WriteOptions } from "./document.js";
import type { Brand } from "../../brand/brand.js";
import type { Brief } from "../../model/brief.js";
import { formatDate } from "../../model/dates.js";
import { isCjk, type FontBook, type FontKey } from "../../text/fonts.js";
import { compactObjects } from "./compact.js";
import { drawGlyphRun } from "./glyph-run.js";
import { breakLines, drawingOrder, type Fragment, type Line } from "../layout/lines.js";
import { RTL_RUN, shaperFor, type ShapedRun, type Shaper } from "../../text/shaping.js";
import type { PagePlan, Placed, Tag } from "../layout/plan.js";
import { COLOURS, STYLES, type PageGeometry } from "../layout/style.js";
import { boxedSvg } from "./svg-viewport.js";
import { StructureTree, actualText, fragmentLang } from "./tagging.js";
import { mirroredLineX, mirrorPages } from "../layout/mirror.js";
import { isRtlBrief } from "../../text/scripts.js";

export type { WriteOptions } from "./document.js";

export async function writePdf(o: WriteOptions): Promise<Buffer> {
  const { brief, geo, fonts } = o;
  // A right-to-left brief is drawn mirrored (mirror.ts); `dir` overrides what `lang` implies.
  const rtl = isRtlBrief(brief.meta);
  const pages = rtl ? mirrorPages(o.pages, geo.width, fonts) : o.pages;
  const shaper = await shaperFor(fonts);
  const doc = openDocument(o);
  const chunks = collectOutput(doc);
  compactObjects(doc);
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.resume(); // flowing, so "end" fires once pdfkit has written the trailer
  });

  // Furniture runs through the same measuring as the body, so it needs its fonts too.
  const furniture = pages.map((p, i) => furnitureLines(brief, o.brand, fonts, geo, p.kind, i + 1, pages.length));
  const use = fontSelector(doc, fonts, shaper, harfBuzzFaces(pages));

  const destPage = new Map<string, number>();
  pages.forEach((p, i) => p.items.forEach((it) => it.type === "dest" && destPage.set(it.name, i + 1)));

  const tree = new StructureTree(doc);
  const images: OpenedImages = new Map();
  const outline = new OutlineBuilder(doc);
  for (const [index, page] of pages.entries()) {
    // A turn of the event loop a page: Chromium's replies (the deck's fitting) are not
    // held up behind the whole document.
    await new Promise((go) => setImmediate(go));
    doc.addPage({ size: [geo.width, geo.height], margin: 0 });
    for (const item of page.items) {
      if (item.type === "outline") outline.add(item.title, item.level);
      else drawItem(doc, use, tree, item, geo, destPage, images);
    }
    const f = furniture[index];
    if (f) for (const [line, x, y] of f) drawLine(doc, use, tree, line, rtl ? mirroredLineX(line, x, geo.width) : x, y, "artifact", "Pagination");
    if (index > 0) tree.mark("artifact", () => doc.rect(geo.left, geo.top - 22, geo.textWidth, 0.5).fill(COLOURS.rule), { artifact: "Pagination" });
  }
  tree.end();
  outline.finish();
  doc.end();
  return done;
}

/**
 * pdfkit writes the file as thousands of small pieces pushed through a Readable stream;
 * the stream's per-chunk work cost more than the writing. The document is wanted whole,
 * so its (private, pinned) writer appends to an array instead.
 */
function collectOutput(doc: PDFKit.PDFDocument): Buffer[] {
  // The header went out through the stream already, when pdfkit was constructed.
  const head = doc.read() as Buffer | null;
  const chunks: Buffer[] = head ? [head] : [];
  const internals = doc as unknown as { _write(data: string | Uint8Array): void; _offset: number };
  internals._write = (data) => {
    const bytes = typeof data === "string" ? Buffer.from(`${data}\n`, "latin1") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    chunks.push(bytes);
    internals._offset += bytes.length;
  };
  return chunks;
}

type UseFont = (key: FontKey) => PDFKit.PDFDocument;

/** The parts of pdfkit's EmbeddedFont we take over (private in 0.20.2, which we pin). */
interface EmbeddedFontInternals {
  scale: number;
  layoutCache?: Record<string, unknown>;
  layoutRun(text: string, features?: unknown): ShapedRun;
}

/**
 * HarfBuzz first copies a face into its own memory: nothing for our Latin faces, but
 * 6–10 MB (~30–50 ms) for a Korean or Chinese one. For the few names most briefs carry
 * in those scripts, fontkit (pdfkit's own shaper) is cheaper; past this many
 * characters HarfBuzz is (a brief written in Korean, say). Same glyphs either way.
 */
const HARFBUZZ_FALLBACK_CHARS = 400;

function harfBuzzFaces(pages: PagePlan[]): (key: FontKey) => boolean {
  const chars = new Map<FontKey, number>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.type !== "line") continue;
      for (const f of item.line.fragments) chars.set(f.key, (chars.get(f.key) ?? 0) + f.text.length);
    }
  }
  return (key) => !isCjk(key) || (chars.get(key) ?? 0) >= HARFBUZZ_FALLBACK_CHARS;
}

/**
 * Selects a face, registering it with this document on first use. Registration order
 * decides pdfkit's font names, so it follows the document alone (never what else the
 * process built before): the same brief gives the same bytes in a batch, in watch mode
 * and from a fresh process. pdfkit takes the parsed fontkit font itself, its layout goes
 * to HarfBuzz (shaping.ts), and its per-word cache lives as long as the FontBook.
 */
function fontSelector(doc: PDFKit.PDFDocument, fonts: FontBook, shaper: Shaper, byHarfBuzz: (key: FontKey) => boolean): UseFont {
  const registered = new Set<FontKey>();
  return (key) => {
    if (!registered.has(key)) {
      registered.add(key);
      doc.registerFont(key, fonts.font(key) as unknown as Buffer);
      doc.font(key);
      const embedded = (doc as unknown as { _font: EmbeddedFontInternals })._font;
      embedded.layoutCache = fonts.layoutCache(key);
      if (byHarfBuzz(key)) embedded.layoutRun = (text, features) => shaper.shape(key, text, embedded.scale, features === RTL_RUN);
    }
    return doc.font(key);
  };
}

/**
 * pdfkit embeds a Buffer image anew at every call; opened once per document, a picture
 * drawn on many pages (the header logo) is one object. pdfkit's image() takes the opened
 * image in place of the bytes (its types only know the bytes).
 */
type OpenedImages = Map<Buffer, Buffer>;

function opened(doc: PDFKit.PDFDocument, images: OpenedImages, data: Buffer): Buffer {
  let image = images.get(data);
  if (!image) images.set(data, (image = (doc as unknown as { openImage(data: Buffer): Buffer }).openImage(data)));
  return image;
}

function drawItem(doc: PDFKit.PDFDocument, use: UseFont, tree: StructureTree, item: Placed, geo: PageGeometry, destPage: Map<string, number>, images: OpenedImages): void {
  switch (item.type) {
    case "rect":
      tree.mark("artifact", () => doc.rect(item.x, item.y, item.w, item.h).fill(item.fill));
      break;
    case "line":
      drawLine(doc, use, tree, item.line, item.x, item.y, item.tag);
      break;
    case "image":
      tree.mark(item.tag, () => {
        if (item.image.kind === "svg") SVGtoPDF(doc, boxedSvg(item.image.svg, item.image.width, item.image.height), item.x, item.y, { width: item.w, height: item.h });
        else doc.image(opened(doc, images, item.image.data), item.x, item.y, { width: item.w, height: item.h });
      });
      break;
    case "dest":
      doc.addNamedDestination(item.name, "XYZ", geo.left, item.y - 6, null);
      break;
    case "pageRef": {
      const page = destPage.get(item.dest);
      const style = item.line.fragments[0]?.style;
      if (page === undefined || !style) break;
      const text = String(page);
      tree.mark(item.tag, () => {
        use(style.face).fontSize(style.size).fillColor(COLOURS.muted);
        drawGlyphRun(doc, text, item.x - doc.widthOfString(text), item.y + item.line.ascent);
      });
      break;
    }
    case "outline":
      break;
  }
}

function drawLine(doc: PDFKit.PDFDocument, use: UseFont, tree: StructureTree, line: Line, x: number, y: number, tag: Tag, artifact?: "Pagination"): void {
  // Fragments were measured from advance widths; pdfkit kerns when it draws, which only
  // narrows them. Each fragment starts where the one before it really ended, so runs
  // split for links or fonts never open a gap between them.
  const measure = (f: Fragment) => Math.min(f.width, use(f.key).fontSize(f.style.size).widthOfString(f.text));
  const placed = drawingOrder(line, x + (line.fragments[0]?.x ?? 0), measure);
  const lastLogical = placed.reduce<Fragment | undefined>((last, p) => (!last || (p.fragment.logical ?? 0) >= (last.logical ?? 0) ? p.fragment : last), undefined);
  placed.forEach(({ fragment: f, x: at, width }, i) => {
    const glued = f.style.role === "Note" && i > 0 && !/\s$/u.test(placed[i - 1]!.fragment.text);
    const draw = () => drawFragment(use, f, at, y + line.ascent, { glued, typedHyphen: line.typedHyphen === true && f === lastLogical });
    if (tag === "artifact") {
      tree.mark("artifact", draw, { artifact: artifact ?? "Layout" });
      return;
    }
    const link = f.style.link;
    const lang = fragmentLang(f, (doc as unknown as { options: { lang?: string } }).options.lang);
    const actual = actualText(f.text);
    if (link) {
      const types = f.style.role === "Reference" || f.style.role === "Note" ? (["Reference", "Link"] as const) : (["Link"] as const);
      tree.inline(tag, types, (el) => {
        draw();
        const top = y + line.ascent - (f.style.rise ?? 0) - f.style.size * 0.85;
        const h = f.style.size * 1.1;
        const options = { structParent: el, Contents: new String(linkLabel(f)) as unknown as string };
        if (link.kind === "uri") doc.link(at, top, width, h, link.uri, options);
        else doc.goTo(at, top, width, h, link.name, options);
      });
    } else if (lang || actual) tree.inline(tag, ["Span"], draw, { lang, actual });
    else tree.mark(tag, draw);
    if (f.style.underline) tree.mark("artifact", () => drawUnderline(use, f, at, y + line.ascent, width));
  });
}

/** The font's own underline (position and thickness from its `post` table), under the run's glyphs. */
function drawUnderline(use: UseFont, f: Fragment, x: number, baseline: number, width: number): void {
  const doc = use(f.key).fontSize(f.style.size);
  const face = (doc as unknown as { _font: { font?: { underlinePosition?: number; underlineThickness?: number; unitsPerEm?: number } } })._font.font;
  const em = face?.unitsPerEm ?? 1000;
  const position = -(face?.underlinePosition ?? -100) / em;
  const thickness = Math.max((face?.underlineThickness ?? 50) / em, 0.04) * f.style.size;
  // A line's trailing space is not underlined; a right-to-left run's spaces sit on its left.
  const rtl = (f.level ?? 0) % 2 === 1;
  const inked = rtl ? width : Math.min(width, doc.widthOfString(f.text.replace(/\s+$/, "")));
  if (inked <= 0) return;
  doc.rect(x, baseline + position * f.style.size - thickness / 2, inked, thickness).fill(f.style.color);
}

/**
 * How extractors (pdftotext, search, copy) should read two things drawn as they look:
 * a note marker set right after a word reads as a word of its own ("sexual 1", never
 * "sexual1"), and a hyphen the writer typed at a line's end reads as U+2010, which
 * poppler keeps, where a line-end U+002D is taken for a soft break and dropped
 * ("work-related" would read "workrelated").
 */
function drawFragment(use: UseFont, f: Fragment, x: number, baseline: number, read: { glued: boolean; typedHyphen: boolean }): void {
  const doc = use(f.key).fontSize(f.style.size).fillColor(f.style.color);
  const rtl = (f.level ?? 0) % 2 === 1;
  const y = baseline - (f.style.rise ?? 0);
  if (read.typedHyphen && f.text.endsWith("-")) {
    const head = f.text.slice(0, -1);
    drawGlyphRun(doc, head, x, y, rtl);
    drawGlyphRun(doc, "-", x + doc.widthOfString(head), y, rtl, "\u2010");
    return;
  }
  drawGlyphRun(doc, f.text, x, y, rtl, read.glued ? ` ${f.text}` : undefined);
}

/** What a screen reader announces for a link (PDF/UA wants Contents on every link). */
function linkLabel(f: Fragment): string {
  const link = f.style.link;
  if (!link) return f.text;
  if (link.kind === "uri") return `Link to ${link.uri}`;
  if (link.name.startsWith("source-")) return `Source: ${f.text.trim()}`;
  if (link.name.startsWith("note-")) return `Note ${f.text.trim()}`;
  return `Go to ${f.text.trim()}`;
}

/**
 * Bookmarks: H2 at the top level, H3 under the H2 before it. pdfkit leaves /Count off the
 * outline root; PDF/UA validators want it, so it is set to the number of visible items.
 */
class OutlineBuilder {
  private lastTop: PDFKit.PDFOutline | null = null;
  private visible = 0;
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  add(title: string, level: number): void {
    const parent = level > 2 && this.lastTop ? this.lastTop : this.doc.outline;
    if (parent !== this.doc.outline) parent.options.expanded = true;
    const item = parent.addItem(title, { expanded: false });
    if (level <= 2) this.lastTop = item;
    this.visible++;
  }

  finish(): void {
    if (this.visible > 0) this.doc.outline.outlineData.Count = this.visible;
  }
}

type FurnitureLine = [Line, number, number];

/**
 * The cover carries none; a first page that opens with the title (a brief without a
 * cover, a letter) carries its footer and page number but no running header, which would
 * only repeat the title printed under it.
 */
function furnitureLines(brief: Brief, brand: Brand, fonts: FontBook, geo: PageGeometry, kind: PagePlan["kind"], page: number, total: number): FurnitureLine[] {
  if (kind === "cover") return [];
  const s = STYLES.furniture;
  const style = { face: s.face, size: s.size, color: s.color };
  const one = (text: string) => breakLines([{ text, style }], fonts, { width: geo.textWidth, leading: s.leading })[0];
  const out: FurnitureLine[] = [];
  const head = page === 1 ? undefined : one(brief.meta.short_title ?? brief.title);
  if (head) out.push([head, geo.left, geo.top - 36]);
  const footLeft = one([brand.name, brief.meta.date ? formatDate(brief.meta.date, brief.meta["date-format"]) : ""].filter(Boolean).join(" · "));
  if (footLeft) out.push([footLeft, geo.left, geo.height - 44]);
  const number = one(`Page ${page} of ${total}`);
  if (number) out.push([number, geo.left + geo.textWidth - number.width, geo.height - 44]);
  return out;
}
