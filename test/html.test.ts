// brief.html, the web edition (issue 24), as a reader's browser shows it: Chromium opens
// the sample's page, axe-core finds nothing, every sentence of the brief is there, it
// fits a 360 px phone without sideways scrolling, and it needs nothing from the network.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { ROOT, SAMPLE, SAMPLE_SLUG } from "./helpers/paths.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";
import { briefSentences, sentenceRecall } from "./helpers/sentences.js";

/** Where the screenshots go for a person to look at (outside the repository). */
export const SHOTS = process.env.BRIEFPRESS_SHOTS ?? "/tmp/briefpress-shots";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run();
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

describe.skipIf(!CHROME)(`brief.html ${CHROME ? "" : NO_CHROME_REASON}`, () => {
  let browser: Browser;
  let page: Page;
  const file = () => join(inject("builtDir"), SAMPLE_SLUG, "brief.html");
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Offline means offline: any request that leaves the file is a failure.
    const remote: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) remote.push(r.url());
    });
    await page.goto(pathToFileURL(file()).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    expect(remote).toEqual([]);
  });
  afterAll(async () => browser?.close());

  it("is one self-contained page with no script: pictures and fonts inlined", () => {
    const html = readFileSync(file(), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|url)\s*[=(]\s*["']?(?!data:)(?:https?:)?\/\//i);
    expect(html.match(/@font-face/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
  });

  it("has no accessibility violations (axe-core)", async () => {
    expect(await axe(page)).toEqual([]);
  });

  it("holds at least 98% of the brief's sentences", async () => {
    const { brief } = loadBrief(SAMPLE, readFileSync(join(ROOT, SAMPLE), "utf8"));
    const sentences = briefSentences(brief);
    expect(sentences.length).toBeGreaterThan(50);
    const { recall, missing } = sentenceRecall(sentences, await page.innerText("body"));
    expect(recall, missing.slice(0, 5).join("\n")).toBeGreaterThanOrEqual(0.98);
  });

  it("is semantic: one h1, figures with captions, notes and citations linked both ways", async () => {
    const s = await page.evaluate(() => {
      const targets = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute("href")!.slice(1));
      return {
        h1: document.querySelectorAll("h1").length,
        h2: document.querySelectorAll("main h2").length,
        cites: document.querySelectorAll('a.cite[href^="#source-"]').length,
        notes: document.querySelectorAll("a.note-ref").length,
        sources: document.querySelectorAll(".sources li[id^=source-]").length,
        dangling: targets.filter((id) => !document.getElementById(decodeURIComponent(id))),
        embeddedFonts: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family),
      };
    });
    expect(s.h1).toBe(1);
    expect(s.h2).toBeGreaterThan(4);
    expect(s.cites).toBeGreaterThan(10);
    expect(s.sources).toBeGreaterThan(5);
    expect(s.dangling).toEqual([]);
    expect(s.embeddedFonts).toContain("BP Serif");
  });

  it("reads on a 360 px phone without sideways scrolling, and on a desktop", async () => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "brief-html-1280.png") });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, "brief-html-360.png") });
    // Further down: a figure and a table on the phone.
    await page.evaluate(() => document.querySelector("main figure")?.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, "brief-html-360-figure.png") });
    // Printed, the masthead loses its band and links spell out their address.
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".masthead")!).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("tags runs in another language and direction; figures have captions, notes link back", async () => {
    const dir = scratchProject({
      "report/x.md": [
        "---\ntitle: Mixed\nlang: en\n---\n\n## Names\n\nThe minister [حمص]{lang=ar} met 김정은 in Seoul.[^1] See @fig-river.\n",
        "#### A level skipped\n\nThe outline has no gap.\n",
        "![A river between two banks at night](../assets/cover.svg){#fig-river}\n\nIllustration: the design team.\n",
        "[^1]: A note about the meeting.\n",
      ].join("\n"),
    });
    const r = briefpress(["build", "report/x.md", "--formats", "html"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, "dist", "x", "brief.html"), "utf8");
    expect(page).toMatch(/<html lang="en" dir="ltr">/);
    // The body, its pictures' data shortened (a failure prints it).
    const html = page.slice(page.indexOf("<body>")).replace(/base64,[^"]{40,}/g, "base64,…");
    expect(html).toContain('<span lang="ar" dir="rtl">حمص</span>');
    expect(html).toMatch(/<span lang="ko">김정은<\/span>/);
    expect(html).toMatch(/<figure id="fig-river"><p><img src="data:image\/svg\+xml;base64,[^"]+" alt="A river between two banks at night"[^>]*><\/p><figcaption><span class="caption-label">Figure 1:<\/span>/);
    expect(html).toMatch(/<a href="#fig-river">Figure\s1<\/a>/); // a no-break space, as in the PDF
    // "####" right under "##" is an <h3>: the page's outline skips no level (axe: heading-order).
    expect(html).toMatch(/<h3 id="a-level-skipped">[^<]*(<span[^>]*>[^<]*<\/span> )?A level skipped<\/h3>/);
    expect(html).toContain('<a class="note-ref" href="#note-1" id="note-ref-1"');
    expect(html).toMatch(/<li id="note-1" value="1"><p>A note about the meeting\.<\/p> <a class="back" href="#note-ref-1"/);
  });

  it("keeps landmarks and ids unique: a Sources heading named Notes, two headings of one text; a note marker is its own word", () => {
    const dir = scratchProject({
      "report/x.md": [
        "---\ntitle: Names\nlang: en\n---\n",
        "## Scope\n\nMore than 43% of workers are sleep-deprived[^1], and most sleep less.\n",
        "## Scope\n\nA second section of the same name.\n",
        "## Notes\n\n1. Smith, J. (2020). *A report*. Example Press.\n",
        "[^1]: A survey of 2,000 workers.\n",
      ].join("\n"),
    });
    const r = briefpress(["build", "report/x.md", "--formats", "html"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, "dist", "x", "brief.html"), "utf8");
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(html).toMatch(/<h2 id="scope">.*Scope<\/h2>/);
    expect(html).toMatch(/<h2 id="scope-2">.*Scope<\/h2>/);
    // Copied as text, "deprived¹," reads "deprived 1,", never the word "deprived1".
    expect(html).toContain("sleep-deprived<sup>\u202f<a class=\"note-ref\"");
    const names = [...html.matchAll(/<section[^>]*aria-labelledby="([^"]+)"/g)].map((m) => new RegExp(`id="${m[1]}">([^<]*)<`).exec(html)?.[1]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
