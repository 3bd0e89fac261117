// drawGlyphRun writes a run of text with pdfkit's own operators, minus text()'s overhead:
// for the same run, the content stream must say exactly what text() says.
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { fontModule } from "../src/text/font-files.js";
import { drawGlyphRun } from "../src/pdf/draw/glyph-run.js";

const require = createRequire(import.meta.url);

/** Every text object in an uncompressed PDF, with the graphics state around it. */
async function textObjects(draw: (doc: PDFKit.PDFDocument) => void): Promise<string[]> {
  const doc = new PDFDocument({ compress: false, font: null as unknown as string, size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  doc.registerFont("serif", require.resolve(fontModule("serif")));
  doc.registerFont("sans", require.resolve(fontModule("sans-bold")));
  const ended = new Promise((resolve) => doc.on("end", resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks).toString("latin1").match(/q\n[^\n]* cm\nBT\n[\s\S]*?\nET\nQ/g) ?? [];
}

const RUNS: Array<{ face: string; size: number; text: string }> = [
  { face: "serif", size: 10.5, text: "AVATAR Yoon, “Tokyo” — office ﬁles" }, // kerning, quotes, a ligature
  { face: "sans", size: 18, text: "Waiting; To Vietnam" },
  { face: "serif", size: 9, text: "q\u0301 x\u0323 n\u0303" }, // marks without precomposed forms: positioned off the baseline
];

describe("drawGlyphRun", () => {
  it("writes the same operators as pdfkit's text() for kerned, ligated and mark-positioned runs", async () => {
    const place = (i: number) => ({ x: 72.25 + i * 3, y: 100.5 + i * 40 });
    const byText = await textObjects((doc) =>
      RUNS.forEach((r, i) => doc.font(r.face).fontSize(r.size).fillColor("#1f2a44").text(r.text, place(i).x, place(i).y, { lineBreak: false, baseline: "alphabetic" })),
    );
    const byRun = await textObjects((doc) =>
      RUNS.forEach((r, i) => drawGlyphRun(doc.font(r.face).fontSize(r.size).fillColor("#1f2a44"), r.text, place(i).x, place(i).y)),
    );
    expect(byText).toHaveLength(RUNS.length);
    expect(byRun).toEqual(byText);
    // The runs exercised kerning adjustments and a mark's own text matrix.
    expect(byRun[0]).toMatch(/> -?\d+(\.\d+)? </);
    expect(byRun[2]?.match(/ Tm\n/g)?.length ?? 0).toBeGreaterThan(1);
  });

  it("draws nothing for an empty run", async () => {
    expect(await textObjects((doc) => drawGlyphRun(doc.font("serif").fontSize(10), "", 72, 72))).toEqual([]);
  });
});
