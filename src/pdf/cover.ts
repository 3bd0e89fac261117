// The cover page: organisation band, title, subtitle, byline, cover image with its
// credit, summary box and key points. Placed by hand; it is one page by design.
import type { Brief } from "../model.js";
import type { FontBook } from "./fonts.js";
import { breakLines, type Line, type Run, type RunStyle } from "./lines.js";
import type { ImageAsset, PagePlan, Placed } from "./plan.js";
import { COLOURS, type PageGeometry } from "./style.js";
import { formatDate } from "../dates.js";

export function coverPage(brief: Brief, fonts: FontBook, geo: PageGeometry, image: ImageAsset | undefined): PagePlan {
  const items: Placed[] = [];
  const meta = brief.meta;
  const width = geo.textWidth;
  let y = 0;
  const put = (runs: Run[], leading: number, role: "P" | "H1" | "Caption" | "LI", groups: string[] = [], x = geo.left, w = width) => {
    for (const line of breakLines(runs, fonts, { width: w, leading })) {
      items.push({ type: "line", x, y, line, role, item: -1, groups });
      y += line.height;
    }
  };
  const style = (face: RunStyle["face"], size: number, color: string): RunStyle => ({ face, size, color });

  // Organisation band.
  const band = 96;
  items.push({ type: "rect", x: 0, y: 0, w: geo.width, h: band, fill: COLOURS.navy });
  items.push({ type: "rect", x: 0, y: band, w: geo.width, h: 4, fill: COLOURS.accent });
  y = 38;
  const bandLine = [
    { text: meta.organisation ?? "", style: style("sans-semibold", 12, "#ffffff") },
  ];
  put(bandLine, 16, "P", ["Artifact"]);
  put([{ text: `Policy brief${meta.date ? ` · ${formatDate(meta.date)}` : ""}`, style: style("sans", 9.5, "#d5dde8") }], 14, "P", ["Artifact"]);

  y = band + 34;
  put([{ text: brief.title, style: style("sans-bold", 24, COLOURS.navy) }], 29, "H1");
  if (meta.subtitle) {
    y += 6;
    put([{ text: meta.subtitle, style: style("serif-italic", 13, COLOURS.muted) }], 17, "P");
  }
  y += 10;
  const byline = meta.authors.map((a) => [a.name, a.role].filter(Boolean).join(", ")).join("; ");
  const bits = [byline, meta.organisation, meta.date ? formatDate(meta.date) : ""].filter(Boolean).join(" · ");
  if (bits) put([{ text: bits, style: style("sans", 9.5, COLOURS.ink) }], 13, "P");
  y += 14;

  if (image && meta.cover) {
    const h = Math.min(width * (image.height / image.width), 210);
    const w = h * (image.width / image.height);
    items.push({ type: "image", x: geo.left + (width - w) / 2, y, w, h, image, alt: meta.cover.alt });
    y += h + 3;
    if (meta.cover.credit) put([{ text: meta.cover.credit, style: style("sans-italic", 7.5, COLOURS.muted) }], 10, "Caption");
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
    for (const line of lines) {
      items.push({ type: "line", x: geo.left + pad, y, line, role: "P", item: -1, groups: ["Summary"] });
      y += line.height;
    }
    y = top + h + 14;
  }

  const points = meta.key_points ?? [];
  if (points.length > 0) {
    put([{ text: "Key points", style: style("sans-bold", 10.5, COLOURS.navy) }], 15, "P");
    y += 2;
    for (const point of points) {
      const lines: Line[] = breakLines([{ text: point, style: style("serif", 10, COLOURS.ink) }], fonts, { width: width - 16, leading: 13.5 });
      const [label] = breakLines([{ text: "■", style: style("sans", 6, COLOURS.accent) }], fonts, { width: 10, leading: 13.5 });
      if (label) items.push({ type: "line", x: geo.left + 2, y: y - 0.5, line: label, role: "LI", item: -1, groups: ["L", "LI", "Lbl"] });
      for (const line of lines) {
        items.push({ type: "line", x: geo.left + 16, y, line, role: "LI", item: -1, groups: ["L", "LI"] });
        y += line.height;
      }
      y += 3;
    }
  }
  return { kind: "cover", items };
}
