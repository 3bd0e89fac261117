// Stage 2 (parse): markdown-it tokens → the typed document model, with positions on
// every block, citation and image. Also splits off the trailing Sources section.
import type { Token } from "markdown-it";
import type { Position, Span } from "./diagnostics.js";
import { findCitations, findKeyCitations, type FoundCitation } from "./citations/find.js";
import { InlineLocator } from "./locate.js";
import { createMarkdown } from "./markdown.js";
import type { Block, Citation, Footnote, Inline, ListItem } from "./model.js";

export interface ParsedBody {
  blocks: Block[];
  footnotes: Footnote[];
  citations: Citation[];
  /** "[^x]" written in prose with no matching definition (markdown-it leaves it as text). */
  danglingFootnotes: Array<{ label: string; span: Span }>;
  /** Definitions that nothing references (markdown-it drops them from the output). */
  unusedFootnotes: Array<{ label: string; span: Span }>;
}

interface Context {
  lines: string[];
  citations: Citation[];
  footnoteNumbers: Map<number, number>;
  danglingFootnotes: Array<{ label: string; span: Span }>;
  /** Inside a "::: slide" container: citations there appear on slides only. */
  inSlide: boolean;
}

const md = createMarkdown();

export function parseMarkdown(body: string): ParsedBody {
  const env: { footnotes?: { refs?: Record<string, number> } } = {};
  const tokens = md.parse(body, env);
  const ctx: Context = { lines: body.split(/\r?\n/), citations: [], footnoteNumbers: new Map(), danglingFootnotes: [], inSlide: false };
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
  return { blocks, footnotes, citations: ctx.citations, danglingFootnotes: ctx.danglingFootnotes, unusedFootnotes };
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
      return { kind: "heading", level: Number(t.tag.slice(1)), inlines, id: slugify(plainText(inlines)), at: at(t) };
    }
    case "paragraph_open": {
      const inline = r.next();
      r.next(); // paragraph_close
      return { kind: "paragraph", inlines: readInlines(inline, ctx, "body"), at: at(t) };
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
      const variant = t.info.trim().split(/\s+/)[0] ?? "";
      const outer = ctx.inSlide;
      ctx.inSlide = outer || variant === "slide";
      const blocks = readBlocks(r, ctx, "container_callout_close");
      ctx.inSlide = outer;
      return { kind: "callout", variant, blocks, at: at(t) };
    }
    case "fence":
    case "code_block":
      return { kind: "code", text: t.content.replace(/\n$/, ""), lang: t.info.trim(), at: at(t) };
    case "hr":
      return { kind: "rule", at: at(t) };
    case "html_block":
      return { kind: "html", text: t.content.replace(/\n$/, ""), at: at(t) };
    case "table_open":
      return readTable(r, ctx, t);
    default:
      // Closing tokens of structures we do not model (none expected) are skipped.
      return null;
  }
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
  return { kind: "table", header, rows, align, at: at(open) };
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
    const blocks = readBlocks(r, ctx, "footnote_close");
    const number = ctx.footnoteNumbers.get(id) ?? id + 1;
    footnotes.push({ label, number, blocks, at: first ? at(first) : { line: 1, column: 1 } });
  }
  return footnotes;
}

type InlineContext = "body" | "table" | "slide";

function readInlines(inline: Token, ctx: Context, where: InlineContext, line?: number, column = 0): Inline[] {
  const locator = new InlineLocator(inline.content, ctx.lines, line ?? inline.map?.[0] ?? 0, column);
  const walker = new InlineWalker(inline.content, locator, ctx, ctx.inSlide ? "slide" : where);
  return walker.read(inline.children ?? []);
}

/** Walks inline tokens, merging text and soft breaks into runs that citations can span. */
class InlineWalker {
  private cursor = 0;
  constructor(
    private readonly content: string,
    private readonly locator: InlineLocator,
    private readonly ctx: Context,
    private readonly where: InlineContext,
  ) {}

  read(children: Token[]): Inline[] {
    const stack: Inline[][] = [[]];
    const frames: Array<Extract<Inline, { children: Inline[] }>> = [];
    // A run of text and soft breaks, with the content offset of each of its characters.
    let run: { text: string; offsets: number[] } | null = null;
    const top = () => stack[stack.length - 1] ?? [];
    const flush = () => {
      if (run) top().push(...this.textRun(run.text, run.offsets, frames.some((f) => f.kind === "link")));
      run = null;
    };
    for (const t of children) {
      if (t.type === "text" || t.type === "softbreak") {
        const text = t.type === "text" ? t.content : " ";
        run ??= { text: "", offsets: [] };
        run.offsets.push(...this.align(t.type === "text" ? t.content : "\n"));
        run.text += text;
        continue;
      }
      flush();
      switch (t.type) {
        case "strong_open":
        case "em_open":
        case "link_open": {
          const node: Extract<Inline, { children: Inline[] }> =
            t.type === "link_open"
              ? { kind: "link", href: String(t.attrGet("href") ?? ""), children: [] }
              : { kind: t.type === "strong_open" ? "strong" : "em", children: [] };
          top().push(node);
          frames.push(node);
          stack.push(node.children);
          break;
        }
        case "strong_close":
        case "em_close":
        case "link_close":
          frames.pop();
          stack.pop();
          break;
        case "code_inline":
          this.locate(t.content);
          top().push({ kind: "code", text: t.content });
          break;
        case "hardbreak":
          top().push({ kind: "break" });
          break;
        case "image": {
          const offset = this.locate("![");
          const alt = t.children?.map((c) => c.content).join("") ?? t.content;
          top().push({ kind: "image", src: String(t.attrGet("src") ?? ""), alt, title: String(t.attrGet("title") ?? ""), at: this.locator.positionAt(offset) });
          break;
        }
        case "footnote_ref": {
          const id = Number(t.meta?.id ?? 0);
          const number = id + 1;
          this.ctx.footnoteNumbers.set(id, number);
          top().push({ kind: "footnoteRef", label: String(t.meta?.label ?? number), number });
          break;
        }
        case "html_inline":
          // Raw HTML is shown as the literal text the writer typed, never interpreted.
          this.locate(t.content);
          top().push({ kind: "text", text: t.content });
          break;
        default:
          if (t.content) top().push({ kind: "text", text: t.content });
      }
    }
    flush();
    return stack[0] ?? [];
  }

