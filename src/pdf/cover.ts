// The cover page: organisation band, title, subtitle, byline, cover image with its
// credit, summary box and key points. Placed by hand; it is one page by design.
import type { Brief } from "../model.js";
import { formatDate } from "../dates.js";
import type { FontBook } from "./fonts.js";
import { breakLines, type Run, type RunStyle } from "./lines.js";
import type { ImageAsset, PagePlan, Placed, StructIds, StructRef, Tag } from "./plan.js";
import { COLOURS, type PageGeometry } from "./style.js";

export function coverPage(brief: Brief, fonts: FontBook, geo: PageGeometry, image: ImageAsset | undefined, ids: StructIds): PagePlan {
  const items: Placed[] = [];
  const meta = brief.meta;
  const width = geo.textWidth;
  let y = 0;
  const put = (runs: Run[], leading: number, tag: Tag, x = geo.left, w = width) => {
    for (const line of breakLines(runs, fonts, { width: w, leading })) {
      items.push({ type: "line", x, y, line, tag });
      y += line.height;
    }
  };
  const style = (face: RunStyle["face"], size: number, color: string): RunStyle => ({ face, size, color });
  const own = (type: StructRef["type"], extra: Omit<StructRef, "type" | "id"> = {}): Tag => [ids.next(type, extra)];

  // Organisation band: decoration that repeats what the byline says, so an artifact.
  const band = 96;
  items.push({ type: "rect", x: 0, y: 0, w: geo.width, h: band, fill: COLOURS.navy });
  items.push({ type: "rect", x: 0, y: band, w: geo.width, h: 4, fill: COLOURS.accent });
  y = 38;
  put([{ text: meta.organisation ?? "", style: style("sans-semibold", 12, "#ffffff") }], 16, "artifact");
  put([{ text: `Policy brief${meta.date ? ` · ${formatDate(meta.date, meta["date-format"])}` : ""}`, style: style("sans", 9.5, "#d5dde8") }], 14, "artifact");

  y = band + 34;
  put([{ text: brief.title, style: style("sans-bold", 24, COLOURS.navy) }], 29, own("H1"));
  if (meta.subtitle) {
    y += 6;
    put([{ text: meta.subtitle, style: style("serif-italic", 13, COLOURS.muted) }], 17, own("P"));
  }
  y += 10;
  const byline = meta.authors.map((a) => [a.name, a.role, a.affiliation].filter(Boolean).join(", ")).join("; ");
  const bits = [byline, meta.organisation, meta.date ? formatDate(meta.date, meta["date-format"]) : ""].filter(Boolean).join(" · ");
  if (bits) put([{ text: bits, style: style("sans", 9.5, COLOURS.ink) }], 13, own("P"));
  y += 14;

  if (image && meta.cover) {
    const h = Math.min(width * (image.height / image.width), 210);
    const w = h * (image.width / image.height);
    items.push({ type: "image", x: geo.left + (width - w) / 2, y, w, h, image, alt: meta.cover.alt, tag: own("Figure", { alt: meta.cover.alt }) });
    y += h + 3;
    if (meta.cover.credit) put([{ text: meta.cover.credit, style: style("sans-italic", 7.5, COLOURS.muted) }], 10, own("Caption"));
    y += 12;
  }

  if (meta.summary) {
    const pad = 10;
    const top = y;
    const runs: Run[] = [
      { text: "Summary  ", style: style("sans-bold", 9.5, COLOURS.accent) },
      { text: meta.summary.trim(), style: style("serif", 10, COLOURS.ink) },
    ];
    const lines = breakLines(runs, fonts, { width: width - 2 * pad, leading: 14 });
    const h = lines.reduce((s, l) => s + l.height, 0) + 2 * pad;
    items.push({ type: "rect", x: geo.left, y: top, w: width, h, fill: COLOURS.sand });
    y += pad;
    const tag = own("P");
    for (const line of lines) {
      items.push({ type: "line", x: geo.left + pad, y, line, tag });
      y += line.height;
    }
    y = top + h + 14;
  }

  const points = meta.key_points ?? [];
  if (points.length > 0) {
    put([{ text: "Key points", style: style("sans-bold", 10.5, COLOURS.navy) }], 15, own("P"));
    y += 2;
    const list = ids.next("L");
    for (const point of points) {
      const item = ids.next("LI");
      const lines = breakLines([{ text: point, style: style("serif", 10, COLOURS.ink) }], fonts, { width: width - 16, leading: 13.5 });
      const [label] = breakLines([{ text: "■", style: style("sans", 6, COLOURS.accent) }], fonts, { width: 10, leading: 13.5 });
      if (label) items.push({ type: "line", x: geo.left + 2, y: y - 0.5, line: label, tag: [list, item, ids.next("Lbl")] });
      const body: Tag = [list, item, ids.next("LBody")];
      for (const line of lines) {
        items.push({ type: "line", x: geo.left + 16, y, line, tag: body });
        y += line.height;
      }
      y += 3;
    }
  }
  return { kind: "cover", items };
}
