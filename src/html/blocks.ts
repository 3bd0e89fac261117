// Blocks as semantic HTML: headings keep their ids (cross-references and the contents
// link to them), figures are <figure> with <figcaption>, tables have a caption and
// header cells, callouts are asides. Slide-only, speaker-note and hidden blocks are the
// deck's or another format's, and are left out exactly as the PDF leaves them out.
import type { Block } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import { esc, inlinesHtml, type InlineContext } from "./inline.js";

export interface BlockContext extends InlineContext {
  /** Quarto's words for "Figure" and "Table". */
  figureWord: string;
  tableWord: string;
  /** The level of the last heading written: a page never skips a level (h2 → h4). */
  outline: { last: number };
  /** Heading ids given so far: a second "## " (or two headings of one text) gets "-2". */
  headingIds?: Set<string>;
}

const id = (label: string | undefined): string => (label ? ` id="${esc(label)}"` : "");

export function blocksHtml(blocks: readonly Block[], ctx: BlockContext, depth = 0): string {
  return blocks.map((b) => blockHtml(b, ctx, depth)).join("\n");
}

function blockHtml(block: Block, ctx: BlockContext, depth: number): string {
  switch (block.kind) {
    case "heading": {
      // The title is the page's one <h1>; the brief's "##" sections are <h2>, and so on,
      // one level deeper at most, so screen-reader outlines have no gaps.
      const level = Math.min(Math.max(block.level, 2), ctx.outline.last + 1, 6);
      ctx.outline.last = level;
      const number = block.number && block.numbered !== false ? `<span class="section-number">${esc(block.number)}</span> ` : "";
      const ids = (ctx.headingIds ??= new Set());
      const wanted = block.label ?? block.id;
      let unique = wanted;
      for (let n = 2; ids.has(unique); n++) unique = `${wanted}-${n}`;
      ids.add(unique);
      return `<h${level} id="${esc(unique)}">${number}${inlinesHtml(block.inlines, ctx)}</h${level}>`;
    }
    case "paragraph":
      return `<p>${inlinesHtml(block.inlines, ctx)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : "";
      return `<${tag}${start}>${block.items.map((item) => `<li>${listItem(item.blocks, ctx, depth)}</li>`).join("")}</${tag}>`;
    }
    case "quote":
      return `<blockquote>${blocksHtml(block.blocks, ctx, depth + 1)}</blockquote>`;
    case "callout": {
      if (block.variant === "slide" || block.variant === "notes" || block.variant === "hidden") return "";
      const inner = blocksHtml(block.blocks, ctx, depth + 1);
      if (block.variant === "div") return block.label ? `<div${id(block.label)}>${inner}</div>` : inner;
      const warn = /^callout-(?:warning|caution|important)$/.test(block.variant) ? " callout-warn" : "";
      const title = block.title ? `<p class="callout-title"><strong>${inlinesHtml(block.title, ctx)}</strong></p>` : "";
      return `<aside class="callout ${esc(block.variant)}${warn}"${id(block.label)}>${title}${inner}</aside>`;
    }
    case "code":
      return `<pre><code${block.lang ? ` class="language-${esc(block.lang)}"` : ""}>${esc(block.text)}</code></pre>`;
    case "table":
      return tableHtml(block, ctx);
    case "rule":
      return "<hr>";
    case "html":
      // Raw HTML is never executed: it is shown as the literal text the PDF prints.
      return `<pre class="raw-html">${esc(block.text)}</pre>`;
    case "chunk":
      // Chunks are never run; one that would make a numbered table keeps its caption, as in the PDF.
      return block.tableNumber === undefined ? "" : `<p class="caption"${id(block.label)}>${esc(ctx.tableWord)} ${block.tableNumber}</p>`;
    case "pagebreak":
      return `<div class="pagebreak" aria-hidden="true"></div>`;
    case "figure": {
      const number = `${block.number}${block.sub ?? ""}`;
      const caption = block.caption.length ? `<figcaption><span class="caption-label">${esc(ctx.figureWord)} ${esc(number)}:</span> ${inlinesHtml(block.caption, ctx)}</figcaption>` : "";
      return `<figure${id(block.label)}>${blocksHtml(block.blocks, ctx, depth + 1)}${caption}</figure>`;
    }
  }
}

/** A tight list item's single paragraph needs no <p>. */
function listItem(blocks: readonly Block[], ctx: BlockContext, depth: number): string {
  const [first, ...rest] = blocks;
  if (first?.kind === "paragraph") return inlinesHtml(first.inlines, ctx) + (rest.length ? "\n" + blocksHtml(rest, ctx, depth + 1) : "");
  return blocksHtml(blocks, ctx, depth + 1);
}

function tableHtml(table: Extract<Block, { kind: "table" }>, ctx: BlockContext): string {
  const align = (i: number) => (table.align[i] && table.align[i] !== "left" ? ` class="align-${table.align[i]}"` : "");
  const caption = table.caption
    ? `<caption>${table.number !== undefined ? `<span class="caption-label">${esc(ctx.tableWord)} ${table.number}:</span> ` : ""}${inlinesHtml(table.caption, ctx)}</caption>`
    : "";
  const head = table.header.some((c) => plainText(c).trim())
    ? `<thead><tr>${table.header.map((c, i) => `<th scope="col"${align(i)}>${inlinesHtml(c, ctx)}</th>`).join("")}</tr></thead>`
    : "";
  const body = `<tbody>${table.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${inlinesHtml(c, ctx)}</td>`).join("")}</tr>`).join("")}</tbody>`;
  // Wide tables scroll inside their own box on a phone instead of widening the page.
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${esc(table.caption ? plainText(table.caption) : "Table")}"><table${id(table.label)}>${caption}${head}${body}</table></div>`;
}
