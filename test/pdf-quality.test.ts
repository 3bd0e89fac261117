// Print and accessibility quality of built PDFs, on the sample brief and on a generated
// ~60-page stress brief: PDF/UA checks, reproducible bytes, every word present, nothing
// drawn outside the text block, size, font fallback.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { pageGeometry } from "../src/pdf/layout/style.js";
import { checkPdfUa } from "./helpers/pdfua.js";
import { pdfFonts, pdfinfo, readPdf, words } from "./helpers/pdf.js";
import { sampleSource, scratchProject } from "./helpers/project.js";
import { SAMPLE_SLUG } from "./helpers/paths.js";
import { briefpress } from "./helpers/run.js";
import { blockWords, missingInOrder } from "./helpers/words.js";

const samplePdf = () => join(inject("builtDir"), SAMPLE_SLUG, "brief.pdf");
const stressPdf = () => join(inject("stressDir"), "dist", "stress", "brief.pdf");
const stressSource = () => readFileSync(join(inject("stressDir"), "report", "stress.md"), "utf8");

describe("accessibility (PDF/UA)", () => {
  it("the sample brief passes every machine-checkable condition we meet", async () => {
    const report = await checkPdfUa(samplePdf());
    expect(report.findings).toEqual([]);
    expect(report.structure.headings[0]).toBe("H1");
    expect(report.structure.figuresWithAlt).toBeGreaterThanOrEqual(1);
    expect(report.structure.roles.Reference).toBeGreaterThan(20);
    expect(report.structure.roles.BibEntry).toBeGreaterThanOrEqual(5);
    expect(pdfinfo(samplePdf()).Tagged).toBe("yes");
  });

  it("the 60-page stress brief passes too, with tables, lists, notes and other scripts", async () => {
    const report = await checkPdfUa(stressPdf());
    expect(report.findings).toEqual([]);
    for (const role of ["Table", "TH", "TD", "L", "LI", "Lbl", "LBody", "Note", "Span"]) expect(report.structure.roles[role] ?? 0, role).toBeGreaterThan(0);
  });

  it("--pdfa writes PDF/A-2a and keeps the PDF/UA identification", async () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf", "--pdfa"], { cwd: dir });
    expect(r.code).toBe(0);
    const path = join(dir, "dist", "x", "brief.pdf");
    const xmp = readFileSync(path).toString("latin1");
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect((await checkPdfUa(path)).findings).toEqual([]);
  });
});

describe("reproducible builds", () => {
  it("gives byte-identical PDFs from the same source", () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    expect(briefpress(["build", "report/x.md", "--formats", "pdf", "--out", "a"], { cwd: dir }).code).toBe(0);
    expect(briefpress(["build", "report/x.md", "--formats", "pdf", "--out", "b"], { cwd: dir }).code).toBe(0);
    const a = readFileSync(join(dir, "a", "x", "brief.pdf"));
    const b = readFileSync(join(dir, "b", "x", "brief.pdf"));
    expect(a.length).toBeGreaterThan(10_000);
    expect(a.equals(b)).toBe(true);
  });

  it("gives the same bytes whatever the same process built before (Korean first, then not)", () => {
    const korean = sampleSource().replace("## Background\n", "## Background\n\nThe former president, 윤석열, said so (Yoon 2024).\n");
    const dir = scratchProject({ "report/ko.md": korean, "report/x.md": sampleSource() });
    // One process, one FontBook: the Korean face is parsed and shaped before x.md is drawn.
    expect(briefpress(["build", "report/ko.md", "report/x.md", "--formats", "pdf", "--out", "both"], { cwd: dir }).code).toBe(0);
    expect(briefpress(["build", "report/x.md", "--formats", "pdf", "--out", "alone"], { cwd: dir }).code).toBe(0);
    expect(pdfFonts(join(dir, "both", "ko", "brief.pdf")).some((f) => f.name.includes("NotoSansKR"))).toBe(true);
    expect(pdfFonts(join(dir, "alone", "x", "brief.pdf")).some((f) => f.name.includes("NotoSansKR"))).toBe(false);
    expect(readFileSync(join(dir, "both", "x", "brief.pdf")).equals(readFileSync(join(dir, "alone", "x", "brief.pdf")))).toBe(true);
  });

  it("takes its timestamps from the brief's date, or SOURCE_DATE_EPOCH", () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(pdfinfo(join(dir, "dist", "x", "brief.pdf")).CreationDate).toMatch(/May 20 00:00:00 2024/);
    briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(pdfinfo(join(dir, "dist", "x", "brief.pdf")).CreationDate).toMatch(/Nov 14 22:13:20 2023/);
  });
});

