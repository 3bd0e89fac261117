// The Chromium session behind DeckBrowser (browser.ts), run on the browser's own thread
// (browser-thread.ts): one Chromium and one page in it, the deck loaded once, measured
// (and re-loaded for each round of fitting), printed to slides.pdf and, with the notes put
// under each slide for the moment, to slides-notes.pdf. A second page would be a second
// renderer process and a second load of the deck: the largest share of the work in Chromium.
import type * as Playwright from "playwright-core";
import { EnvironmentError } from "../model/errors.js";
import type { DeckBrowser } from "./browser.js";
import { measureOverflow, measureSlides } from "./overflow.js";

/** Flags that keep Chromium off the (closed) network and quiet in a sandbox-less root shell. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

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

/**
 * Signals are the main thread's: a worker thread never receives them, and Chromium, driven
 * over a pipe, ends with the process whatever ends it.
 */
export function openDeckSession(chromium: Playwright.BrowserType, chromePath: string): DeckBrowser {
  const launching = chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }).catch((cause: unknown) => {
    throw new EnvironmentError(`cannot start Chromium at ${chromePath} for the slides`, { cause });
  });
  // Keep a failed launch from being an unhandled rejection before anyone awaits it.
  launching.catch(() => undefined);
  // The page is opened as soon as Chromium is up, before the deck is ready for it.
  const opening = launching.then((browser) => browser.newPage({ viewport: { width: 1280, height: 720 } }));
  opening.catch(() => undefined);
  /** The HTML the page holds, as loaded (undefined while it changes). */
  let holds: string | undefined;
  // One thing at a time in the page: a print must not see the next round's deck.
  let queue: Promise<unknown> = Promise.resolve();
  const inPage = <T>(html: string, task: (page: Playwright.Page) => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      const page = await opening;
      if (holds !== html) {
        holds = undefined;
        // The deck is self-contained (strict CSP): nothing to wait for but its own fonts.
        await page.setContent(html, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready);
        holds = html;
      }
      return task(page);
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    overflow: (html) => inPage(html, measureOverflow),
    measure: (html) => inPage(html, measureSlides),
    pdf: (html) => inPage(html, (page) => page.pdf({ width: "1280px", height: "720px", printBackground: true, outline: true, tagged: true, preferCSSPageSize: true })),
    handout: (html, notes) =>
      inPage(html, async (page) => {
        // Each slide's notes after it (as text nodes: notes are never read as markup). The
        // slide stays a child of .marpit, which the theme's scoped selectors need.
        await page.evaluate(
          ({ css, all }) => {
            const style = document.createElement("style");
            style.className = "briefpress-handout";
            style.textContent = css;
            document.head.append(style);
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
          },
          { css: HANDOUT_CSS, all: notes },
        );
        try {
          return await page.pdf({ width: "1280px", height: "1810px", printBackground: true, tagged: true, preferCSSPageSize: true });
        } finally {
          // The page is the audience's deck again, for whatever comes next.
          await page.evaluate(() => document.querySelectorAll(".briefpress-handout, .briefpress-notes").forEach((el) => el.remove())).catch(() => (holds = undefined));
        }
      }),
    close: async () => {
      const browser = await launching.catch(() => null);
      await browser?.close();
    },
  };
}
