// Speaker notes in slides.pdf: one text annotation (a "sticky note") on each page that has
// notes, as marp-cli's --pdf-notes makes them, so PDF viewers list them beside the slide.
// Chromium's clock-dated metadata is set to the build's date: same source, same bytes.
import type * as PdfLib from "pdf-lib";
import { loadPackage } from "../world/packages.js";
import type { DeckSource } from "./deck.js";

export async function withNotes(pdf: Buffer, deck: Pick<DeckSource, "notes">, date: Date): Promise<Buffer> {
  const { PDFDocument, PDFHexString, PDFName } = loadPackage<typeof PdfLib>("pdf-lib");
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.getPages().forEach((page, i) => {
    const text = (deck.notes[i] ?? []).join("\n\n").trim();
    if (!text) return;
    const { height } = page.getSize();
    const note = doc.context.obj({ Type: "Annot", Subtype: "Text", Rect: [0, height - 20, 20, height], Contents: PDFHexString.fromText(text), Name: "Note", F: 4 });
    page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(note)]));
  });
  return Buffer.from(await doc.save());
}
