// slides.pdf is the audience's copy: no speaker notes in it, no note annotations or icons
// (the notes are in slides-notes.pdf, a handout page a slide, and in slides.pptx).
// Chromium's clock-dated metadata is set to the build's date: same source, same bytes.
import type * as PdfLib from "pdf-lib";
import { loadPackage } from "../world/packages.js";

export async function dated(pdf: Buffer, date: Date): Promise<Buffer> {
  const { PDFDocument } = loadPackage<typeof PdfLib>("pdf-lib");
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return Buffer.from(await doc.save());
}
