// The structure tree (PDF/UA): turns the plan's tags into pdfkit structure elements,
// created on first use and reused across lines and pages, so a paragraph broken over
// two pages is still one P element.
import type { StructRef, Tag } from "../layout/plan.js";
import { scriptLang } from "../../text/scripts.js";

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
  inline(tag: readonly StructRef[], types: ReadonlyArray<"Link" | "Reference" | "Span">, draw: (innermost: Element) => void, options: { lang?: string; actual?: string } = {}): void {
    let parent = this.element(tag);
    const chain: Element[] = [];
    const span: PDFKit.Mixins.StructureElementOptions & { actual?: string } = {};
    if (options.lang) span.lang = options.lang;
    if (options.actual) span.actual = options.actual;
    for (const type of types) {
      const el = this.doc.struct(type, type === "Span" ? span : {});
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

/** The fixed tags of the Korean and Chinese faces (Hanja drawn from the Korean face reads as Korean). */
const CJK_LANG: Partial<Record<string, string>> = { kr: "ko", "kr-bold": "ko", sc: "zh-Hans", "sc-bold": "zh-Hans" };

/**
 * The /Lang of a drawn fragment when it differs from the document's: the CJK faces'
 * own, else the one its script tells (scripts.ts), none for the brief's own script.
 */
export function fragmentLang(f: { key: string; text: string; style?: { lang?: string } }, documentLang: string | undefined): string | undefined {
  const given = f.style?.lang;
  if (given) return given.toLowerCase() === documentLang?.toLowerCase() ? undefined : given;
  const cjk = CJK_LANG[f.key];
  if (cjk) return cjk;
  if (!/^(serif|sans)/.test(f.key) || (!LATIN.test(f.text) && /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Latin}]/u.test(f.text))) return scriptLang(f.text, documentLang);
  return undefined;
}

/** Scripts whose glyphs map back to their characters one to one. */
const ONE_TO_ONE = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]*$/u;

/** The text as typed, for runs whose glyphs are reordered, split or joined (Arabic, Indic, Burmese…). */
export function actualText(text: string): string | undefined {
  return LATIN.test(text) || ONE_TO_ONE.test(text) ? undefined : text;
}

const LATIN = /^[\u0000-\u024f\u2000-\u206f]*$/;
