// The cover page: organisation band (logo, name), title, subtitle, byline, cover image with
// its credit, summary box and key points. Placed by hand, on one page when it fits; a
// summary or key points too long for it go on over a second cover page rather than past
// the paper's edge (nothing cut without a word). Each datum is printed once: the
// organisation in the band, the date in the byline.
import type { Brand } from "../../brand/brand.js";
import type { Brief } from "../../model/brief.js";
import { formatDate } from "../../model/dates.js";
import type { FontBook } from "../../text/fonts.js";
import { breakLines, type Run, type RunStyle } from "./lines.js";
import type { ImageAsset, PagePlan, Placed, StructIds, StructRef, Tag } from "./plan.js";
import type { Look, PageGeometry } from "./style.js";

export interface CoverInput {
  brief: Brief;
  fonts: FontBook;
  geo: PageGeometry;
  look: Look;
  brand: Brand;
  /** The cover picture named in the front matter, loaded. */
  image?: ImageAsset;
  logo?: ImageAsset;
  ids: StructIds;
}

/** The organisation band's height, and the logo's box inside it. */
export const BAND = 96;
const LOGO_BOX = 56;
/** Where the cover turns: only what would fall off the paper goes on over (a Letter cover of the sample runs to within 15 pt of its foot, as it always has). */
const COVER_FOOT = 0;

export function coverPage({ brief, fonts, geo, look, brand, image, logo, ids }: CoverInput): PagePlan[] {
  const pages: Placed[][] = [[]];
  let items = pages[0]!;
  const { colours } = look;
  const meta = brief.meta;
  const width = geo.textWidth;
  let y = 0;
  /** Room for `h` more points on this page, or a fresh cover page. Returns whether it turned. */
  const room = (h: number): boolean => {
    // The cover carries no footer, so it may run lower than a body page's text.
    if (y + h <= geo.height - COVER_FOOT) return false;
    items = [];
    pages.push(items);
    y = geo.top;
    return true;
  };
  const put = (runs: Run[], leading: number, tag: Tag, x = geo.left, w = width) => {
    for (const line of breakLines(runs, fonts, { width: w, leading })) {
      room(line.height);
      items.push({ type: "line", x, y, line, tag });
      y += line.height;
    }
  };
  const style = (face: RunStyle["face"], size: number, color: string): RunStyle => ({ face, size, color });
  const own = (type: StructRef["type"], extra: Omit<StructRef, "type" | "id"> = {}): Tag => [ids.next(type, extra)];

  // Organisation band. The logo sits on a white tile (a logo is drawn for paper, not for
  // our band colour) and is decoration beside the name, so an artifact.
  items.push({ type: "rect", x: 0, y: 0, w: geo.width, h: BAND, fill: colours.primary });
  items.push({ type: "rect", x: 0, y: BAND, w: geo.width, h: 4, fill: colours.accent });
  let textX = geo.left;
  if (logo) {
    const tile = { x: geo.left, y: (BAND - LOGO_BOX) / 2, size: LOGO_BOX };
    const inner = tile.size - 8;
    const scale = Math.min(inner / logo.width, inner / logo.height);
    const [w, h] = [logo.width * scale, logo.height * scale];
    items.push({ type: "rect", x: tile.x, y: tile.y, w: tile.size, h: tile.size, fill: "#ffffff" });
    items.push({ type: "image", x: tile.x + (tile.size - w) / 2, y: tile.y + (tile.size - h) / 2, w, h, image: logo, alt: "", tag: "artifact" });
    textX = tile.x + tile.size + 14;
  }
  const bandWidth = geo.left + width - textX;
  y = 36;
  if (brand.name) put([{ text: brand.name, style: style("sans-semibold", 12, colours.onPrimary) }], 16, own("P"), textX, bandWidth);
  put([{ text: "Policy brief", style: style("sans", 9.5, colours.onPrimaryMuted) }], 14, own("P"), textX, bandWidth);

  y = BAND + 34;
  put([{ text: brief.title, style: style("sans-bold", 24, colours.primary) }], 29, own("H1"));
  if (meta.subtitle) {
    y += 6;
    put([{ text: meta.subtitle, style: style("serif-italic", 13, colours.muted) }], 17, own("P"));
  }
  y += 10;
  const bits = bylineText(meta);
  if (bits) put([{ text: bits, style: style("sans", 9.5, colours.ink) }], 13, own("P"));
  y += 14;

  if (image && meta.cover) {
    const h = Math.min(width * (image.height / image.width), 210);
    const w = h * (image.width / image.height);
    const x = geo.left + (width - w) / 2;
    items.push({ type: "image", x, y, w, h, image, alt: meta.cover.alt, tag: own("Figure", { alt: meta.cover.alt }) });
    y += h + 3;
    // The credit sits under the picture it credits, from its left edge, as wide as it.
    if (meta.cover.credit) put([{ text: meta.cover.credit, style: style("sans-italic", 7.5, colours.muted) }], 10, own("Caption"), x, w);
    y += 12;
  }

  if (meta.summary) {
    const pad = 10;
    const top = y;
    const runs: Run[] = [
      { text: "Summary  ", style: style("sans-bold", 9.5, colours.accent) },
      { text: meta.summary.trim(), style: style("serif", 10, colours.ink) },
    ];
    const lines = breakLines(runs, fonts, { width: width - 2 * pad, leading: 14 });
    // The box is drawn under its lines, one piece per page the summary runs over.
    let box = { y: top, at: items.length, page: items };
    const close = (bottom: number) => box.page.splice(box.at, 0, { type: "rect", x: geo.left, y: box.y, w: width, h: bottom - box.y, fill: colours.sand });
    y += pad;
    const tag = own("P");
    for (const line of lines) {
      const end = y;
      if (room(line.height + pad)) {
        close(end + pad);
        box = { y: y - pad, at: items.length, page: items };
      }
      items.push({ type: "line", x: geo.left + pad, y, line, tag });
      y += line.height;
    }
    close(y + pad);
    y += pad + 14;
  }

  const points = meta.key_points ?? [];
  if (points.length > 0) {
    put([{ text: "Key points", style: style("sans-bold", 10.5, colours.primary) }], 15, own("P"));
    y += 2;
    const list = ids.next("L");
    for (const point of points) {
      const item = ids.next("LI");
      const lines = breakLines([{ text: point, style: style("serif", 10, colours.ink) }], fonts, { width: width - 16, leading: 13.5 });
      const [label] = breakLines([{ text: "■", style: style("sans", 6, colours.accent) }], fonts, { width: 10, leading: 13.5 });
      room(lines[0]?.height ?? 0);
      if (label) items.push({ type: "line", x: geo.left + 2, y: y - 0.5, line: label, tag: [list, item, ids.next("Lbl")] });
      const body: Tag = [list, item, ids.next("LBody")];
      for (const line of lines) {
        room(line.height);
        items.push({ type: "line", x: geo.left + 16, y, line, tag: body });
        y += line.height;
      }
      y += 3;
    }
  }
  return pages.map((page) => ({ kind: "cover" as const, items: page }));
}

/** "Name, Role, Affiliation; Name · 20 May 2024": who wrote the brief, and when. */
export function bylineText(meta: Brief["meta"]): string {
  const byline = meta.authors.map((a) => [a.name, a.role, a.affiliation].filter(Boolean).join(", ")).join("; ");
  return [byline, meta.date ? formatDate(meta.date, meta["date-format"]) : ""].filter(Boolean).join(" · ");
}
