// Stage 2 (parse): markdown-it tokens → the typed document model, with positions on
// every block, citation and image. Also splits off the trailing Sources section.
import { plainText, slugify } from "../model/plain-text.js";
import type { Token } from "markdown-it";
import type { Position, Span } from "../model/diagnostics.js";
import { readInlines, type Context } from "./inline.js";
import { createMarkdown } from "./markdown.js";
import type { Block, Citation, Footnote, Inline, ListItem, Skipped, XrefUse } from "../model/brief.js";
import type { Attributes } from "./pandoc/attributes.js";
import type { ChunkInfo } from "./pandoc/chunks.js";
import { chunkBlock, divBlock, imageFigure, tableCaption } from "./pandoc/model-blocks.js";
import { htmlPicture } from "./html-figure.js";
import { remotePicture } from "./html-inline.js";
import { htmlBlocks } from "./html-blocks.js";

export interface ParsedBody {
  blocks: Block[];
  footnotes: Footnote[];
  citations: Citation[];
  /** "[^x]" written in prose with no matching definition (markdown-it leaves it as text). */
  danglingFootnotes: Array<{ label: string; span: Span }>;
  /** Definitions that nothing references (markdown-it drops them from the output). */
  unusedFootnotes: Array<{ label: string; span: Span }>;
  /** Pasted inline HTML that was dropped: one entry per kind, at its first place. */
  htmlDropped: Array<{ message: string; span: Span }>;
  /** Bracketed spans whose "{lang=…}" is not a language tag. */
  badLangs: Array<{ message: string; span: Span }>;
  xrefUses: XrefUse[];
  skipped: Skipped;
}

export interface ParseOptions {
  /** Every captioned image alone in its paragraph is a numbered figure (Quarto and R Markdown files). */
  implicitFigures?: boolean;
  /** The Sources list is numbered: "[1]" and "^1^" cite it (issue 12). */
  numeric?: boolean;
}


const md = createMarkdown();

export function parseMarkdown(body: string, options: ParseOptions = {}): ParsedBody {
  const env: { footnotes?: { refs?: Record<string, number> } } = {};
  const tokens = md.parse(body, env);
  const ctx: Context = {
    lines: body.split(/\r?\n/),
    citations: [],
    footnoteNumbers: new Map(),
    danglingFootnotes: [],
    inSlide: false,
    xrefUses: [],
    skipped: { chunks: [], inlineCode: [], maths: [], shortcodes: [] },
    implicitFigures: options.implicitFigures ?? false,
    ...(options.numeric ? { numeric: true } : {}),
  };
  const reader = new TokenReader(tokens);
  const blocks = readBlocks(reader, ctx, null);
  const footnotes = readFootnotes(reader, ctx);
  const unusedFootnotes = Object.entries(env.footnotes?.refs ?? {})
    .filter(([, id]) => id < 0)
    .map(([key]) => {
      const label = key.slice(1);
      const definition = `[^${label}]:`;
      // Definitions may sit inside quotes or list items: "> [^q]: …".
      const line = ctx.lines.findIndex((l) => /^[\s>]*$/.test(l.slice(0, Math.max(0, l.indexOf(definition)))) && l.includes(definition));
      const column = line >= 0 ? (ctx.lines[line] ?? "").indexOf(definition) + 1 : 1;
      return { label, span: { start: { line: line + 1, column }, end: { line: line + 1, column: column + label.length + 3 } } };
    });
  return { blocks, footnotes, citations: ctx.citations, danglingFootnotes: ctx.danglingFootnotes, unusedFootnotes, xrefUses: ctx.xrefUses, skipped: ctx.skipped, htmlDropped: droppedHtml(ctx), badLangs: ctx.badLangs ?? [] };
}

/**
 * One warning per kind of HTML dropped; tags nobody knows ("<exam>", "<array of ids>", which
 * a browser shows as nothing) are one kind: one warning at the first, naming them all.
 */
function droppedHtml(ctx: Context): ParsedBody["htmlDropped"] {
  const all = [...(ctx.htmlDropped?.entries() ?? [])];
  const unknown = all.filter(([k]) => k.startsWith("unknown:")).map(([k, v]) => ({ name: k.slice(8), ...v }));
  const out = all.filter(([k]) => !k.startsWith("unknown:")).map(([, v]) => v);
  const first = unknown.sort((a, b) => a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column)[0];
  if (first) {
    const names = unknown.map((u) => `<${u.name}>`);
    const message = names.length === 1 ? first.message : `HTML ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are dropped`;
    out.push({ message: `${message} (a browser shows nothing for a tag it does not know; to print one, write it as \\${names[0]})`, span: first.span });
  }
  return out;
}

