// Deck model → an editable slides.pptx (pptxgenjs): two masters in the brand's colours and
// the theme's fonts, a real title placeholder on every slide, bullets as paragraphs with
// levels, native tables, pictures with alt text, live links, numbers and footers, and
// speaker notes. pptx-package.ts then mends what pptxgenjs leaves out.
import type * as PptxTypes from "pptxgenjs";
import type { Brand } from "../../brand/brand.js";
import { deriveColours } from "../../brand/palette.js";
import type { Inline } from "../../model/brief.js";
import { plainText } from "../../model/plain-text.js";
import { loadPackage } from "../../world/packages.js";
import type { ImageAsset } from "../../model/image.js";
import { isContentSlide, type Bullet, type Deck, type DeckSlide } from "../model.js";
import type { PptxFonts } from "./fonts.js";
import { finishPackage } from "./package.js";
import { pptxPicture, type PptxPicture } from "./pictures.js";
import { tableGrid } from "./table.js";

// pptxgenjs's CommonJS build exports the class itself; its types describe an ES default.
type PptxClass = typeof PptxTypes.default.default;
type Pres = InstanceType<PptxClass>;
type Slide = ReturnType<Pres["addSlide"]>;
type Run = { text: string; options?: Record<string, unknown> };

export interface PptxInput {
  brand: Pick<Brand, "colors">;
  picture(src: string): ImageAsset | null;
  /** The build's date: the package's created/modified stamps, so same source gives same bytes. */
  date?: Date;
  /** The faces to embed in the package (slides.html's subsets), and any stand-ins. */
  fonts?: PptxFonts;
}

/** The theme's faces (slides/themes/briefpress.css); PowerPoint substitutes a sans serif when missing. */
const FONT = "Source Sans 3";
const W = 13.333;
const H = 7.5;
const LEFT = 0.75;
const WIDTH = W - 2 * LEFT;
const INK = "1D1D1F";
const MUTED = "5B6470";

const hex = (c: string) => c.replace(/^#/, "").toUpperCase();

export async function writePptx(deck: Deck, input: PptxInput): Promise<Buffer> {
  const PptxGenJS = loadPackage<PptxClass>("pptxgenjs");
  const pres: Pres = new PptxGenJS();
  // The same derived colours as the PDF and the HTML deck: quieter text on the primary
  // band keeps AA contrast whatever the organisation's primary is.
  const colours = deriveColours(input.brand.colors);
  const primary = hex(colours.primary);
  const accent = hex(colours.accent);
  const light = hex(colours.onPrimaryMuted);
  const boxFill = hex(colours.boxFill);
  pres.layout = "LAYOUT_WIDE";
  pres.title = deck.title;
  pres.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const small = { fontFace: FONT, fontSize: 11, color: MUTED };
  pres.defineSlideMaster({
    title: "CONTENT",
    background: { color: "FFFFFF" },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.1, fill: { color: primary }, line: { color: primary } } },
      { text: { text: deck.header, options: { ...small, x: LEFT - 0.1, y: 0.15, w: WIDTH, h: 0.3 } } },
      { placeholder: { options: { name: "title", type: "title", x: LEFT - 0.1, y: 0.45, w: WIDTH, h: 0.95, fontFace: FONT, fontSize: 32, bold: true, color: primary, valign: "bottom", align: "left" }, text: "" } },
      { rect: { x: LEFT, y: 1.42, w: 1.6, h: 0.05, fill: { color: accent }, line: { color: accent } } },
      { placeholder: { options: { name: "body", type: "body", x: LEFT - 0.1, y: 1.65, w: WIDTH, h: 5.15, fontFace: FONT, fontSize: 22, color: INK, valign: "top" }, text: "" } },
      { text: { text: deck.footer, options: { ...small, x: LEFT - 0.1, y: H - 0.5, w: 9, h: 0.3 } } },
    ],
    slideNumber: { x: W - LEFT - 0.8, y: H - 0.5, w: 0.9, h: 0.3, fontFace: FONT, fontSize: 11, color: MUTED, align: "right" },
  });
  pres.defineSlideMaster({
    title: "COVER",
    background: { color: primary },
    objects: [{ placeholder: { options: { name: "title", type: "title", x: LEFT, y: 1.9, w: 7.2, h: 2.1, fontFace: FONT, fontSize: 36, bold: true, color: "FFFFFF", valign: "bottom", align: "left" }, text: "" } }],
  });
  const pictures = new Map<string, PptxPicture | null>();
  const pictureOf = async (src: string) => {
    if (!pictures.has(src)) {
      const asset = input.picture(src);
      pictures.set(src, asset ? await pptxPicture(asset) : null);
    }
    return pictures.get(src) ?? null;
  };
  for (const s of deck.slides) {
    const slide = pres.addSlide({ masterName: isContentSlide(s) ? "CONTENT" : "COVER" });
    // The size goes on the run: pptxgenjs lets the placeholder's own options win over the shape's.
    slide.addText([{ text: s.title, options: { fontSize: titleSize(s.title, isContentSlide(s)) } }], { placeholder: "title" });
    await fill(slide, s, { primary, accent, light, boxFill, pictureOf });
    // Paragraphs joined by line breaks here become real paragraphs in pptx-package.ts.
    if (s.notes.length) slide.addNotes(notesParagraphs(s.notes).join("\n"));
  }
  const zip = (await pres.write({ outputType: "nodebuffer", compression: false })) as Buffer;
  return finishPackage(zip, { lang: deck.lang, date: input.date, fonts: input.fonts });
}

