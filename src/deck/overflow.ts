// Every slide of the deck, loaded in headless Chromium, measured: how far its content runs
// past the slide, the smallest body type on it, how tall its picture is drawn and what it
// holds. The derived deck is re-flowed from these (fit.ts); a hand-written deck's overflow
// is the writer's to fix, with a hint from what the slide holds.
import type * as Playwright from "playwright-core";

export interface SlideMeasure {
  /** 0-based slide index. */
  slide: number;
  /** How far the content runs past the slide box, in CSS px of the 1280×720 slide (0: fits). */
  px: number;
  /** The smallest body text as drawn (zoom included), px; credits and running heads aside. */
  minFont: number;
  /** The same text's size before any zoom, px: what a zoom is a fraction of. */
  baseFont: number;
  /** Height the slide's (first) picture is drawn at, px; 0 without one. */
  picture: number;
  items: number;
  rows: number;
  tables: number;
}

export interface Overflow {
  slide: number;
  px: number;
}

export function measureSlides(page: Playwright.Page): Promise<SlideMeasure[]> {
  return page.$$eval(".marpit > svg", (svgs) =>
    svgs.flatMap((svg, slide) => {
      const section = svg.querySelector('section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])');
      if (!section) return [];
      const box = section.getBoundingClientRect();
      const scale = box.height / section.clientHeight || 1;
      // Content past the padding box counts, whether it scrolls or is clipped.
      let bottom = 0;
      let right = 0;
      for (const el of section.querySelectorAll("h1, h2, h3, p, li, table, img, pre, blockquote")) {
        const r = el.getBoundingClientRect();
        bottom = Math.max(bottom, (r.bottom - box.top) / scale);
        // Text wider than its own box (a word that cannot wrap) runs past it, not the box;
        // scrollWidth is in the element's own pixels, before a fitted slide's zoom.
        const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
        right = Math.max(right, (r.right - box.left) / scale + Math.max(0, el.scrollWidth - el.clientWidth) * zoom);
      }
      const style = getComputedStyle(section);
      const limitY = section.clientHeight - parseFloat(style.paddingBottom) * 0.5;
      const px = Math.max(bottom - limitY, right - section.clientWidth, section.scrollHeight - section.clientHeight);
      let minFont = Infinity;
      let baseFont = Infinity;
      for (const el of section.querySelectorAll("p, li, td, th, blockquote")) {
        // A paragraph that is only a picture or only an italic credit is not body text.
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
        if (!own) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
        minFont = Math.min(minFont, size * zoom);
        baseFont = Math.min(baseFont, size);
      }
      const img = section.querySelector("img");
      return [
        {
          slide,
          px: px > 1 ? Math.round(px) : 0,
          minFont: Number.isFinite(minFont) ? minFont : 0,
          baseFont: Number.isFinite(baseFont) ? baseFont : 0,
          picture: img ? img.getBoundingClientRect().height / scale : 0,
          items: section.querySelectorAll("li").length,
          rows: section.querySelectorAll("tbody tr").length,
          tables: section.querySelectorAll("table").length,
        },
      ];
    }),
  );
}

export async function measureOverflow(page: Playwright.Page): Promise<Overflow[]> {
  return (await measureSlides(page)).filter((m) => m.px > 0).map((m) => ({ slide: m.slide, px: m.px }));
}
