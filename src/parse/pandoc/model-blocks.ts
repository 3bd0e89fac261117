// Pandoc's block constructs → the document model: callouts with their titles, figure
// divs with their captions, chunks that draw figures, and table captions. Pure: takes
// blocks already read, returns blocks.
import type { Block, Inline } from "../../model/brief.js";
import type { Attributes } from "./attributes.js";
import type { ChunkInfo } from "./chunks.js";

type Pos = { line: number; column: number };

/** Quarto's callout kinds and the titles it prints when none is given. */
export const CALLOUT_TITLES: Record<string, string> = { note: "Note", tip: "Tip", warning: "Warning", important: "Important", caution: "Caution" };

/** A fenced div's model block: a figure ({#fig-x}), a callout, speaker notes, or a plain div. */
export function divBlock(attrs: Attributes, braces: boolean, blocks: Block[], at: Pos): Block {
  const id = attrs.id;
  if (id && /^fig[-:]/.test(id)) {
    // The image inside is the figure's own, not a figure of its own.
    blocks = blocks.flatMap((b) => (b.kind === "figure" && !b.label ? b.blocks : [b]));
    const last = blocks[blocks.length - 1];
    const captioned = last?.kind === "paragraph" && blocks.length > 1 && !onlyImage(last.inlines);
    const caption = captioned && last.kind === "paragraph" ? last.inlines : [];
    return { kind: "figure", label: id, number: 0, blocks: captioned ? blocks.slice(0, -1) : blocks, caption, at };
  }
  if (id && /^tbl[-:]/.test(id)) {
    // "::: {#tbl-x}" around a table and its caption paragraph.
    const table = blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
    const last = blocks[blocks.length - 1];
    if (table) {
      table.label = id;
      if (!table.caption && last?.kind === "paragraph") {
        table.caption = last.inlines;
        blocks = blocks.filter((b) => b !== last);
      }
    }
    return { kind: "callout", variant: "div", blocks, at, label: id };
  }
  const cls = attrs.classes[0] ?? "";
  // Quarto's conditional content: kept out of the PDF when meant for other formats only.
  if (!printsInPdf(attrs)) return { kind: "callout", variant: "hidden", blocks, at };
  const callout = /^callout(?:-(\w+))?$/.exec(cls);
  if (callout) {
    let title: Inline[] | undefined = attrs.pairs.title ? [{ kind: "text", text: attrs.pairs.title }] : undefined;
    const first = blocks[0];
    if (!title && first?.kind === "heading") {
      title = first.inlines;
      blocks = blocks.slice(1);
    }
    // The kind leads the title, as Quarto's icon does: "Warning: Small samples".
    const kind = CALLOUT_TITLES[callout[1] ?? ""] ?? "Note";
    title = title ? [{ kind: "text", text: `${kind}: ` }, ...title] : [{ kind: "text", text: kind }];
    return { kind: "callout", variant: cls, blocks, at, title, ...(id ? { label: id } : {}) };
  }
  // "::: slide", "::: note", "::: {.notes}" keep their word; other brace divs just hold text.
  const variant = !braces || cls === "notes" || cls === "slide" ? cls || "div" : "div";
  return { kind: "callout", variant, blocks, at, ...(id ? { label: id } : {}) };
}

/** ".content-visible when-format=html" / ".content-hidden when-format=pdf" / "unless-format". */
function printsInPdf(attrs: Attributes): boolean {
  const pdfLike = (f: string | undefined) => f !== undefined && /^(?:pdf|latex|typst|print)$/.test(f);
  const when = attrs.pairs["when-format"];
  const unless = attrs.pairs["unless-format"];
  if (attrs.classes.includes("content-visible")) return (when === undefined || pdfLike(when)) && !pdfLike(unless);
  if (attrs.classes.includes("content-hidden")) return when !== undefined ? !pdfLike(when) : unless !== undefined && pdfLike(unless);
  return true;
}