/** A slide's notes as the paragraphs the notes page shows: a list's items each their own. */
export function notesParagraphs(notes: readonly string[]): string[] {
  return notes.flatMap((n) => n.split("\n")).map((l) => l.trim()).filter(Boolean);
}

interface Fill {
  primary: string;
  accent: string;
  /** Quieter text on the primary colour (subtitle, byline, credit, contact). */
  light: string;
  /** Table header cells: the palette's pale tint. */
  boxFill: string;
  pictureOf(src: string): Promise<PptxPicture | null>;
}

async function fill(slide: Slide, s: DeckSlide, f: Fill): Promise<void> {
  switch (s.kind) {
    case "title": {
      const cover = s.cover ? await f.pictureOf(s.cover.src) : null;
      if (cover && s.cover) slide.addImage({ data: cover.data, x: W * 0.6, y: 0, w: W * 0.4, h: H, sizing: { type: "cover", w: W * 0.4, h: H }, altText: s.cover.alt });
      if (s.logo) await addLogo(slide, s.logo, 0.55, 0.8, f);
      const text: Run[] = [];
      if (s.subtitle) text.push({ text: s.subtitle, options: { fontSize: 20, color: f.light, breakLine: true, paraSpaceAfter: 10 } });
      if (s.byline) text.push({ text: s.byline, options: { fontSize: 15, color: f.light, breakLine: true } });
      if (text.length) slide.addText(text, { x: LEFT, y: 4.1, w: 7.2, h: 1.6, fontFace: FONT, valign: "top" });
      if (s.cover?.credit) slide.addText(s.cover.credit, { x: LEFT, y: H - 0.7, w: 7.2, h: 0.35, fontFace: FONT, fontSize: 10, color: f.light, italic: true });
      return;
    }
    case "points":
      slide.addText(bulletRuns(s.bullets, s.numberFrom, s.role === "recommendations" ? 20 : 22), { placeholder: "body" });
      return;
    case "figure": {
      const picture = await f.pictureOf(s.picture.src);
      const hasCredit = s.credit.length > 0;
      const captionTop = H - (hasCredit ? 1.55 : 1.2);
      if (picture) slide.addImage({ data: picture.data, ...fit(picture, LEFT, 1.65, WIDTH, captionTop - 1.75, "center"), altText: s.picture.alt });
      if (s.caption.length) slide.addText(runs(s.caption, { fontSize: 16, color: INK }), { x: LEFT - 0.1, y: captionTop, w: WIDTH, h: 0.5, fontFace: FONT, valign: "top" });
      if (hasCredit) slide.addText(runs(s.credit, { fontSize: 11, color: MUTED, italic: true }), { x: LEFT - 0.1, y: captionTop + 0.5, w: WIDTH, h: 0.35, fontFace: FONT, valign: "top" });
      return;
    }
    case "table": {
      const cell = (c: Inline[], i: number, header: boolean) => ({
        text: runs(c, header ? { bold: true, color: f.primary } : { color: INK }),
        options: { align: s.align[i] ?? "left", fill: { color: header ? f.boxFill : "FFFFFF" }, valign: "middle" as const },
      });
      const rows = [s.header.map((c, i) => cell(c, i, true)), ...s.rows.map((r) => s.header.map((_, i) => cell(r[i] ?? [], i, false)))];
      const { colW, rowH } = tableGrid([s.header, ...s.rows].map((r) => s.header.map((_, i) => plainText(r[i] ?? []).trim())), WIDTH);
      slide.addTable(rows, { x: LEFT, y: 1.7, w: WIDTH, colW, rowH, fontFace: FONT, fontSize: 15, border: { type: "solid", pt: 0.75, color: "D0D7DE" }, margin: 0.08, autoPage: false });
      const under = [...s.caption, ...(s.caption.length && s.credit.length ? [{ kind: "text" as const, text: " " }] : []), ...s.credit];
      // Under the table's real height (its rows as they wrap), never over it.
      const below = Math.min(1.7 + rowH.reduce((a, b) => a + b, 0) + 0.2, H - 0.9);
      if (under.length) slide.addText(runs(under, { fontSize: 12, color: MUTED, italic: true }), { x: LEFT - 0.1, y: below, w: WIDTH, h: 0.45, fontFace: FONT, valign: "top" });
      return;
    }
    case "quote":
      slide.addShape("rect", { x: LEFT + 0.1, y: 1.95, w: 0.08, h: 3.1, fill: { color: f.accent }, line: { color: f.accent } });
      slide.addText(runs(s.quote, { fontSize: 28, italic: true, color: INK }), { x: LEFT + 0.4, y: 1.9, w: WIDTH - 0.6, h: 3.2, fontFace: FONT, valign: "middle" });
      if (s.attribution.length) slide.addText([{ text: "— ", options: { fontSize: 18, color: MUTED } }, ...runs(s.attribution, { fontSize: 18, color: MUTED })], { x: LEFT + 0.4, y: 5.3, w: WIDTH - 0.6, h: 0.6, fontFace: FONT });
      return;
    case "stat": {
      const w = WIDTH / s.figures.length;
      // As large as the longest number allows on one line, in the widest face that may stand
      // in for the theme's (a bold character is up to about 0.75 em wide).
      const longest = Math.max(...s.figures.map((fig) => fig.value.length), 1);
      const size = Math.min(54, Math.floor(((w - 0.4) * 72) / (0.75 * longest)));
      s.figures.forEach((fig, i) => {
        slide.addText(fig.value, { x: LEFT + i * w, y: 2.1, w: w - 0.2, h: 1.4, fontFace: FONT, fontSize: size, bold: true, color: f.accent, valign: "bottom" });
        slide.addText(fig.label, { x: LEFT + i * w, y: 3.6, w: w - 0.2, h: 1.8, fontFace: FONT, fontSize: 18, color: INK, valign: "top" });
      });
      return;
    }
    case "sources":
      slide.addText(
        s.entries.flatMap((e) => withBreak(runs(e.inlines, { fontSize: 14, color: INK }), { paraSpaceAfter: 6 })),
        { x: LEFT - 0.1, y: 1.65, w: WIDTH, h: 5.15, fontFace: FONT, valign: "top" },
      );
      return;
    case "closing": {
      if (s.logo) await addLogo(slide, s.logo, 0.8, 0.9, f);
      if (s.contact) slide.addText(s.contact, { x: LEFT, y: 4.1, w: 10, h: 0.8, fontFace: FONT, fontSize: 18, color: f.light, valign: "top" });
      return;
    }
  }
}

