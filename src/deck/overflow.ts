// Overflow is a build error: every slide of the deck, loaded in headless Chromium, is
// measured. Marp itself only warns inside an editor preview.
import type * as Playwright from "playwright-core";

export interface Overflow {
  /** 0-based slide index. */
  slide: number;
  /** How far the content runs past the slide box, in CSS px of the 1280×720 slide. */
  px: number;
}

export function measureOverflow(page: Playwright.Page): Promise<Overflow[]> {
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
        right = Math.max(right, (r.right - box.left) / scale);
      }
      const style = getComputedStyle(section);
      const limitY = section.clientHeight - parseFloat(style.paddingBottom) * 0.5;
      const px = Math.max(bottom - limitY, right - section.clientWidth, section.scrollHeight - section.clientHeight);
      return px > 1 ? [{ slide, px: Math.round(px) }] : [];
    }),
  );
}
