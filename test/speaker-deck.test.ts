// The speaker's deck built from test/fixtures/slides/speaker.md (a PNG chart, a long table,
// a quote, a list introduced by a colon, eight key points, key figures): the native PPTX as
// an office suite reads it (and LibreOffice renders it), the HTML deck in Chromium with
// axe-core (the sample's too), slides.pdf's outline and notes, and a deck-only failure.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { deriveDeck } from "../src/deck/derive.js";
import { notesParagraphs } from "../src/deck/pptx/pptx.js";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { barChartPng } from "./helpers/chart.js";
import { ROOT, SAMPLE_SLUG } from "./helpers/paths.js";
import { readPdfBuffer } from "./helpers/pdf.js";
import { decode, libreOfficePdf, readPptx, relsOf, resolveTarget, type Pptx } from "./helpers/pptx.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const FIXTURE = readFileSync(join(ROOT, "test/fixtures/slides/speaker.md"), "utf8");
const fixture = loadBrief("report/speaker.md", FIXTURE).brief;
const ALT = /!\[([^\]]+)\]\(\.\.\/assets\/remand-chart\.png/.exec(FIXTURE)?.[1] ?? "";

describe.skipIf(!CHROME)(`the speaker's deck, built${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  let dir: string;
  let out: string;
  let pptx: Pptx;
  const deck = deriveDeck(fixture);

  beforeAll(async () => {
    dir = scratchProject({ "report/speaker.md": FIXTURE });
    writeFileSync(join(dir, "assets", "remand-chart.png"), await barChartPng([9000, 9800, 10500, 11200, 12000]));
    const r = briefpress(["build", "report/speaker.md"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    out = join(dir, "dist", "speaker");
    pptx = readPptx(join(out, "slides.pptx"));
  });

  it("PPTX: one slide per deck slide, each with a real title placeholder and text besides", () => {
    expect(pptx.slides.map((s) => s.title)).toEqual(deck.slides.map((s) => s.title));
    for (const s of pptx.slides) expect(s.texts.filter((t) => t.trim() && t !== s.title).length, s.title).toBeGreaterThan(0);
  });

  it("PPTX: the table is native, its header row marked, repeated on the continuation", () => {
    const tables = pptx.slides.filter((s) => s.xml.includes("<a:tbl>"));
    expect(tables.length).toBe(2);
    for (const t of tables) {
      expect(t.xml).toContain('<a:tblPr firstRow="1"');
      expect(t.texts.slice(1, 5)).toEqual(["Region", "Median wait", "Longest wait", "Detainees"]);
    }
    expect(tables[0]?.texts).toContain("Highlands");
    expect(tables[1]?.texts).toContain("West");
  });

  it("PPTX: the chart is a picture with its alt text, caption and credit as text", () => {
    const slide = pptx.slides.find((s) => s.xml.includes("<p:pic>"));
    expect(slide?.xml).toContain(`descr="${ALT.replace(/&/g, "&amp;")}"`);
    const media = slide?.rels.find((r) => r.type.endsWith("/image"));
    expect(media && pptx.files[resolveTarget(slide?.part ?? "", media.target)]?.subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(slide?.texts.join(" ")).toContain("Figure 1: People held on remand in Veloria, 2019–2023.");
    expect(slide?.texts.join(" ")).toContain("Source: Northbridge Rights Monitor analysis of prison census returns");
  });

  it("PPTX: bullets are paragraphs with levels; the list's items sit one level under their lead-in", () => {
    const slide = pptx.slides.find((s) => s.title === "What we found");
    const paragraphs = [...(slide?.xml ?? "").matchAll(/<a:p><a:pPr([^>]*)>([\s\S]*?)<\/a:p>/g)].map((m) => ({ level: /lvl="(\d)"/.exec(m[1] ?? "")?.[1] ?? "0", text: decode([...(m[2] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("")) }));
    const lead = paragraphs.findIndex((p) => p.text.startsWith("The monitor's visits"));
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(paragraphs.slice(lead, lead + 4).map((p) => p.level)).toEqual(["0", "1", "1", "1"]);
    // Only one set of paragraph properties a paragraph, first (the schema's order).
    for (const s of pptx.slides) expect(s.xml).not.toMatch(/<\/a:r><a:pPr/);
  });

  it("PPTX: a list's items are notes paragraphs of their own", () => {
    const notes = pptx.slides.find((s) => s.title === "What we found")?.notes ?? [];
    expect(notes.slice(-4)).toEqual(["The monitor's visits found three causes that reinforce one another:", "1. Bail hearings are adjourned when no judge is free.", "2. Prosecutors ask for remand by default.", "3. Legal aid lawyers carry caseloads of several hundred files."]);
  });

  it("PPTX: speaker notes as paragraphs on every slide but the closing one", () => {
    for (const [i, s] of pptx.slides.entries()) {
      const expected = deck.slides[i]?.notes ?? [];
      if (deck.slides[i]?.kind === "closing") expect(s.notes).toEqual([]);
      else expect(s.notes, s.title).toEqual(notesParagraphs(expected));
    }
  });

  it("PPTX: live links on the sources slide, numbers and footers on content slides", () => {
    const sources = pptx.slides.find((s) => s.title === "Sources");
    const link = sources?.rels.find((r) => r.type.endsWith("/hyperlink"));
    expect(link).toMatchObject({ target: "https://northbridge.example/remand-2023", external: true });
    expect(sources?.xml).toContain(`r:id="${link?.id}"`);
    const layout = pptx.slides[2]?.rels.find((r) => r.type.endsWith("/slideLayout"));
    const layoutXml = pptx.text(resolveTarget(pptx.slides[2]?.part ?? "", layout?.target ?? ""));
    expect(layoutXml).toContain('type="sldNum"');
    expect(layoutXml).toContain("Northbridge Rights Monitor · 14 March 2025");
  });

  it("PPTX: masters in the brand's colours, the theme's fonts with Korean and Chinese fallbacks", () => {
    const layouts = Object.keys(pptx.files).filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p)).map((p) => pptx.text(p)).join("");
    expect(layouts).toContain('<a:srgbClr val="1F3A5F"/>');
    expect(layouts).toContain('<a:srgbClr val="C8553D"/>');
    const theme = pptx.text("ppt/theme/theme1.xml");
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Source Sans 3"\/><a:ea typeface="Noto Sans KR"\/>/);
    expect(theme).toContain('<a:font script="Hans" typeface="Noto Sans SC"/>');
    const runs = pptx.slides.map((s) => s.xml).join("");
    expect(runs).toContain('<a:latin typeface="Source Sans 3"');
    expect(runs).not.toMatch(/<a:ea typeface="Source Sans 3"/);
  });

  it("PPTX: every part has a content type and every relationship a target", () => {
    const types = pptx.text("[Content_Types].xml");
    const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => (m[1] ?? "").toLowerCase()));
    const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
    const parts = Object.keys(pptx.files).filter((p) => !p.endsWith("/"));
    for (const part of parts) {
      if (part === "[Content_Types].xml") continue;
      expect(overrides.has(part) || defaults.has(part.split(".").pop()?.toLowerCase() ?? ""), `${part} has no content type`).toBe(true);
    }
    for (const o of overrides) expect(parts, `override for a missing part ${o}`).toContain(o);
    for (const part of ["/", ...parts]) {
      for (const rel of relsOf(pptx.files, part)) {
        if (!rel.external) expect(parts, `${part} → ${rel.target}`).toContain(resolveTarget(part, rel.target));
      }
    }
    expect(relsOf(pptx.files, "/").some((r) => r.target.replace(/^\//, "") === "ppt/presentation.xml")).toBe(true);
  });

  it("PPTX: opens in LibreOffice Impress, which shows every slide's title and text", async () => {
    const pdf = await readPdfBuffer(libreOfficePdf(join(out, "slides.pptx")));
    expect(pdf.pages.length).toBe(deck.slides.length);
    const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, "");
    deck.slides.forEach((s, i) => expect(squash(pdf.pages[i]?.text ?? ""), `slide ${i + 1}`).toContain(squash(s.title)));
    // Nothing runs off a slide: past its right edge, or down into the footer's band, which
    // holds the footer and the slide number (on content slides) and nothing else.
    pdf.pages.forEach((page, i) => {
      const visible = page.items.filter((it) => it.str.trim());
      expect(visible.filter((it) => it.x + it.width > page.width + 1).map((it) => it.str), `slide ${i + 1}`).toEqual([]);
      const low = visible.filter((it) => it.y < 50).map((it) => it.str.trim());
      const content = deck.slides[i]?.kind !== "title" && deck.slides[i]?.kind !== "closing";
      expect(low, `slide ${i + 1}`).toEqual(content ? [deck.footer, String(i + 1)] : []);
    });
    const table = pdf.pages.find((p) => p.text.includes("Capital"));
    for (const cell of ["Region", "Median wait", "Highlands", "4,100"]) expect(squash(table?.text ?? "")).toContain(squash(cell));
  });

  describe("HTML deck in Chromium", () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launch();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(pathToFileURL(join(out, "slides.html")).href, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
    });
    afterAll(async () => browser?.close());

    it("shows the chart, the table and the quote on slides of their own", async () => {
      const kinds = await page.$$eval("section[data-class]", (s) => s.map((x) => ({ cls: x.className, img: x.querySelector("img")?.getAttribute("alt") ?? null, tables: x.querySelectorAll("table").length, quotes: x.querySelectorAll("blockquote").length, items: x.querySelectorAll("li").length })));
      const figure = kinds.filter((k) => k.cls.includes("figure"));
      expect(figure).toEqual([{ cls: "figure", img: ALT, tables: 0, quotes: 0, items: 0 }]);
      expect(kinds.filter((k) => k.cls.includes("table")).map((k) => k.tables)).toEqual([1, 1]);
      expect(kinds.filter((k) => k.cls.includes("quote")).map((k) => [k.quotes, k.items])).toEqual([[1, 0]]);
      const loaded = await page.$eval("section.figure img", (img) => (img as HTMLImageElement).naturalWidth);
      expect(loaded).toBe(800);
    });

    it("has no slide that overflows", async () => {
      const over = await page.$$eval("section[data-class]", (s) => s.map((x, i) => ({ i, over: x.scrollHeight - x.clientHeight })).filter((o) => o.over > 1));
      expect(over).toEqual([]);
    });

    it("has no accessibility violations (axe-core), colour contrast checked", async () => {
      for (const html of [join(out, "slides.html"), join(inject("builtDir"), SAMPLE_SLUG, "slides.html")]) {
        await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready);
        // The deck's CSP allows inline scripts only: axe goes in as one.
        await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
        const result = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }>; passes: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
          return { violations: r.violations.map((v) => `${v.id} (${v.nodes.length})`), contrast: r.passes.find((p) => p.id === "color-contrast")?.nodes.length ?? 0 };
        });
        expect(result.violations, html).toEqual([]);
        expect(result.contrast, "text whose contrast axe checked and passed").toBeGreaterThan(20);
      }
    });
  });

  it("slides.pdf: a page a slide, the titles in its outline, no notes; slides-notes.pdf: every slide above its notes", async () => {
    const pdf = await readPdfBuffer(readFileSync(join(out, "slides.pdf")));
    expect(pdf.pages.length).toBe(deck.slides.length);
    // Chromium joins a title's wrapped lines without a space: compare without white space.
    const squash = (s: string) => s.replace(/\s+/g, "");
    const outline = pdf.outline.flatMap((o) => [o.title, ...o.items.map((i) => i.title)]).map(squash);
    for (const s of deck.slides) expect(outline).toContain(squash(s.title));
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(join(out, "slides.pdf"))), verbosity: 0 }).promise;
    let annotations = 0;
    for (let n = 1; n <= doc.numPages; n++) annotations += (await (await doc.getPage(n)).getAnnotations()).filter((a: { subtype: string }) => a.subtype !== "Link").length;
    expect(annotations, "the audience's copy carries no notes").toBe(0);
    // The speaker's copy: a page a slide, the slide's notes on its page.
    const handout = await readPdfBuffer(readFileSync(join(out, "slides-notes.pdf")));
    expect(handout.pages.length).toBe(deck.slides.length);
    deck.slides.forEach((s, i) => {
      const page = squash(handout.pages[i]?.text ?? "");
      for (const note of s.notes) expect(page, `slide ${i + 1}`).toContain(squash(note));
    });
  });
});

describe.skipIf(!CHROME)(`a deck problem is the deck's${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  it("fits what would overflow: an overlong quote is set smaller or cut to its lead, the deck written beside brief.pdf, exit 0", async () => {
    const long = "Every week we wait is another week of a life spent in a cell without a verdict. ".repeat(9).trim();
    const text = FIXTURE.replace(/^> My client[^\n]*$/m, `> ${long}`);
    const dir = scratchProject({ "report/speaker.md": text });
    writeFileSync(join(dir, "assets", "remand-chart.png"), await barChartPng([1, 2]));
    const r = briefpress(["build", "report/speaker.md"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "dist", "speaker")).sort()).toEqual(["brief.html", "brief.pdf", "slides-notes.pdf", "slides.html", "slides.md", "slides.pdf", "slides.pptx"]);
    const md = readFileSync(join(dir, "dist", "speaker", "slides.md"), "utf8");
    const quote = md.split(/\n---\n/).find((s) => s.includes("_class: quote")) ?? "";
    // Type shrinks before anything moves: the quote is set smaller (never below 18 px), or
    // cut to its lead; either way the notes hold it whole.
    const shown = quote.replace(/<!--[\s\S]*?-->/g, "").split("Every week we wait").length - 1;
    expect(/_class: quote fit-\d+/.test(quote) || shown < 9).toBe(true);
    expect(quote).toContain(long);
  });

  it("removes the slides of an earlier build when the deck cannot be written now", () => {
    const hand = (n: number) => `---\nmarp: true\ntheme: briefpress\n---\n\n## Returns\n\n${Array.from({ length: n }, (_, i) => `- Point ${i + 1} about the returns, said at length so that it wraps.`).join("\n")}\n`;
    const dir = scratchProject({ "report/speaker.md": FIXTURE.replace(/!\[[^\]]*\]\([^)]*\)/g, ""), "slides/speaker.md": hand(2) });
    expect(briefpress(["build", "report/speaker.md", "--formats", "pdf,deck"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "dist", "speaker")).sort()).toEqual(["brief.pdf", "slides.html", "slides.md"]);
    writeFileSync(join(dir, "slides", "speaker.md"), hand(16));
    const r = briefpress(["build", "report/speaker.md", "--formats", "pdf,deck"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error slides\/overflow slide 1 "Returns"/);
    expect(readdirSync(join(dir, "dist", "speaker")).sort()).toEqual(["brief.pdf"]);
  });
});