/**
 * A title that would wrap steps down a size, so two lines still fit its placeholder, even
 * in a wider face standing in for the theme's (about 0.68 em a bold character).
 */
/**
 * The logo on the primary-coloured cover and closing slides sits on a white tile, as on
 * the PDF's cover band: a logo drawn in the organisation's own colour would vanish otherwise.
 */
async function addLogo(slide: Slide, logo: { src: string; alt: string }, y: number, h: number, f: Fill): Promise<void> {
  const picture = await f.pictureOf(logo.src);
  if (!picture) return;
  const box = fit(picture, LEFT, y, 3, h, "left");
  const pad = 0.1;
  slide.addShape("rect", { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad, fill: { color: "FFFFFF" }, line: { color: "FFFFFF", width: 0 } });
  slide.addImage({ data: picture.data, ...box, altText: logo.alt });
}

function titleSize(title: string, content: boolean): number {
  if (!content) return title.length <= 60 ? 36 : 30;
  return title.length <= 38 ? 32 : title.length <= 96 ? 26 : 22;
}

/** A picture scaled to fit a box, keeping its proportions. */
function fit(p: PptxPicture, x: number, y: number, w: number, h: number, align: "left" | "center"): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(w / p.width, h / p.height);
  const pw = p.width * scale;
  const ph = p.height * scale;
  return { x: align === "center" ? x + (w - pw) / 2 : x, y, w: pw, h: ph };
}