class TokenReader {
  index = 0;
  constructor(readonly tokens: Token[]) {}
  peek(): Token | undefined {
    return this.tokens[this.index];
  }
  next(): Token {
    const t = this.tokens[this.index++];
    if (!t) throw new Error("parse: ran past the end of the token stream");
    return t;
  }
}

function at(token: Token): Position {
  return { line: (token.map?.[0] ?? 0) + 1, column: 1 };
}

function readBlocks(r: TokenReader, ctx: Context, closeType: string | null): Block[] {
  const blocks: Block[] = [];
  for (let t = r.peek(); t; t = r.peek()) {
    if (closeType && t.type === closeType) {
      r.next();
      return blocks;
    }
    if (t.type === "footnote_block_open") break;
    const block = readBlock(r, ctx);
    if (block) blocks.push(block);
  }
  return blocks;
}

function readBlock(r: TokenReader, ctx: Context): Block | null {
  const t = r.next();
  switch (t.type) {
    case "heading_open": {
      const inline = r.next();
      r.next(); // heading_close
      const inlines = readInlines(inline, ctx, "body");
      // "# Method {#sec-method}", "# Annex {.unnumbered}" / "{-}" (Pandoc heading attributes).
      const attrs = t.meta as Attributes | null;
      const extra = attrs ? { numbered: !attrs.classes.includes("unnumbered"), ...(attrs.id ? { label: attrs.id } : {}) } : {};
      return { kind: "heading", level: Number(t.tag.slice(1)), inlines, id: attrs?.id ?? slugify(plainText(inlines)), at: at(t), ...extra };
    }
    case "paragraph_open": {
      const inline = r.next();
      r.next(); // paragraph_close
      return imageFigure({ kind: "paragraph", inlines: readInlines(inline, ctx, "body"), at: at(t) }, ctx.implicitFigures);
    }
    case "bullet_list_open":
    case "ordered_list_open": {
      const items: ListItem[] = [];
      const close = t.type.replace("_open", "_close");
      for (let n = r.peek(); n && n.type !== close; n = r.peek()) {
        const open = r.next(); // list_item_open
        items.push({ blocks: readBlocks(r, ctx, "list_item_close"), at: at(open) });
      }
      r.next();
      const start = Number(t.attrGet("start") ?? 1);
      return { kind: "list", ordered: t.type === "ordered_list_open", start, items, at: at(t) };
    }
    case "blockquote_open":
      return { kind: "quote", blocks: readBlocks(r, ctx, "blockquote_close"), at: at(t) };
    case "container_callout_open": {
      const attrs = (t.meta as Attributes | null) ?? { classes: [t.info.trim().split(/\s+/)[0] ?? ""], pairs: {} };
      const outer = ctx.inSlide;
      ctx.inSlide = outer || attrs.classes[0] === "slide";
      const blocks = readBlocks(r, ctx, "container_callout_close");
      ctx.inSlide = outer;
      return divBlock(attrs, t.info.trim().startsWith("{"), blocks, at(t));
    }
    case "chunk":
      // Never run, never printed: counted once for the writer, kept for figures it would draw.
      ctx.skipped.chunks.push(at(t));
      return chunkBlock(t.meta as ChunkInfo, at(t));
    case "raw_block":
      return null;
    case "shortcode": {
      const { name, args } = t.meta as { name: string; args: string };
      if (name === "pagebreak") return { kind: "pagebreak", at: at(t) };
      // Filled by the loader, which may read files: a div holding the included file's blocks.
      if (name === "include" && args.trim()) return { kind: "callout", variant: "include", label: args.trim(), blocks: [], at: at(t) };
      ctx.skipped.shortcodes.push({ name, at: at(t) });
      return null;
    }
    case "fence":
    case "code_block":
      return { kind: "code", text: expandTabs(t.content.replace(/\n$/, "")), lang: t.info.trim(), at: at(t) };
    case "hr":
      return { kind: "rule", at: at(t) };
    case "html_block": {
      // Comments are the writer's notes to themselves ("<!-- TODO -->"): never printed, as
      // in Pandoc and Quarto. Any other raw HTML is kept as literal text.
      const text = t.content.replace(/<!--[\s\S]*?-->/g, "").replace(/\n$/, "");
      if (!text.trim()) return null;
      // <img> and <figure> pasted from a word processor or a web page: the picture prints.
      const picture = htmlPicture(text, at(t), md.utils.unescapeAll);
      if (!picture) return htmlProse(text, at(t), ctx);
      const remote = picture.remote[0];
      if (remote !== undefined && !ctx.htmlDropped?.has("img:remote")) {
        const span = { start: at(t), end: { line: at(t).line, column: 2 } };
        (ctx.htmlDropped ??= new Map()).set("img:remote", { message: remotePicture(remote), span });
      }
      return picture.block.kind === "paragraph" ? imageFigure(picture.block, ctx.implicitFigures) : picture.block;
    }
    case "table_open":
      return readTable(r, ctx, t);
    default:
      // Closing tokens of structures we do not model (none expected) are skipped.
      return null;
  }
}