  /** Finds `needle` in the content from the cursor; returns where it starts. */
  private locate(needle: string): number {
    const found = needle ? this.content.indexOf(needle, this.cursor) : -1;
    if (found < 0) return this.cursor;
    this.cursor = found + needle.length;
    return found;
  }

  /**
   * Content offset of every character of a decoded text token. markdown-it has removed
   * backslash escapes ("\\[") and decoded entities ("&amp;"), so a plain indexOf can miss;
   * this walks the source, stepping over them, so positions stay exact.
   */
  private align(needle: string): number[] {
    for (let start = this.cursor; start < this.content.length; start++) {
      const offsets = alignAt(this.content, needle, start);
      if (offsets) {
        this.cursor = (offsets[offsets.length - 1] ?? start) + 1;
        return offsets;
      }
    }
    // Not found (should not happen): keep positions monotonic at the cursor.
    return [...needle].map(() => this.cursor);
  }

  private textRun(text: string, offsets: number[], inLink: boolean): Inline[] {
    if (inLink) return [{ kind: "text", text }];
    const toContent = (i: number) => offsets[Math.min(i, offsets.length - 1)] ?? 0;
    const span = (a: number, b: number) => ({
      start: this.locator.positionAt(toContent(a)),
      end: this.locator.positionAt(toContent(b - 1) + 1),
    });
    const out: Inline[] = [];
    let last = 0;
    for (const found of allCitations(text, this.where !== "table")) {
      if (found.start > last) out.push({ kind: "text", text: text.slice(last, found.start) });
      const citation: Citation = {
        style: found.style,
        raw: found.raw,
        span: span(found.start, found.end),
        context: this.where,
        items: found.items.map((item) => ({
          ...(item.key ? { key: item.key } : {}),
          author: item.authors[0] ?? "",
          authorCandidates: item.authors,
          year: item.year,
          locator: item.locator,
          prefix: item.prefix,
          span: span(item.start, item.end),
          rawStart: item.start - found.start,
          rawEnd: item.end - found.start,
        })),
      };
      this.ctx.citations.push(citation);
      out.push({ kind: "citation", text: found.raw, citation });
      last = found.end;
    }
    if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
    for (const m of text.matchAll(/\[\^([^\]\s]+)\]/g)) {
      // "\[^x]" is the writer asking for literal text, not a reference.
      if (this.content[toContent(m.index) - 1] === "\\") continue;
      this.ctx.danglingFootnotes.push({ label: m[1] ?? "", span: span(m.index, m.index + m[0].length) });
    }
    return out;
  }
}

const ENTITY = /^&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/i;

/** Offsets in `content` of each UTF-16 unit of `needle` placed at `start`, or null. */
function alignAt(content: string, needle: string, start: number): number[] | null {
  const out: number[] = [];
  let i = start;
  for (let k = 0; k < needle.length; k++) {
    const c = needle[k];
    // "&amp;" decodes to "&": take the entity unless the source really has a bare "&".
    const entity = content[i] === "&" && ENTITY.test(content.slice(i, i + 12)) && !(c === "&" && needle[k + 1] === content[i + 1]);
    if (content[i] === c && !entity) {
      out.push(i++);
    } else if (content[i] === "\\" && content[i + 1] === c) {
      out.push(i + 1);
      i += 2;
    } else if (entity) {
      // One entity decodes to one or two UTF-16 units; both map to the entity's start.
      const length = ENTITY.exec(content.slice(i, i + 12))?.[0].length ?? 1;
      out.push(i);
      if (needle.codePointAt(k)! > 0xffff) out.push(i), k++;
      i += length;
    } else {
      return null;
    }
  }
  return out;
}

/** Author-date and key citations in one run, in order, overlaps resolved in favour of keys. */
function allCitations(text: string, narrative: boolean): FoundCitation[] {
  const keys = findKeyCitations(text);
  const authorDate = findCitations(text, { narrative }).filter((c) => !keys.some((k) => c.start < k.end && k.start < c.end));
  return [...keys, ...authorDate].sort((a, b) => a.start - b.start);
}

export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.kind) {
        case "text":
        case "code":
          return i.text;
        case "citation":
          return i.citation.display?.text ?? i.text;
        case "strong":
        case "em":
        case "link":
          return plainText(i.children);
        case "break":
          return " ";
        case "footnoteRef":
          return "";
        case "image":
          return i.alt;
      }
    })
    .join("");
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}
