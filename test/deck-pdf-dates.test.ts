// slides.pdf and slides-notes.pdf carry the build's date, not Chromium's clock: the two
// Info dates are overwritten in place (same length, so the cross-reference table stays
// right), and a PDF in another shape goes through pdf-lib.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { dated } from "../src/deck/pdf-notes.js";

/** A minimal PDF as Chromium writes its Info dictionary: plain text, both dates in one form. */
function chromiumLike(): Buffer {
  const objects = [
    "<</Creator (HeadlessChrome)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261207230035+00'00')\n/ModDate (D:20261207230035+00'00')>>",
    "<</Type /Catalog\n/Pages 3 0 R>>",
    "<</Type /Pages\n/Count 1\n/Kids [4 0 R]>>",
    "<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 960 540]>>",
  ];
  let body = "%PDF-1.7\n%\u0081\u0081\u0081\u0081\n\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

describe("deck PDFs dated by the build", () => {
  const when = new Date(Date.UTC(2024, 4, 20, 0, 0, 0));

  it("overwrites Chromium's two dates in place, every offset unchanged", async () => {
    const raw = chromiumLike();
    const out = await dated(raw, when);
    expect(out.length).toBe(raw.length);
    const text = out.toString("latin1");
    expect(text).toContain("/CreationDate (D:20240520000000+00'00')");
    expect(text).toContain("/ModDate (D:20240520000000+00'00')");
    expect(text).not.toContain("20261207");
    // Only the date digits differ: the same bytes elsewhere, so the xref still points right.
    const changed = [...raw].filter((b, i) => b !== out[i]).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(28);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(when.toISOString());
    expect(doc.getPageCount()).toBe(1);
  });

  it("dates a PDF of any other shape through pdf-lib", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([960, 540]);
    const other = Buffer.from(await doc.save());
    const out = await dated(other, when);
    const back = await PDFDocument.load(out, { updateMetadata: false });
    expect(back.getCreationDate()?.toISOString()).toBe(when.toISOString());
    expect(back.getModificationDate()?.toISOString()).toBe(when.toISOString());
  });
});
