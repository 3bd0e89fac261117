// The structure tree (PDF/UA): turns the plan's tags into pdfkit structure elements,
// created on first use and reused across lines and pages, so a paragraph broken over
// two pages is still one P element.
import type { StructRef, Tag } from "./plan.js";

type Element = PDFKit.PDFStructureElement;

export class StructureTree {
  private readonly elements = new Map<number, Element>();
  readonly root: Element;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  /** The element at the end of `path`, creating the missing ones under their parents. */
  element(path: readonly StructRef[]): Element {
    let parent = this.root;
    for (const ref of path) {
      let el = this.elements.get(ref.id);
      if (!el) {
        const options: PDFKit.Mixins.StructureElementOptions = {};
        if (ref.alt !== undefined) options.alt = ref.alt;
        if (ref.scope) options.scope = ref.scope;
        el = this.doc.struct(ref.type, options);
        parent.add(el);
        this.elements.set(ref.id, el);
      }
      parent = el;
    }
    return parent;
  }

  /** Runs `draw` inside marked content that belongs to `tag` (or is an artifact). */
  mark(tag: Tag, draw: () => void, options: { lang?: string; artifact?: "Pagination" | "Layout" } = {}): void {
    if (tag === "artifact") {
      this.doc.markContent("Artifact", { type: options.artifact ?? "Layout" });
      draw();
      this.doc.endMarkedContent();
      return;
    }
    const el = this.element(tag);
    const type = tag[tag.length - 1]?.type ?? "P";
    const content = this.doc.markStructureContent(type, options.lang ? { lang: options.lang } : {});
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  /**
   * An inline child (Link, Reference, Span) of the element at `tag`, holding content and,
   * for links, the annotation. Ended at once so pdfkit writes it on the current page.
   */
  inline(tag: readonly StructRef[], types: ReadonlyArray<"Link" | "Reference" | "Span">, draw: (innermost: Element) => void, options: { lang?: string } = {}): void {
    let parent = this.element(tag);
    const chain: Element[] = [];
    for (const type of types) {
      const el = this.doc.struct(type, type === "Span" && options.lang ? { lang: options.lang } : {});
      parent.add(el);
      chain.push(el);
      parent = el;
    }
    const innermost = chain[chain.length - 1] ?? parent;
    const content = this.doc.markStructureContent(types[types.length - 1] ?? "Span");
    draw(innermost);
    this.doc.endMarkedContent();
    innermost.add(content);
    for (const el of chain.reverse()) el.end();
  }

  end(): void {
    this.root.end();
  }
}
