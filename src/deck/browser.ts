// One Chromium for the whole build: launched when the build starts (so its start-up runs
// beside parsing and the PDF's layout), the deck loaded into it once, measured for
// overflow and printed to slides.pdf from the same page, and closed when the build ends.
import type * as Playwright from "playwright-core";
import { EnvironmentError } from "../model/errors.js";
import { loadPackage } from "../world/packages.js";
import { measureOverflow, measureSlides, type Overflow, type SlideMeasure } from "./overflow.js";

/** Flags that keep Chromium off the (closed) network and quiet in a sandbox-less root shell. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface DeckBrowser {
  /** Starts loading `html` into the page, so Chromium lays it out while this thread works on. */
  load(html: string): void;
  /** Every slide of `html` measured; content past the slide is reported. */
  overflow(html: string): Promise<Overflow[]>;
  /** Every slide of `html` measured, for fitting the derived deck. */
  measure(html: string): Promise<SlideMeasure[]>;
  /** `html` printed, one 1280×720 page a slide, with an outline of the slide titles. */
  pdf(html: string): Promise<Buffer>;
  /** The speaker's copy: each slide above its notes, a handout page (A4's proportions) a slide. */
  handout(html: string, notes: string[][]): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Printed after the deck's own styles: a page of A4's proportions a slide, the slide on top
 * at its own 1280 px (Chromium draws a scaled slide's content at the wrong scale in print)
 * and its notes under it.
 */
const HANDOUT_CSS = `@page{size:1280px 1810px;margin:0}
@media print{html,body{background:#fff}.marpit{display:block;padding:0}
.marpit>svg{display:block;width:1280px!important;height:720px!important;border-bottom:2px solid #c8c8c8;box-shadow:none;break-after:avoid!important}
.briefpress-notes{break-after:page;font:24px/1.45 "Source Sans 3",sans-serif;color:#1a1a1a;padding:0 72px}
.briefpress-notes>h2{font-size:20px;font-weight:600;color:#555;margin:40px 0 12px}
.briefpress-notes>p{margin:0 0 16px;white-space:pre-wrap}}`;

export function startDeckBrowser(chromePath: string): DeckBrowser {
  const { chromium } = loadPackage<typeof Playwright>("playwright-core");
  const launching = chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_ARGS }).catch((cause: unknown) => {
    throw new EnvironmentError(`cannot start Chromium at ${chromePath} for the slides`, { cause });
  });
  // Keep a failed launch from being an unhandled rejection before anyone awaits it.
  launching.catch(() => undefined);
  // The page is opened as soon as Chromium is up, before the deck is ready for it.
  const blank = launching.then((browser) => browser.newPage({ viewport: { width: 1280, height: 720 } }));
  blank.catch(() => undefined);
  let loaded: { html: string; page: Promise<Playwright.Page> } | undefined;
  const pageFor = (html: string): Promise<Playwright.Page> => {
    if (loaded?.html === html) return loaded.page;
    const previous = loaded?.page;
    const page = launching.then(async (browser) => {
      const p = previous ? await browser.newPage({ viewport: { width: 1280, height: 720 } }) : await blank;
      // Fitting loads one version of the deck after another: only the last is kept open.
      if (previous) void previous.then((old) => old.close()).catch(() => undefined);
      // The deck is self-contained (strict CSP): nothing to wait for but its own fonts.
      await p.setContent(html, { waitUntil: "load" });
      await p.evaluate(() => document.fonts.ready);
      return p;
    });
    loaded = { html, page };
    return page;
  };
  return {
    load: (html) => void pageFor(html).catch(() => undefined),
    overflow: async (html) => measureOverflow(await pageFor(html)),
    measure: async (html) => measureSlides(await pageFor(html)),
    pdf: async (html) => {
      const page = await pageFor(html);
      return page.pdf({ width: "1280px", height: "720px", printBackground: true, outline: true, tagged: true, preferCSSPageSize: true });
    },
    handout: async (html, notes) => {
      const browser = await launching;
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      try {
        await page.setContent(html, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready);
        await page.addStyleTag({ content: HANDOUT_CSS });
        // Each slide's notes after it (as text nodes: notes are never read as markup). The
        // slide stays a child of .marpit, which the theme's scoped selectors need.
        await page.evaluate((all) => {
          document.querySelectorAll(".marpit > svg").forEach((svg, i) => {
            const box = document.createElement("div");
            box.className = "briefpress-notes";
            const head = document.createElement("h2");
            head.textContent = `Slide ${i + 1}`;
            box.append(head);
            for (const text of all[i] ?? []) {
              const p = document.createElement("p");
              p.textContent = text;
              box.append(p);
            }
            svg.after(box);
          });
        }, notes);
        return await page.pdf({ width: "1280px", height: "1810px", printBackground: true, tagged: true, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    close: async () => {
      const browser = await launching.catch(() => null);
      await browser?.close();
    },
  };
}
