// Right-to-left briefs (lang: ar/fa/ur/he…, or dir: rtl): the page plans are laid out
// left to right and mirrored here, whole, before drawing. Lists then hang their numbers
// on the right, block quotes carry their bar on the right, table columns run from the
// right, footnotes and the running header and page number swap sides, and the cover
// turns round; each line keeps the visual order the bidi algorithm gave it.
import type { FontBook } from "../../text/fonts.js";
import type { Line } from "./lines.js";
import type { PagePlan, Placed } from "./plan.js";

/** The x at which to draw `line` so that its box mirrors the one it had at `x`. */
export function mirroredLineX(line: Line, x: number, pageWidth: number): number {
  const first = line.fragments[0]?.x ?? 0;
  // An RTL line was moved right to end at its block's right edge: mirrored, it must
  // start at the block's left edge instead, so take that move back first.
  const start = x + first - (line.rtlShift ?? 0);
  return pageWidth - (start + line.width) - first;
}

function mirrorItem(item: Placed, pageWidth: number, fonts: FontBook): Placed {
  switch (item.type) {
    case "line":
      return { ...item, x: mirroredLineX(item.line, item.x, pageWidth) };
    case "rect":
    case "image":
      return { ...item, x: pageWidth - item.x - item.w };
    case "pageRef": {
      // Drawn ending at x; mirrored, it starts where the line's box began. Page numbers
      // are short: two digits' width stands in for the number drawn later.
      const style = item.line.fragments[0]?.style;
      const digits = style ? fonts.width("00", style.face, style.size) : 0;
      return { ...item, x: pageWidth - item.x + digits };
    }
    case "dest":
    case "outline":
      return item;
  }
}

export function mirrorPages(pages: readonly PagePlan[], pageWidth: number, fonts: FontBook): PagePlan[] {
  return pages.map((page) => ({ ...page, items: page.items.map((item) => mirrorItem(item, pageWidth, fonts)) }));
}
