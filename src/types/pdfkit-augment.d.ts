// @types/pdfkit 0.17 lags pdfkit 0.20: the PDF/UA subset, structure-element attributes
// (scope, bbox, placement), annotations attached to structure elements, and outline
// options exist at run time but not in the types. This adds exactly what we use.
import "pdfkit";

declare global {
  namespace PDFKit {
    namespace Mixins {
      interface StructureElementOptions {
        scope?: "Column" | "Row" | "Both";
        bbox?: [number, number, number, number];
        placement?: "Block" | "Inline";
      }
      interface AnnotationOption {
        /** The Link structure element the annotation belongs to (pdfkit ≥ 0.17). */
        structParent?: PDFStructureElement;
      }
    }
    interface PDFOutline {
      options: { expanded?: boolean };
      outlineData: Record<string, unknown>;
    }
  }
}
