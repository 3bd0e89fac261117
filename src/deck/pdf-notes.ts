// slides.pdf is the audience's copy: no speaker notes in it, no note annotations or icons
// (the notes are in slides-notes.pdf, a handout page a slide, and in slides.pptx).
// Chromium dates its PDFs by the clock; they are set to the build's date: same source,
// same bytes.
import type * as PdfLib from "pdf-lib";
import { loadPackage } from "../world/packages.js";

/**
 * Chromium writes its Info dictionary as plain text, both dates in one fixed-length form
 * (D:YYYYMMDDHHmmSS+00'00'). They are overwritten in place, the same length, so every
 * offset in the cross-reference table stays right: no PDF library loads, parses and
 * re-saves the file (half a second of a build's CPU). A PDF in any other shape goes
 * through pdf-lib as before.
 */
const CHROMIUM_DATES = /\/(CreationDate|ModDate) \(D:\d{14}[+-]\d\d'\d\d'\)/g;

export async function dated(pdf: Buffer, date: Date): Promise<Buffer> {
  const text = pdf.toString("latin1");
  const found = [...text.matchAll(CHROMIUM_DATES)];
  const year = date.getUTCFullYear();
  if (found.length === 2 && found[0]?.[1] !== found[1]?.[1] && year >= 0 && year <= 9999) {
    const stamp = `D:${date.toISOString().slice(0, 19).replace(/\D/g, "")}+00'00'`;
    const out = Buffer.from(pdf);
    for (const m of found) out.write(`/${m[1]} (${stamp})`, m.index ?? 0, "latin1");
    return out;
  }
  const { PDFDocument } = loadPackage<typeof PdfLib>("pdf-lib");
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return Buffer.from(await doc.save());
}
