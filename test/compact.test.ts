// Compact PDFs: object streams and a cross-reference stream, so every brief is within
// 1.15× of what qpdf makes of it when it packs the objects itself; still valid.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { checkPdfUa } from "./helpers/pdfua.js";
import { readPdf } from "./helpers/pdf.js";
import { SAMPLE_SLUG } from "./helpers/paths.js";
import { sampleSource, scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

function repacked(pdf: string): number {
  const out = join(mkdtempSync(join(tmpdir(), "briefpress-qpdf-")), "packed.pdf");
  execFileSync("qpdf", ["--object-streams=generate", pdf, out]);
  return statSync(out).size;
}

function expectCompactAndValid(pdf: string): void {
  const bytes = readFileSync(pdf);
  const text = bytes.toString("latin1");
  expect(text.startsWith("%PDF-1.7")).toBe(true);
  // A cross-reference stream and object streams; no plain-text table or trailer left.
  expect(text).toMatch(/\/Type \/XRef/);
  expect(text).toMatch(/\/Type \/ObjStm/);
  expect(text).not.toMatch(/^xref$/m);
  expect(text).not.toMatch(/^trailer$/m);
  const check = spawnSync("qpdf", ["--check", pdf], { encoding: "utf8" });
  expect(check.stderr).toBe("");
  expect(check.status).toBe(0);
  expect(check.stdout).toContain("No syntax or stream encoding errors found");
  expect(bytes.length / repacked(pdf)).toBeLessThanOrEqual(1.15);
}

describe("compact PDFs", () => {
  it("the sample brief", async () => {
    const pdf = join(inject("builtDir"), SAMPLE_SLUG, "brief.pdf");
    expectCompactAndValid(pdf);
    expect((await readPdf(pdf)).pages.length).toBeGreaterThan(3);
  });

  it("the ~60-page stress brief, thousands of structure elements packed", () => {
    const pdf = join(inject("stressDir"), "dist", "stress", "brief.pdf");
    expectCompactAndValid(pdf);
    const objects = execFileSync("qpdf", ["--show-xref", pdf], { encoding: "utf8" }).split("\n");
    // Most objects live inside object streams ("compressed" entries).
    const packed = objects.filter((l) => /compressed/.test(l)).length;
    expect(packed / objects.length).toBeGreaterThan(0.8);
  });

  it("a PDF/A-2a build, still tagged for PDF/UA", async () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    expect(briefpress(["build", "report/x.md", "--formats", "pdf", "--pdfa"], { cwd: dir }).code).toBe(0);
    const pdf = join(dir, "dist", "x", "brief.pdf");
    expectCompactAndValid(pdf);
    expect((await checkPdfUa(pdf)).findings).toEqual([]);
  });
});
