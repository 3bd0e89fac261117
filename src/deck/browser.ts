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
  close(): Promise<void>;
}

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
    close: async () => {
      const browser = await launching.catch(() => null);
      await browser?.close();
    },
  };
}
