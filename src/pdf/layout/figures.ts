// Figures and captions: an image with its credit, numbered figures ("Figure 2. …") from
// images, figure divs and chunks that would draw one, table captions, and the empty
// items that carry a named destination or a page break.
import type { Block, Inline } from "../../model/brief.js";
import { plainText } from "../../model/plain-text.js";
import { breakLines, type Run } from "./lines.js";
import type { FlowItem, StructRef, TextItem } from "./plan.js";
import { toRuns } from "./runs.js";
import { text, type FlowContext } from "./text-item.js";

/** A numbered figure: its images (or a chunk that would draw one), then "Figure N. Caption". */
export function flowFigure(block: Extract<Block, { kind: "figure" }>, ctx: FlowContext, at: { indent: number; parents: StructRef[] }, flowBlock: (b: Block) => FlowItem[]): FlowItem[] {
  const out: FlowItem[] = [];
  const images = block.blocks.flatMap((b) => (b.kind === "paragraph" ? [onlyImage(b.inlines)] : [])).filter((i): i is Extract<Inline, { kind: "image" }> => i !== null);
  const drawn = block.blocks.some((b) => b.kind !== "chunk");
  if (images.length === 1 && block.blocks.length === 1) {
    // The anchor sits where the figure starts, so a link lands on the image, not below it.
    out.push(anchorItem(block.label, ctx));
    out.push(figure(images[0]!, ctx, at.indent, at.parents, { label: block.sub ? `(${block.sub})` : `Figure\u00a0${block.number}.`, caption: block.caption }));
    return out;
  }
  out.push(anchorItem(block.label, ctx));
  for (const b of block.blocks) out.push(...flowBlock(b));
  const caption = captionItem("Figure", block.number, block.caption, ctx, at.indent, at.parents, undefined);
  if (!drawn) caption.lines = notRunCaption("Figure", block.number, block.caption, "drawn", ctx, at.indent);
  out.push(caption);
  return out;
}

/** A table a chunk would make ("#| tbl-cap: …"): its numbered caption, saying why the table is missing. */
export function codeTableCaption(block: Extract<Block, { kind: "chunk" }>, number: number, ctx: FlowContext, indent: number, parents: StructRef[]): TextItem {
  const caption: Inline[] = block.options["tbl-cap"] ? [{ kind: "text", text: block.options["tbl-cap"] }] : [];
  const item = captionItem("Table", number, caption, ctx, indent, parents, block.label && /^tbl[-:]/.test(block.label) ? block.label : `tab:${block.label ?? ""}`);
  item.lines = notRunCaption("Table", number, caption, "made", ctx, indent);
  return item;
}

/** "Figure 2. Caption [drawn by code that briefpress does not run]". */
function notRunCaption(word: string, number: number, caption: Inline[], verb: string, ctx: FlowContext, indent: number) {
  const note: Run = { text: ` [${verb} by code that briefpress does not run]`, style: { face: "sans", size: ctx.look.styles.caption.size, color: ctx.look.styles.caption.color } };
  return breakLines([...captionRuns(word, number, caption, ctx), note], ctx.fonts, { width: ctx.width - indent, leading: ctx.look.styles.caption.leading });
}

function captionRuns(word: string, number: number, caption: Inline[], ctx: FlowContext): Run[] {
  const base = { face: ctx.look.styles.caption.face, size: ctx.look.styles.caption.size, color: ctx.look.styles.caption.color };
  return [{ text: `${word}\u00a0${number}.${caption.length ? " " : ""}`, style: { ...base, face: "sans-bold" as const } }, ...toRuns(caption, ctx.look.styles.caption)];
}

export function captionItem(word: string, number: number, caption: Inline[], ctx: FlowContext, indent: number, parents: StructRef[], anchor: string | undefined): TextItem {
  return text("Caption", captionRuns(word, number, caption, ctx), ctx.look.styles.caption, ctx, { indent, parents, anchor });
}

/** An empty item that only carries a named destination (and keeps with what follows). */
export function anchorItem(anchor: string | undefined, ctx: FlowContext): TextItem {
  const item = text("P", [], ctx.look.styles.body, ctx, { anchor });
  item.lines = [];
  item.tag = "artifact";
  item.spaceBefore = 0;
  item.spaceAfter = 0;
  item.keepWithNext = true;
  return item;
}

export function pageBreak(ctx: FlowContext): TextItem {
  const item = anchorItem(undefined, ctx);
  item.keepWithNext = false;
  item.pageBreak = true;
  return item;
}

export function onlyImage(inlines: Inline[]): Extract<Inline, { kind: "image" }> | null {
  const visible = inlines.filter((i) => !(i.kind === "text" && !i.text.trim()));
  return visible.length === 1 && visible[0]?.kind === "image" ? visible[0] : null;
}

export function figure(image: Extract<Inline, { kind: "image" }>, ctx: FlowContext, indent: number, parents: StructRef[], numbered?: { label: string; caption: Inline[] }): FlowItem {
  const asset = ctx.images.get(image.src);
  if (!asset) throw new Error(`image ${image.src} was not loaded before layout`);
  const maxWidth = ctx.width - indent;
  const width = Math.min(maxWidth, asset.width);
  const height = Math.min((asset.height / asset.width) * width, 340);
  const captionStyle = { face: ctx.look.styles.caption.face, size: ctx.look.styles.caption.size, color: ctx.look.styles.caption.color };
  const numberedRuns: Run[] = numbered
    ? [{ text: `${numbered.label} `, style: { ...captionStyle, face: "sans-bold" } }, ...toRuns(numbered.caption, ctx.look.styles.caption), ...(image.title ? [{ text: creditSeparator(numbered.caption), style: captionStyle }] : [])]
    : [];
  const caption = image.title || numbered
    ? breakLines([...numberedRuns, ...(image.title ? [{ text: image.title, style: captionStyle }] : [])], ctx.fonts, { width: maxWidth, leading: ctx.look.styles.caption.leading })
    : [];
  return {
    type: "figure",
    image: asset,
    alt: image.alt,
    tag: [...parents, ctx.ids.next("Figure", { alt: image.alt })],
    captionTag: [...parents, ctx.ids.next("Caption")],
    width: (asset.width / asset.height) * height,
    height,
    caption,
    spaceBefore: 6,
    spaceAfter: 10,
  };
}

/** "Figure 1. The sea route. Map: …": the credit after the caption as a sentence of its own. */
function creditSeparator(caption: readonly Inline[]): string {
  const last = plainText(caption).trimEnd();
  return last === "" || /[.!?:;…]$/u.test(last) ? " " : ". ";
}