describe("nothing lost, nothing off the page", () => {
  it("every word of the stress brief's body appears in the PDF, in order", async () => {
    const { brief } = loadBrief("stress.md", stressSource());
    const pdf = await readPdf(stressPdf());
    expect(pdf.pages.length).toBeGreaterThanOrEqual(55);
    expect(missingInOrder(pdf.pages.flatMap((p) => words(p.text)), blockWords(brief.blocks))).toBeNull();
    const notes = brief.footnotes.flatMap((n) => blockWords(n.blocks));
    expect(missingInOrder(pdf.pages.flatMap((p) => words(p.text)), notes)).toBeNull();
  });

  it("draws no body glyph outside the text block (labels may hang into the margin)", async () => {
    for (const path of [samplePdf(), stressPdf()]) {
      const pdf = await readPdf(path);
      const geo = pageGeometry("a4");
      const right = geo.left + geo.textWidth + 0.5;
      const outside = pdf.pages.flatMap((page, n) =>
        page.items
          .filter((i) => i.str.trim() && (i.x + i.width > right || i.x < geo.left - 42 || i.y < 20 || i.y > page.height - 20))
          .map((i) => `page ${n + 1}: "${i.str}" x=${i.x.toFixed(1)}..${(i.x + i.width).toFixed(1)} y=${i.y.toFixed(1)}`),
      );
      expect(outside).toEqual([]);
    }
  });
});

describe("fonts and size", () => {
  it("keeps the sample brief small and loads no CJK font it does not need", () => {
    expect(readFileSync(samplePdf()).length).toBeLessThan(200 * 1024);
    expect(pdfFonts(samplePdf()).some((f) => /Noto/.test(f.name))).toBe(false);
  });

  it("falls back per character to Noto Sans KR and SC for Korean and Chinese names, embedded", () => {
    const fonts = pdfFonts(stressPdf());
    expect(fonts.some((f) => f.name.includes("NotoSansKR"))).toBe(true);
    expect(fonts.some((f) => f.name.includes("NotoSansSC"))).toBe(true);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it("refuses a character no bundled font has, naming it, its code point and its line", () => {
    // N'Ko: no bundled font has it (Arabic, since issue 14, is drawn).
    const text = sampleSource().replace("## Background\n", "## Background\n\nThe word ߒߞߏ is N’Ko (Yoon 2024).\n");
    const dir = scratchProject({ "report/x.md": text });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    const line = text.split("\n").findIndex((l) => l.includes("ߒߞߏ")) + 1;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`report/x.md:${line}:10 error font/missing-glyph no bundled font has the character "ߒ" (U+07D2)`);
  });
});

describe("photographs", () => {
  it("are embedded at no more than 200 ppi of their printed size, as tagged figures with their credit", async () => {
    const { default: sharp } = await import("sharp");
    const brief = `---\ntitle: "Photo"\n---\n\n## Section\n\nA photograph follows (Kim 2020).\n\n![Border fence at dusk](../assets/photo.jpg "Photo: Test desk")\n\n## Sources\n\nMin-ji Kim. (2020). A report. Publisher.\n`;
    const dir = scratchProject({ "report/p.md": brief });
    const w = 4000;
    const h = 2600;
    const pixels = Buffer.alloc(w * h * 3, 0);
    for (let i = 0; i < pixels.length; i += 7) pixels[i] = i % 251;
    await sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 90 }).toFile(join(dir, "assets", "photo.jpg"));
    const r = briefpress(["build", "report/p.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(0);
    const pdf = join(dir, "dist", "p", "brief.pdf");
    const rows = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    expect(rows).toHaveLength(1);
    const cols = rows[0]!.trim().split(/\s+/);
    const [width, xppi] = [Number(cols[3]), Number(cols[12])];
    expect(width).toBeLessThan(w);
    expect(xppi).toBeLessThanOrEqual(201);
    expect(xppi).toBeGreaterThanOrEqual(190);
    const report = await checkPdfUa(pdf);
    expect(report.findings).toEqual([]);
    expect(report.structure.figuresWithAlt).toBe(1);
    expect((await readPdf(pdf)).pages.map((p) => p.text).join(" ")).toContain("Photo: Test desk");
  });
});
