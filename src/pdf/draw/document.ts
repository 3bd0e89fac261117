// The PDF document itself, before anything is drawn: page size, tagging, the standard it
// claims (PDF/UA, or PDF/A-2a beside it; none of them when a picture lacks alt text), its
// language and its metadata, with the XMP escaped (xmp.ts).
import PDFDocument from "pdfkit";
import type { Brand } from "../../brand/brand.js";
import type { Brief } from "../../model/brief.js";
import type { FontBook } from "../../text/fonts.js";
import type { PagePlan } from "../layout/plan.js";
import type { PageGeometry } from "../layout/style.js";
import { lacksAltText } from "../../model/walk.js";
import { escapeInfoInXmp } from "./xmp.js";
export interface WriteOptions {
  brief: Brief;
  brand: Brand;
  pages: PagePlan[];
  geo: PageGeometry;
  fonts: FontBook;
  /** The fixed clock for CreationDate/ModDate and the document ID. */
  date: Date;
  /** PDF/A-2a instead of plain PDF/UA (the PDF/UA identification stays in the XMP). */
  pdfa?: boolean;
}

export function openDocument(o: WriteOptions): PDFKit.PDFDocument {
  const { brief, geo } = o;
  const meta = brief.meta;
  // PDF/UA (and PDF/A's level A) require alt text on every figure: a brief with a picture
  // that has none does not claim them (image/alt says so); the tagging stays all the same.
  const accessible = !lacksAltText(brief.blocks, meta.cover);
  const subset = o.pdfa ? (accessible ? "PDF/A-2a" : "PDF/A-2b") : accessible ? "PDF/UA" : undefined;
  const doc = new PDFDocument({
    size: [geo.width, geo.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: "1.7",
    // No default font: pdfkit would load Helvetica's metrics, which no brief ever uses.
    font: null as unknown as string,
    tagged: true,
    // The types know only the PDF/A subsets; pdfkit 0.20 also accepts "PDF/UA".
    ...(subset ? { subset: subset as PDFKit.Mixins.PDFSubsets } : {}),
    lang: meta.lang ?? "en",
    displayTitle: true,
    compress: true,
    info: {
      Title: brief.title,
      Author: meta.authors.map((a) => a.name).join(", ") || (o.brand.name ?? ""),
      Subject: meta.subtitle ?? "",
      // Front matter's keywords: the Info dictionary, and through it pdf:Keywords in the XMP.
      ...(meta.keywords?.length ? { Keywords: meta.keywords.join(", ") } : {}),
      Creator: "briefpress",
      Producer: "briefpress (pdfkit)",
      CreationDate: o.date,
      ModDate: o.date,
    },
  });
  escapeInfoInXmp(doc);
  if (o.pdfa && accessible) {
    // PDF/A-2a is what pdfkit writes as the subset; keep the PDF/UA claim beside it.
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`);
  }
  return doc;
}
