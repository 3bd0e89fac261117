// The sample deck in a real Chromium: slides, titles, nothing overflowing, citations
// that resolve, no network; the exported PDF, and the native PPTX as LibreOffice renders it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { deriveDeck } from "../src/deck/derive.js";
import { findCitations } from "../src/citations/find.js";
import { createResolver } from "../src/citations/resolve.js";
import type { CiteItem } from "../src/model/brief.js";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { ROOT, SAMPLE, SAMPLE_SLUG } from "./helpers/paths.js";
import { pdfinfo, readPdfBuffer } from "./helpers/pdf.js";
import { libreOfficePdf, readPptx } from "./helpers/pptx.js";

const out = () => join(inject("builtDir"), SAMPLE_SLUG);
const { brief } = loadBrief(SAMPLE, readFileSync(join(ROOT, SAMPLE), "utf8"));
const expected = deriveDeck(brief).slides;
/** Marp adds background and pseudo layers as extra <section>s; these are the slides. */
const SLIDES = 'section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])';

describe.skipIf(!CHROME)(`sample deck in Chromium${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(out(), "slides.html")).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(async () => browser?.close());

  it("has one slide per derived slide, with the section titles", async () => {
    const titles = await page.$$eval(SLIDES, (sections) => sections.map((s) => (s.querySelector("h1, h2")?.textContent ?? "").trim()));
    expect(titles.length).toBe(expected.length);
    for (const b of brief.blocks) {
      if (b.kind === "heading" && b.level === 2) expect(titles.some((t) => t.startsWith(b.inlines.map((i) => ("text" in i ? i.text : "")).join("")))).toBe(true);
    }
    expect(titles).toContain("Key points");
    expect(titles).toContain("Sources");
  });

  it("has no slide whose content runs past the slide", async () => {
    const overflows = await page.$$eval(SLIDES, (sections) =>
      sections.map((s, i) => ({ i, over: s.scrollHeight - s.clientHeight, overX: s.scrollWidth - s.clientWidth })).filter((o) => o.over > 1 || o.overX > 1),
    );
    expect(overflows).toEqual([]);
  });

  it("renders in the theme's embedded fonts", async () => {
    const families = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, ""));
    });
    expect(families).toContain("Source Sans 3");
  });

  it("shows only citations that resolve to the brief's sources, and lists those sources", async () => {
    const texts = await page.$$eval(SLIDES, (s) => s.filter((x) => !x.classList.contains("sources")).map((x) => x.textContent ?? ""));
    const resolver = createResolver(brief);
    const cited = new Set<number>();
    let count = 0;
    for (const text of texts) {
      for (const found of findCitations(text)) {
        for (const f of found.items) {
          const item = { author: f.authors[0] ?? "", authorCandidates: f.authors, year: f.year, locator: f.locator, prefix: f.prefix, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, rawStart: 0, rawEnd: 0 } as CiteItem;
          expect(resolver.resolve("slides", item), `${found.raw} on a slide`).toBeNull();
          cited.add(item.sourceIndex ?? -1);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(5);
    const sourcesSlides = await page.$$eval("section.sources", (s) => s.map((x) => x.textContent ?? "").join("\n"));
    for (const index of cited) expect(sourcesSlides).toContain(brief.sources[index]?.title ?? "missing");
  });

  it("makes no network request while it loads", () => {
    const external = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
    expect(requests.length).toBeGreaterThan(0);
    expect(external).toEqual([]);
  });

  it("exports a PDF with one page per slide", () => {
    expect(Number(pdfinfo(join(out(), "slides.pdf")).Pages)).toBe(expected.length);
  });

  it("exports an editable PPTX: a title and text on every slide, notes on all but the closing one", () => {
    const pptx = readPptx(join(out(), "slides.pptx"));
    expect(pptx.slides.map((s) => s.title)).toEqual(expected.map((s) => s.title));
    for (const s of pptx.slides) expect(s.texts.some((t) => t.trim() && t !== s.title), s.title).toBe(true);
    expect(pptx.slides.slice(0, -1).every((s) => s.notes.length > 0)).toBe(true);
    expect(pptx.slides.at(-1)?.notes).toEqual([]);
    expect(pptx.slides.flatMap((s) => s.notes).join(" ")).toContain("Human Rights Watch");
    // The cover illustration (an SVG in the brief) as a picture with the cover's alt text.
    expect(pptx.slides[0]?.xml).toContain(`descr="${(brief.meta.cover?.alt ?? "missing").replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`);
  });

  it("PPTX opens in LibreOffice Impress, which shows every slide's title", async () => {
    const pdf = await readPdfBuffer(libreOfficePdf(join(out(), "slides.pptx")));
    expect(pdf.pages.length).toBe(expected.length);
    const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, "");
    expected.forEach((s, i) => expect(squash(pdf.pages[i]?.text ?? ""), `slide ${i + 1}`).toContain(squash(s.title)));
  });
});
