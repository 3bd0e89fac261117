// Speaker notes in slides.pdf: one text annotation (a "sticky note") on each page that has
// notes, as marp-cli's --pdf-notes makes them, so PDF viewers list them beside the slide.
import type * as PdfLib from "pdf-lib";
import { loadPackage } from "../packages.js";
import type { DeckSource } from "./deck.js";

export async function withNotes(pdf: Buffer, deck: Pick<DeckSource, "notes">): Promise<Buffer> {
  if (!deck.notes.some((n) => n.length)) return pdf;
  const { PDFDocument, PDFHexString, PDFName } = loadPackage<typeof PdfLib>("pdf-lib");
  // Chromium's own metadata (dates) would make the file differ on every build.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.getPages().forEach((page, i) => {
    const text = (deck.notes[i] ?? []).join("\n\n").trim();
    if (!text) return;
    const { height } = page.getSize();
    const note = doc.context.obj({ Type: "Annot", Subtype: "Text", Rect: [0, height - 20, 20, height], Contents: PDFHexString.fromText(text), Name: "Note", F: 4 });
    page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(note)]));
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