/** Inline runs → pptxgenjs text runs: emphasis, code and live links kept. */
function runs(inlines: readonly Inline[], base: Record<string, unknown>): Run[] {
  const out: Run[] = [];
  const walk = (list: readonly Inline[], style: Record<string, unknown>) => {
    for (const i of list) {
      if (i.kind === "text") out.push({ text: i.text, options: { ...style } });
      else if (i.kind === "citation") out.push({ text: i.citation.display?.text ?? i.text, options: { ...style } });
      else if (i.kind === "code") out.push({ text: i.text, options: { ...style, fontFace: "Courier New" } });
      // TeX is never typeset (issue 11): the deck shows its source, as the PDF does.
      else if (i.kind === "math") out.push({ text: i.tex, options: { ...style, fontFace: "Courier New" } });
      else if (i.kind === "break") out.push({ text: " ", options: { ...style } });
      else if (i.kind === "strong") walk(i.children, { ...style, bold: true });
      else if (i.kind === "em") walk(i.children, { ...style, italic: true });
      else if (i.kind === "link") walk(i.children, /^https?:/i.test(i.href) ? { ...style, hyperlink: { url: i.href }, color: "1F4E8C" } : style);
      // Pasted <sup>/<sub>/<u> (issue 12).
      else if (i.kind === "mark") walk(i.children, { ...style, ...(i.mark === "sup" ? { superscript: true } : i.mark === "sub" ? { subscript: true } : { underline: { style: "sng" } }) });
      else if (i.kind === "lang") walk(i.children, i.lang ? { ...style, lang: i.lang } : style);
      else if ("children" in i) walk((i as { children: Inline[] }).children, style);
    }
  };
  walk(inlines, base);
  return out.filter((r) => r.text !== "");
}

/** The runs of one paragraph: the last one ends it. */
function withBreak(list: Run[], first: Record<string, unknown> = {}): Run[] {
  if (list.length === 0) return [];
  const out = list.map((r) => ({ text: r.text, options: { ...r.options } }));
  Object.assign((out[0] as Run).options ?? {}, first);
  Object.assign((out[out.length - 1] as Run).options ?? {}, { breakLine: true });
  return out;
}

function bulletRuns(bullets: readonly Bullet[], numberFrom: number, size: number): Run[] {
  return bullets.flatMap((b, i) => [
    ...withBreak(runs(b.inlines, { fontSize: size, color: INK }), {
      // Numbered paragraphs continue one sequence; only the first says where it starts.
      bullet: numberFrom > 0 ? (i === 0 ? { type: "number", numberStartAt: numberFrom } : { type: "number" }) : { indent: 22 },
      indentLevel: 0,
      paraSpaceAfter: 8,
    }),
    ...b.sub.flatMap((sub) => withBreak(runs(sub.inlines, { fontSize: size - 3, color: INK }), { bullet: { indent: 20 }, indentLevel: 1, paraSpaceAfter: 4 })),
  ]);
}
