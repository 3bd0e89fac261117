// Draw: walks the page plans and calls pdfkit. No layout decisions are made here.
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { Brief } from "../model.js";
import { formatDate } from "../dates.js";
import type { FontBook, FontKey } from "./fonts.js";
import { breakLines, type Line } from "./lines.js";
import type { PagePlan, Placed } from "./plan.js";
import { COLOURS, STYLES, type PageGeometry } from "./style.js";

export interface WriteOptions {
  brief: Brief;
  pages: PagePlan[];
  geo: PageGeometry;
  fonts: FontBook;
  /** The fixed clock for CreationDate/ModDate and the document ID. */
  date: Date;
}

export function writePdf(o: WriteOptions): Promise<Buffer> {
  const { brief, pages, geo, fonts } = o;
  const meta = brief.meta;
  const doc = new PDFDocument({
    size: [geo.width, geo.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: "1.7",
    lang: meta.lang ?? "en",
    displayTitle: true,
    compress: true,
    info: {
      Title: brief.title,
      Author: meta.authors.map((a) => a.name).join(", ") || (meta.organisation ?? ""),
      Subject: meta.subtitle ?? "",
      Creator: "briefpress",
      Producer: "briefpress (pdfkit)",
      CreationDate: o.date,
      ModDate: o.date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  // Furniture runs through the same measuring as the body, so it needs its fonts too.
  const furniture = pages.map((_, i) => furnitureLines(brief, fonts, geo, i + 1, pages.length));
  for (const key of fonts.used) doc.registerFont(key, fonts.bytes(key));

  const destPage = new Map<string, number>();
  pages.forEach((p, i) => p.items.forEach((it) => it.type === "dest" && destPage.set(it.name, i + 1)));

  let lastH2: PDFKit.PDFOutline | null = null;
  pages.forEach((page, index) => {
    doc.addPage({ size: [geo.width, geo.height], margin: 0 });
    for (const item of page.items) {
      if (item.type === "outline") {
        const parent: PDFKit.PDFOutline = item.level > 2 && lastH2 ? lastH2 : doc.outline;
        const added = parent.addItem(item.title);
        if (item.level <= 2) lastH2 = added;
        continue;
      }
      drawItem(doc, item, geo, destPage);
    }
    const f = furniture[index];
    if (f) for (const [line, x, y] of f) drawLine(doc, line, x, y);
    if (index > 0) doc.rect(geo.left, geo.top - 22, geo.textWidth, 0.5).fill(COLOURS.rule);
  });
  doc.end();
  return done;
}

function drawItem(doc: PDFKit.PDFDocument, item: Placed, geo: PageGeometry, destPage: Map<string, number>): void {
  switch (item.type) {
    case "rect":
      doc.rect(item.x, item.y, item.w, item.h).fill(item.fill);
      break;
    case "line":
      drawLine(doc, item.line, item.x, item.y);
      break;
    case "image":
      if (item.image.kind === "svg") SVGtoPDF(doc, item.image.svg, item.x, item.y, { width: item.w, height: item.h });
      else doc.image(item.image.data, item.x, item.y, { width: item.w, height: item.h });
      break;
    case "dest":
      doc.addNamedDestination(item.name, "XYZ", geo.left, item.y - 6, null);
      break;
    case "pageRef": {
      const page = destPage.get(item.dest);
      if (page === undefined) break;
      const text = String(page);
      const style = item.line.fragments[0]?.style;
      if (!style) break;
      doc.font(style.face).fontSize(style.size).fillColor(COLOURS.muted);
      const w = doc.widthOfString(text);
      doc.text(text, item.x - w, item.y + item.line.ascent, { lineBreak: false, baseline: "alphabetic" });
      break;
    }
    case "outline":
      break;
  }
}

function drawLine(doc: PDFKit.PDFDocument, line: Line, x: number, y: number): void {
  for (const f of line.fragments) {
    if (!f.text) continue;
    const baseline = y + line.ascent - (f.style.rise ?? 0);
    doc.font(f.key satisfies FontKey).fontSize(f.style.size).fillColor(f.style.color);
    doc.text(f.text, x + f.x, baseline, { lineBreak: false, baseline: "alphabetic" });
    const link = f.style.link;
    if (link) {
      const top = baseline - f.style.size * 0.85;
      const h = f.style.size * 1.1;
      if (link.kind === "uri") doc.link(x + f.x, top, f.width, h, link.uri);
      else doc.goTo(x + f.x, top, f.width, h, link.name);
    }
  }
}

type FurnitureLine = [Line, number, number];

function furnitureLines(brief: Brief, fonts: FontBook, geo: PageGeometry, page: number, total: number): FurnitureLine[] {
  if (page === 1) return [];
  const s = STYLES.furniture;
  const style = { face: s.face, size: s.size, color: s.color };
  const one = (text: string) => breakLines([{ text, style }], fonts, { width: geo.textWidth, leading: s.leading })[0];
  const out: FurnitureLine[] = [];
  const head = one(brief.meta.short_title ?? brief.title);
  if (head) out.push([head, geo.left, geo.top - 36]);
  const footLeft = one([brief.meta.organisation, brief.meta.date ? formatDate(brief.meta.date) : ""].filter(Boolean).join(" · "));
  if (footLeft) out.push([footLeft, geo.left, geo.height - 44]);
  const number = one(`Page ${page} of ${total}`);
  if (number) out.push([number, geo.left + geo.textWidth - number.width, geo.height - 44]);
  return out;
}
