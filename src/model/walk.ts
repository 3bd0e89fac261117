// The one walker over the document model. `childBlocks` and `childInlines` are exhaustive
// over the kinds (a new kind that holds content fails to compile until it is added here),
// so no pass can forget a container: every stage walks the model through these.
import type { Block, Inline } from "./brief.js";
import { plainText } from "./plain-text.js";

function unreachable(kind: never): never {
  throw new Error(`unknown model node ${String(kind)}`);
}

/** The blocks a block holds, in order. */
export function childBlocks(block: Block): readonly Block[] {
  switch (block.kind) {
    case "list":
      return block.items.flatMap((item) => item.blocks);
    case "quote":
    case "callout":
    case "figure":
      return block.blocks;
    case "heading":
    case "paragraph":
    case "code":
    case "table":
    case "rule":
    case "html":
    case "chunk":
    case "pagebreak":
      return [];
    default:
      return unreachable(block);
  }
}

/** The inlines an inline holds (emphasis, links, spans), in order. */
export function childInlines(inline: Inline): readonly Inline[] {
  switch (inline.kind) {
    case "strong":
    case "em":
    case "link":
    case "mark":
    case "lang":
      return inline.children;
    case "text":
    case "code":
    case "break":
    case "citation":
    case "footnoteRef":
    case "image":
    case "math":
      return [];
    default:
      return unreachable(inline);
  }
}

/**
 * Every block, depth first, in document order. `enter` returning false skips a block's
 * children (a pass that treats a figure as one piece, say).
 */
export function eachBlock(blocks: readonly Block[], visit: (block: Block) => boolean | void): void {
  for (const block of blocks) {
    if (visit(block) === false) continue;
    eachBlock(childBlocks(block), visit);
  }
}

/** Every inline of a run, depth first, in order. */
export function eachInline(inlines: readonly Inline[], visit: (inline: Inline) => void): void {
  for (const inline of inlines) {
    visit(inline);
    eachInline(childInlines(inline), visit);
  }
}

/** A run with some inlines replaced, containers rebuilt around them (the model is not shared). */
export function mapInlines(inlines: readonly Inline[], f: (inline: Inline) => Inline): Inline[] {
  return inlines.map((inline) => {
    const mapped = f(inline);
    return "children" in mapped ? { ...mapped, children: mapInlines(mapped.children, f) } : mapped;
  });
}

export interface ImageInContext {
  image: Extract<Inline, { kind: "image" }>;
  /** Text of the block right after the image's paragraph (a credit line, often). */
  nextText: string;
}

export function imageRefsWithText(blocks: readonly Block[]): ImageInContext[] {
  const out: ImageInContext[] = [];
  const visit = (inlines: readonly Inline[], nextText: string) =>
    eachInline(inlines, (i) => {
      if (i.kind === "image") out.push({ image: i, nextText });
    });
  blocks.forEach((b, n) => {
    const next = blocks[n + 1];
    const nextText = next && next.kind === "paragraph" ? plainText(next.inlines) : "";
    if (b.kind === "paragraph" || b.kind === "heading") {
      // A credit written on the line below the image, in the same paragraph, counts too.
      const after = plainText(b.inlines.slice(b.inlines.findIndex((i) => i.kind === "image") + 1)).trim();
      visit(b.inlines, after || nextText);
    } else out.push(...imageRefsWithText(childBlocks(b)));
  });
  return out;
}

/**
 * Some picture of the brief (an image or the cover) has no alt text: the PDF then cannot
 * claim PDF/UA, which requires a description of every figure. Check and writer both ask here.
 */
export function lacksAltText(blocks: readonly Block[], cover: { alt: string } | false | undefined): boolean {
  if (cover && !cover.alt.trim()) return true;
  return imageRefsWithText(blocks).some((i) => !i.image.alt.trim());
}