/** An HTML block's text, tables and headings as the browser (or Pandoc) prints them (html-blocks.ts). */
function htmlProse(html: string, start: Position, ctx: Context): Block | null {
  const blocks = htmlBlocks(html, start, {
    inlines: (text, line) => {
      const token = md.parseInline(text, {})[0];
      return token ? readInlines(token, ctx, "body", line) : [];
    },
    report: (kind, message, where) => {
      const drops = (ctx.htmlDropped ??= new Map());
      if (!drops.has(kind)) drops.set(kind, { message, span: { start: where, end: { line: where.line, column: where.column + kind.length + 2 } } });
    },
  });
  if (blocks.length <= 1) return blocks[0] ?? null;
  return { kind: "callout", variant: "div", blocks, at: start };
}

function readTable(r: TokenReader, ctx: Context, open: Token): Block {
  const header: Inline[][] = [];
  const rows: Inline[][][] = [];
  const align: Array<"left" | "center" | "right"> = [];
  let row: Inline[][] = [];
  let rowLine = 0;
  let column = 0;
  let inHead = false;
  for (let t = r.next(); t.type !== "table_close"; t = r.next()) {
    if (t.type === "thead_open") inHead = true;
    else if (t.type === "thead_close") inHead = false;
    else if (t.type === "tr_open") {
      row = [];
      rowLine = t.map?.[0] ?? rowLine;
      column = 0;
    } else if (t.type === "tr_close") {
      if (inHead) header.push(...row);
      else rows.push(row);
    } else if (t.type === "th_open" || t.type === "td_open") {
      if (inHead) {
        const style = String(t.attrGet("style") ?? "");
        align.push(style.includes("center") ? "center" : style.includes("right") ? "right" : "left");
      }
    } else if (t.type === "inline") {
      const source = ctx.lines[rowLine] ?? "";
      const found = source.indexOf(t.content, column);
      const col = found >= 0 ? found : column;
      row.push(readInlines(t, ctx, "table", rowLine, col));
      column = col + t.content.length;
    }
  }
  const captionToken = (open.meta as { caption?: Token } | null)?.caption;
  const caption = captionToken ? tableCaption(readInlines(captionToken, ctx, "body")) : undefined;
  return { kind: "table", header, rows, align, at: at(open), ...(caption ? { caption: caption.caption, ...(caption.label ? { label: caption.label } : {}) } : {}) };
}

function readFootnotes(r: TokenReader, ctx: Context): Footnote[] {
  const footnotes: Footnote[] = [];
  const open = r.peek();
  if (!open || open.type !== "footnote_block_open") return footnotes;
  r.next();
  for (let t = r.next(); t.type !== "footnote_block_close"; t = r.next()) {
    if (t.type !== "footnote_open") continue;
    const id = Number(t.meta?.id ?? 0);
    const label = String(t.meta?.label ?? id + 1);
    const first = r.peek();
    const number = ctx.footnoteNumbers.get(id) ?? id + 1;
    ctx.inNote = number;
    const blocks = readBlocks(r, ctx, "footnote_close");
    ctx.inNote = undefined;
    footnotes.push({ label, number, blocks, at: first ? at(first) : { line: 1, column: 1 } });
  }
  return footnotes;
}

/** Code keeps its columns: a tab moves to the next multiple of four (no font draws a tab). */
function expandTabs(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[^\t]*\t/g, (chunk) => chunk.slice(0, -1) + " ".repeat(4 - ((chunk.length - 1) % 4))))
    .join("\n");
}

