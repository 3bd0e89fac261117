// Raw HTML blocks that hold prose or a table, as web pages, Jekyll sites and word processors
// leave them in markdown: "<p class="footnote" id="fn-1">1. Projects valued …</p>",
// "<div><table><tr><td>…</td></tr></table></div>". The document's own tools print their
// content: a browser shows it, and Pandoc reads the text between the tags as markdown. So
// do we: each block-level element becomes a paragraph (a heading, a table) whose inline
// HTML the inline reader reads (links, emphasis, <sup>, anchors). <script> and <style> go
// with their content, reported once; nothing else is lost.
import type { Block, Inline } from "../model/brief.js";
import type { Position } from "../model/diagnostics.js";
import { readHtmlTag } from "./html-inline.js";

const TAG = /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]*>/g;
/** Elements that start and end a block of text: their edges are paragraph breaks. */
const BLOCK = new Set(["p", "div", "section", "article", "center", "small", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "header", "footer", "main", "aside", "nav", "hr", "address", "details", "summary", "figure", "figcaption", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]);
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"]);

/** What the parser lends this reader: inline parsing at a source line, and the one report per kind. */
export interface HtmlBlockHost {
  /** Inline markdown (with inline HTML) → model inlines; `line` is 0-based in the file. */
  inlines(text: string, line: number): Inline[];
  report(kind: string, message: string, at: Position): void;
}

/** The blocks an HTML block prints as (empty when it holds no text: wrappers, scripts). */
export function htmlBlocks(html: string, at: Position, host: HtmlBlockHost): Block[] {
  const blocks: Block[] = [];
  const lineOf = (offset: number) => at.line - 1 + (html.slice(0, offset).match(/\n/g)?.length ?? 0);
  let from = 0;
  let heading = 0;
  let table: Table | null = null;
  let hiding: string | null = null;
  const flush = (to: number) => {
    const text = html.slice(from, to);
    if (table) table.text(text);
    else if (text.trim()) {
      const inlines = host.inlines(text.trim().replace(/\n[ \t]+/g, "\n"), lineOf(from + (text.length - text.trimStart().length)));
      const where = { line: lineOf(from) + 1, column: 1 };
      if (heading) blocks.push({ kind: "heading", level: heading, inlines, id: "", at: where });
      else blocks.push({ kind: "paragraph", inlines, at: where });
    }
  };
  for (const m of html.matchAll(TAG)) {
    const tag = m[0];
    const name = /^<\/?([a-zA-Z][\w-]*)/.exec(tag)?.[1]?.toLowerCase() ?? "";
    const closing = tag.startsWith("</");
    const start = m.index ?? 0;
    if (hiding) {
      if (closing && name === hiding) {
        hiding = null;
        from = start + tag.length;
      }
      continue;
    }
    if (tag.startsWith("<!--")) {
      flush(start);
      from = start + tag.length;
      continue;
    }
    const read = readHtmlTag(tag);
    if (read.type === "hide") {
      flush(start);
      host.report(name, `HTML <${name}> is dropped with its content (a browser would run or draw it)`, { line: lineOf(start) + 1, column: 1 });
      if (!/\/\s*>$/.test(tag)) hiding = name;
      from = start + tag.length;
      continue;
    }
    if (TABLE_PARTS.has(name)) {
      flush(start);
      from = start + tag.length;
      if (name === "table" && !closing) table = new Table(host, lineOf(start));
      else if (name === "table" && table) {
        const block = table.block({ line: lineOf(start) + 1, column: 1 });
        if (block) blocks.push(block);
        table = null;
      } else table?.tag(name, closing, lineOf(start));
      continue;
    }
    if (!BLOCK.has(name)) continue; // inline HTML: the inline reader's
    flush(start);
    from = start + tag.length;
    heading = !closing && /^h[1-6]$/.test(name) ? Number(name.slice(1)) : 0;
  }
  if (!hiding) flush(html.length);
  return blocks;
}

/** An HTML table being read: rows of cells, each cell's inline HTML read as inlines. */
class Table {
  private readonly header: Inline[][] = [];
  private readonly rows: Inline[][][] = [];
  private row: Inline[][] | null = null;
  private cell: { text: string; line: number } | null = null;
  private headRow = false;

  constructor(private readonly host: HtmlBlockHost, private readonly line: number) {}

  text(text: string): void {
    if (this.cell) this.cell.text += text;
  }

  tag(name: string, closing: boolean, line: number): void {
    if (name === "tr") {
      this.endCell();
      if (!closing) {
        this.endRow();
        this.row = [];
        this.headRow = true;
      } else this.endRow();
    } else if (name === "td" || name === "th") {
      this.endCell();
      if (!closing) {
        this.row ??= [];
        if (name === "td") this.headRow = false;
        this.cell = { text: "", line };
      }
    }
  }

  private endCell(): void {
    if (!this.cell || !this.row) return;
    const text = this.cell.text.replace(/\s+/g, " ").trim();
    this.row.push(text ? this.host.inlines(text, this.cell.line) : []);
    this.cell = null;
  }

  private endRow(): void {
    this.endCell();
    if (!this.row || this.row.length === 0) return;
    // A first row of <th> cells is the header, as a browser shows it.
    if (this.headRow && this.header.length === 0 && this.rows.length === 0) this.header.push(...this.row);
    else this.rows.push(this.row);
    this.row = null;
  }

  block(at: Position): Block | null {
    this.endRow();
    const width = Math.max(this.header.length, ...this.rows.map((r) => r.length));
    if (width === 0) return null;
    const pad = (r: Inline[][]) => [...r, ...Array.from({ length: width - r.length }, () => [] as Inline[])];
    const header = this.header.length ? pad(this.header) : [];
    return { kind: "table", header, rows: this.rows.map(pad), align: Array.from({ length: width }, () => "left" as const), at: { line: Math.min(this.line + 1, at.line), column: 1 } };
  }
}
