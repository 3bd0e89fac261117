// Overflow is a build error: the deck is opened in headless Chromium and every slide
// measured. Marp itself only warns inside an editor preview.
import type * as Playwright from "playwright-core";
import { EnvironmentError } from "../errors.js";
import { loadPackage } from "../packages.js";

export interface Overflow {
  /** 0-based slide index. */
  slide: number;
  /** How far the content runs past the slide box, in CSS px of the 1280×720 slide. */
  px: number;
}

/** Flags that keep Chromium off the (closed) network and quiet in a sandbox-less root shell. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function measureOverflow(html: string, chromePath: string): Promise<Overflow[]> {
  const { chromium } = loadPackage<typeof Playwright>("playwright-core");
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_ARGS });
  } catch (cause) {
    throw new EnvironmentError(`cannot start Chromium at ${chromePath} to check the slides for overflow`, { cause });
  }
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // The deck is self-contained (strict CSP): nothing to wait for but its own fonts.
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    return await page.$$eval(".marpit > svg", (svgs) =>
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
  } finally {
    await browser.close();
  }
}
