// The sample brief's PDF, read back with real tools: every body word present in order,
// fonts embedded, structure valid, citations clickable, pages furnished.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { plainText } from "../src/model/plain-text.js";
import { pdfFonts, pdfinfo, qpdfCheck, readPdf, words, type PdfReading } from "./helpers/pdf.js";
import { blockWords, missingInOrder } from "./helpers/words.js";
import { ROOT, SAMPLE, SAMPLE_SLUG } from "./helpers/paths.js";

const pdfPath = () => join(inject("builtDir"), SAMPLE_SLUG, "brief.pdf");
const source = readFileSync(join(ROOT, SAMPLE), "utf8");
const { brief } = loadBrief(SAMPLE, source);

describe("sample brief PDF", () => {
  let pdf: PdfReading;
  beforeAll(async () => {
    pdf = await readPdf(pdfPath());
  });

  it("passes qpdf --check", () => {
    const r = qpdfCheck(pdfPath());
    expect(r.output).toContain("No syntax or stream encoding errors");
    expect(r.ok).toBe(true);
  });

  it("embeds every font it uses, serif body and sans headings", () => {
    const fonts = pdfFonts(pdfPath());
    expect(fonts.length).toBeGreaterThan(1);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.some((f) => f.name.includes("SourceSerif4"))).toBe(true);
    expect(fonts.some((f) => f.name.includes("SourceSans3"))).toBe(true);
  });

  it("contains every word of the body, in order", () => {
    const pdfWords = pdf.pages.flatMap((p) => words(p.text));
    expect(missingInOrder(pdfWords, blockWords(brief.blocks))).toBeNull();
  });

  it("contains every source entry, in order", () => {
    const pdfWords = pdf.pages.flatMap((p) => words(p.text));
    expect(missingInOrder(pdfWords, brief.sources.flatMap((s) => words(s.text)))).toBeNull();
  });

  it("carries the title, summary and key points on the cover", () => {
    const cover = words(pdf.pages[0]?.text ?? "");
    for (const part of [brief.title, brief.meta.summary ?? "", ...(brief.meta.key_points ?? []), brief.meta.cover?.credit ?? ""]) {
      expect(missingInOrder(cover, words(part))).toBeNull();
    }
  });

  it("is a short brief: a cover plus two to five pages, A4", () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.pages.length).toBeLessThanOrEqual(6);
    expect(Math.round(pdf.pages[0]?.width ?? 0)).toBe(595);
  });

  it("numbers every page after the cover as Page X of Y, with the running title", () => {
    const total = pdf.pages.length;
    pdf.pages.slice(1).forEach((page, i) => {
      expect(page.text).toContain(`Page ${i + 2} of ${total}`);
      expect(page.text).toContain(brief.meta.short_title ?? "");
    });
    expect(pdf.pages[0]?.text).not.toContain("Page 1 of");
  });

  it("links every citation to its entry in the sources list", () => {
    const internal = pdf.pages.flatMap((p) => p.links.filter((l) => l.dest));
    const targets = new Set(internal.map((l) => l.dest));
    // Every source is cited in the sample, so every entry is a link target.
    for (let i = 1; i <= brief.sources.length; i++) {
      expect(targets.has(`source-${i}`)).toBe(true);
      expect(pdf.destinations).toContain(`source-${i}`);
    }
    const citationItems = brief.citations.filter((c) => c.context !== "slide").length;
    expect(internal.filter((l) => l.dest?.startsWith("source-")).length).toBeGreaterThanOrEqual(citationItems);
  });

  it("keeps URLs in the sources live", () => {
    const urls = pdf.pages.flatMap((p) => p.links.map((l) => l.url).filter(Boolean));
    expect(urls).toContain("https://www.hrw.org/news/2024/05/08/china-forcibly-returns-60-refugees-north-korea");
  });

  it("has a bookmark for every section", () => {
    const titles = pdf.outline.map((o) => o.title);
    for (const b of brief.blocks) if (b.kind === "heading" && b.level === 2) expect(titles).toContain(plainText(b.inlines));
    expect(titles).toContain(brief.sourcesHeading);
  });

  it("records title and author in the document info", () => {
    const info = pdfinfo(pdfPath());
    expect(info.Title).toBe(brief.title);
    expect(info.Author).toBe("Research desk");
  });

  it("is built in the expected place", () => {
    expect(existsSync(pdfPath())).toBe(true);
  });
});
