// Issue 21, "done when": every fixture document under test/fixtures/ that builds gets a
// deck that fits (no slides/overflow, no slides/unfit), measured slide by slide in
// Chromium: nothing past a slide's edges, no body text under 18 px at 1280×720. And the
// sample's slides.pdf (the audience's copy) carries no notes, while slides-notes.pdf
// carries every one.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { barChartPng } from "./helpers/chart.js";
import { ROOT, SAMPLE_SLUG } from "./helpers/paths.js";
import { readPdfBuffer } from "./helpers/pdf.js";
import { readPptx } from "./helpers/pptx.js";
import { briefpress } from "./helpers/run.js";

/** Every document under `dir` a user would build (included parts, named _x, are not). */
function documents(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "assets" ? [] : documents(path);
    return /\.(md|qmd|Rmd)$/.test(e.name) && !e.name.startsWith("_") && e.name !== "README.md" ? [path] : [];
  });
}

interface Measured {
  slide: number;
  /** Pixels the slide's content runs past its bottom or right edge. */
  over: number;
  /** The smallest font size of body text (list items, paragraphs, cells, quotes), in slide pixels. */
  font: number;
}

/** Every slide of one slides.html, measured in the slide's own 1280×720 pixels. */
async function measureDeck(page: import("playwright-core").Page, html: string): Promise<Measured[]> {
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return page.$$eval(".marpit > svg > foreignObject > section", (sections) =>
    sections.map((s, i) => {
      const box = s.getBoundingClientRect();
      const scale = box.width / 1280 || 1;
      let over = Math.max(0, s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth);
      for (const el of s.querySelectorAll("*")) {
        if (el.closest("header, footer")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        over = Math.max(over, (r.bottom - box.bottom) / scale, (r.right - box.right) / scale, (box.left - r.left) / scale);
      }
      let font = 99;
      for (const el of s.querySelectorAll("li, td, th, blockquote, p")) {
        if (![...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim())) continue;
        const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
        font = Math.min(font, parseFloat(getComputedStyle(el).fontSize) * zoom);
      }
      return { slide: i + 1, over: Math.round(over), font };
    }),
  );
}

describe.skipIf(!CHROME)(`every fixture document's deck${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  let work: string;
  let docs: string[];
  let output: string;
  beforeAll(async () => {
    // The fixtures in a scratch folder, with the pictures some of them name beside them.
    work = mkdtempSync(join(tmpdir(), "briefpress-fixture-decks-"));
    cpSync(join(ROOT, "test/fixtures"), join(work, "fixtures"), { recursive: true });
    cpSync(join(ROOT, "assets"), join(work, "fixtures", "assets"), { recursive: true });
    writeFileSync(join(work, "fixtures", "assets", "remand-chart.png"), await barChartPng([9000, 9800, 10500, 11200, 12000]));
    const tall = `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="900"><rect width="100%" height="100%" fill="#1f3a5f"/></svg>`;
    writeFileSync(join(work, "fixtures", "assets", "tall-chart.png"), await sharp(Buffer.from(tall)).png().toBuffer());
    docs = documents(join(work, "fixtures")).map((d) => relative(work, d));
    // A few documents a build (one Chromium fits each batch's decks), each run well inside
    // the CLI helper's time limit.
    output = "";
    for (let i = 0; i < docs.length; i += 8) {
      const r = briefpress(["build", ...docs.slice(i, i + 8), "--formats", "deck", "--out", "out"], { cwd: work });
      output += r.stdout + r.stderr;
    }
  }, 1_200_000);

  it("no deck blames the brief or is left unfit, and every document that builds has a deck", () => {
    // The rule ids as diagnostics print them (not the fixture named slides/overflow.md).
    expect(output).not.toMatch(/ (error|warning) slides\/(overflow|unfit) /);
    const missing = docs.filter((d) => !existsSync(join(work, "out", basename(d).replace(/\.[^.]+$/, ""), "slides.html")) && !output.includes(`${d}: not built`));
    expect(missing, output).toEqual([]);
    const built = docs.filter((d) => existsSync(join(work, "out", basename(d).replace(/\.[^.]+$/, ""), "slides.html")));
    // Most fixtures build (those under rules/ are made to fail, with their expected errors).
    expect(built.length).toBeGreaterThanOrEqual(40);
  });

  it("every slide of every deck: 0 px overflow, body text at least 18 px", async () => {
    const browser = await launch();
    const bad: string[] = [];
    let slides = 0;
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      for (const d of docs) {
        const html = join(work, "out", basename(d).replace(/\.[^.]+$/, ""), "slides.html");
        if (!existsSync(html)) continue;
        for (const m of await measureDeck(page, html)) {
          slides += 1;
          if (m.over > 1) bad.push(`${d} slide ${m.slide}: ${m.over} px over`);
          if (m.font < 18) bad.push(`${d} slide ${m.slide}: ${m.font} px text`);
        }
      }
    } finally {
      await browser.close();
    }
    expect(bad).toEqual([]);
    expect(slides).toBeGreaterThan(200);
  });
});

describe("the sample's deck PDFs", () => {
  const out = () => join(inject("builtDir"), SAMPLE_SLUG);

  it.skipIf(!CHROME)("slides.pdf has no annotations but links; slides-notes.pdf has every note of every slide", async () => {
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(join(out(), "slides.pdf"))), verbosity: 0 }).promise;
    const kinds: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) kinds.push(...(await (await doc.getPage(n)).getAnnotations()).map((a: { subtype: string }) => a.subtype));
    expect(kinds.filter((k) => k !== "Link")).toEqual([]);
    // The notes as the PPTX keeps them: each slide's paragraphs, on that slide's handout page.
    const pptx = readPptx(join(out(), "slides.pptx"));
    const handout = await readPdfBuffer(readFileSync(join(out(), "slides-notes.pdf")));
    expect(handout.pages.length).toBe(pptx.slides.length);
    const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, "");
    let notes = 0;
    pptx.slides.forEach((s, i) => {
      for (const note of s.notes) {
        notes += 1;
        expect(squash(handout.pages[i]?.text ?? ""), `slide ${i + 1}`).toContain(squash(note));
      }
    });
    expect(notes).toBeGreaterThan(10);
    // And none of them is in the audience's copy.
    const audience = await readPdfBuffer(readFileSync(join(out(), "slides.pdf")));
    const longest = pptx.slides.flatMap((s) => s.notes).sort((a, b) => b.length - a.length)[0] ?? "";
    expect(audience.pages.map((p) => squash(p.text)).join("")).not.toContain(squash(longest).slice(0, 80));
  });
});