/** An image alone in its paragraph, labelled "{#fig-x}" (or any, in a Quarto file): a numbered figure. */
export function imageFigure(block: Extract<Block, { kind: "paragraph" }>, all: boolean): Block {
  const image = onlyImage(block.inlines);
  // bookdown's "![(\\#fig:map) Caption](map.png)": the label is not part of the caption.
  const { text: caption, labels } = captionLabels((image?.caption ?? image?.alt ?? "").trim());
  const label = image?.label ?? labels.find((l) => /^fig[-:]/.test(l));
  if (!image || !(label ?? (all && caption))) return block;
  if (labels.length && image.caption === undefined) image.alt = caption;
  return { kind: "figure", label, number: 0, blocks: [block], caption: caption ? [{ kind: "text", text: caption }] : [], at: block.at };
}

/**
 * A chunk that draws a figure ("#| label: fig-x", or R Markdown's fig.cap): a figure without
 * an image. bookdown names it "fig:<chunk label>", and a "\\label{fig:x}" (LaTeX output) or
 * "(\\#fig:x)" in the caption names it too: all are its labels, and none is printed.
 */
export function chunkBlock(info: ChunkInfo, at: Pos): Block {
  const chunk: Block = { kind: "chunk", engine: info.engine, ...(info.label ? { label: info.label } : {}), options: info.options, at };
  const { text: captionText, labels } = captionLabels(info.options["fig-cap"] ?? "");
  // Quarto prints each sub-figure's caption under its plot: here, after the figure's own.
  const subs = (info.subcaptions ?? []).map((c, i) => `(${String.fromCharCode(97 + (i % 26))}) ${c}`).join(" ");
  const caption = [captionText, subs].filter(Boolean).join(" ");
  const inlines: Inline[] = caption ? [{ kind: "text", text: caption }] : [];
  const label = info.label;
  const figure = (main: string, aliases: string[]): Block => {
    const others = [...new Set(aliases)].filter((a) => a !== main);
    return { kind: "figure", label: main, number: 0, blocks: [chunk], caption: inlines, at, ...(others.length ? { aliases: others } : {}) };
  };
  if (label && /^fig[-:]/.test(label)) return figure(label, [`fig:${label}`, ...labels]);
  // bookdown: a chunk "{r map, fig.cap='…'}" is referenced as \@ref(fig:map).
  if (label && info.options["fig-cap"]) return figure(`fig:${label}`, labels);
  const named = labels[0];
  if (named && /^fig[-:]/.test(named)) return figure(named, labels.slice(1));
  return chunk;
}

/** "\\label{fig:x} Caption" / "(\\#fig:x) Caption": the labels, and the caption without them. */
export function captionLabels(caption: string): { text: string; labels: string[] } {
  const labels: string[] = [];
  const text = caption
    .replace(/\\{1,2}label\{([^{}\s]+)\}|\(\\{0,2}#([A-Za-z]+:[^()\s]+)\)/g, (_, a?: string, b?: string) => {
      labels.push((a ?? b ?? "").trim());
      return "";
    })
    .replace(/\s{2,}/g, " ")
    .trim();
  return { text, labels: labels.filter(Boolean) };
}

/**
 * "Table: Cases by year {#tbl-cases}" / ": Cases by year" / bookdown's "(\#tab:cases)":
 * the caption text and its label.
 */
export function tableCaption(inlines: Inline[]): { caption: Inline[]; label?: string } {
  const out = inlines.map((i) => ({ ...i })) as Inline[];
  const first = out[0];
  if (first?.kind === "text") first.text = first.text.replace(/^(?:Table)?:\s+/i, "");
  let label: string | undefined;
  const last = out[out.length - 1];
  if (last?.kind === "text") {
    const m = /\s*\{#([^\s}]+)[^}]*\}\s*$/.exec(last.text);
    if (m) {
      label = m[1];
      last.text = last.text.slice(0, m.index);
    }
  }
  const head = out[0];
  if (head?.kind === "text") {
    const m = /^\(\\?#(tab:[^)\s]+)\)\s*/.exec(head.text);
    if (m) {
      label = m[1];
      head.text = head.text.slice(m[0].length);
    }
  }
  return { caption: out.filter((i) => !(i.kind === "text" && i.text === "")), ...(label ? { label } : {}) };
}

function onlyImage(inlines: Inline[]): Extract<Inline, { kind: "image" }> | null {
  const visible = inlines.filter((i) => !(i.kind === "text" && !i.text.trim()));
  return visible.length === 1 && visible[0]?.kind === "image" ? visible[0] : null;
}
