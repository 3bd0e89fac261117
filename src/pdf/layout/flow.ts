// Measure: the brief's blocks → flow items (lines already broken to the text width),
// each carrying its place in the PDF's structure tree.
import type { Block, Brief, Inline } from "../../model/brief.js";
import { plainText } from "../../model/plain-text.js";
import { printedSources } from "../../citations/style.js";
import { breakLines, type Run } from "./lines.js";
import { captionItem, codeTableCaption, figure, flowFigure, onlyImage, pageBreak } from "./figures.js";
import type { FlowItem, StructRef, TextItem } from "./plan.js";
import { flowTable } from "./table.js";
import { sourceDest, toRuns } from "./runs.js";
import type { TextStyle } from "./style.js";
import { text, type FlowContext } from "./text-item.js";
import { noteItem } from "./notes.js";

export type { FlowContext } from "./text-item.js";

const LIST_INDENT = 18;
const QUOTE_INDENT = 16;
/** Deep nesting indents no further than this, so text always keeps a readable measure. */
const MAX_INDENT = 150;
/** Inner padding of boxes, the same on the left and the right. */
const CODE_PAD = 5;
const CALLOUT_PAD = 6;
const RECOMMENDATION_PAD = 7;

/** Footnote bodies, by number, for the placement pass to put at the foot of their page. */
export function flowFootnotes(brief: Brief, ctx: FlowContext): Map<number, TextItem> {
  const notes = new Map<number, TextItem>();
  for (const note of brief.footnotes) {
    const marker: Run = { text: `${note.number} `, style: { face: "serif-bold", size: ctx.look.styles.note.size, color: ctx.look.colours.accent } };
    notes.set(note.number, noteItem(note, ctx, marker, 10));
  }
  return notes;
}

export function flowBrief(brief: Brief, ctx: FlowContext, notes: "foot" | "end" = "foot"): FlowItem[] {
  const items: FlowItem[] = [];
  const sections = brief.blocks.filter((b) => b.kind === "heading" && b.level === sectionLevel(brief));
  // toc: true / false in front matter decides; otherwise a long brief gets one.
  if (brief.meta.toc ?? sections.length >= 4) items.push(...tableOfContents(brief, ctx, notes));
  let boxed = false;
  for (const block of brief.blocks) {
    if (block.kind === "heading") boxed = /recommendation/i.test(plainText(block.inlines));
    items.push(...flowBlock(block, ctx, { indent: 0, inset: 0, parents: [], para: ctx.look.styles.body, boxed }));
  }
  if (notes === "end" && brief.footnotes.length > 0) items.push(...endnotes(brief, ctx));
  if (brief.sourcesHeading || brief.sources.length > 0) {
    items.push(heading(brief.sourcesHeading ?? "References", 2, ctx, "sources"));
    // The sources are a list (L) of entries; each entry is a BibEntry in its list body.
    const list = ctx.ids.next("L");
    for (const i of printedSources(brief)) {
      const source = brief.sources[i];
      if (!source) continue;
      const path = [list, ctx.ids.next("LI"), ctx.ids.next("LBody")];
      items.push(text("BibEntry", toRuns(source.inlines, ctx.look.styles.source), ctx.look.styles.source, ctx, { anchor: sourceDest(i), hanging: 18, parents: path }));
    }
  }
  return items;
}

/** Briefs put their sections under "##"; Quarto papers, with the title in YAML, under "#". */
function sectionLevel(brief: Brief): number {
  const levels = brief.blocks.flatMap((b) => (b.kind === "heading" ? [b.level] : []));
  return levels.length && Math.min(...levels) === 1 ? 1 : 2;
}

function endnotes(brief: Brief, ctx: FlowContext): FlowItem[] {
  const items: FlowItem[] = [heading("Notes", 2, ctx, "notes")];
  for (const note of brief.footnotes) {
    const marker: Run = { text: `${note.number}. `, style: { face: "serif", size: ctx.look.styles.note.size, color: ctx.look.colours.muted } };
    items.push(noteItem(note, ctx, marker, 12));
  }
  return items;
}

function tableOfContents(brief: Brief, ctx: FlowContext, notes: "foot" | "end"): FlowItem[] {
  const items: FlowItem[] = [heading(brief.meta["toc-title"] ?? "Contents", 2, ctx, "contents", false)];
  const toc = ctx.ids.next("TOC");
  const entry = (title: string, dest: string) => {
    const style = { ...ctx.look.styles.body, face: "sans" as const, spaceAfter: 2 };
    const item = text("TOCI", [{ text: title, style: { face: "sans", size: 10.5, color: ctx.look.colours.ink, link: { kind: "dest", name: dest } } }], style, ctx, { width: ctx.width - 40, parents: [toc] });
    item.pageRef = dest;
    items.push(item);
  };
  const number = (b: Extract<Block, { kind: "heading" }>) => (ctx.numberSections && b.number ? `${b.number}\u2002` : "");
  const level = sectionLevel(brief);
  for (const block of brief.blocks) if (block.kind === "heading" && block.level === level) entry(number(block) + plainText(block.inlines), block.id);
  if (notes === "end" && brief.footnotes.length) entry("Notes", "notes");
  if (brief.sourcesHeading || brief.sources.length) entry(brief.sourcesHeading ?? "References", "sources");
  const last = items[items.length - 1];
  if (last?.type === "text") last.spaceAfter = 18;
  return items;
}

function heading(title: string, level: number, ctx: FlowContext, anchor: string, outline = true): TextItem {
  const style = level <= 1 ? ctx.look.styles.h1 : level === 2 ? ctx.look.styles.h2 : ctx.look.styles.h3;
  const item = text(level <= 1 ? "H1" : level === 2 ? "H2" : "H3", [{ text: title, style: { face: style.face, size: style.size, color: style.color } }], style, ctx, { anchor });
  item.keepWithNext = true;
  if (outline) item.outline = { title, level };
  return item;
}

interface Place {
  indent: number;
  /** Right inset: inside a box, its padding. */
  inset: number;
  parents: StructRef[];
  para: TextStyle;
  /** Inside the Recommendations section: numbered items print boxed. */
  boxed: boolean;
}

function flowBlock(block: Block, ctx: FlowContext, at: Place): FlowItem[] {
  const { indent, inset, parents, para } = at;
  switch (block.kind) {
    case "heading": {
      const level = Math.min(block.level, 3);
      // number-sections: "2.1 Method" in the text and the outline alike.
      const number = ctx.numberSections && block.number ? `${block.number}\u2002` : "";
      const style = level === 2 ? ctx.look.styles.h2 : level === 3 ? ctx.look.styles.h3 : ctx.look.styles.h1;
      const item = heading(number + plainText(block.inlines), level, ctx, block.id);
      const numberRun: Run[] = number ? [{ text: number, style: { face: style.face, size: style.size, color: style.color } }] : [];
      item.lines = breakLines([...numberRun, ...toRuns(block.inlines, style)], ctx.fonts, { width: ctx.width - indent - inset, leading: item.lines[0]?.height ?? 18, direction: ctx.direction });
      item.indent = indent;
      return [item];
    }
    case "paragraph": {
      const image = onlyImage(block.inlines);
      if (image) return [figure(image, ctx, indent, parents)];
      // A paragraph holding a labelled equation is where "@eq-x" links to.
      const anchor = block.inlines.find((i): i is Extract<Inline, { kind: "math" }> => i.kind === "math" && i.label !== undefined)?.label;
      return [text("P", hyphenated(toRuns(block.inlines, para), ctx), para, ctx, { indent, inset, parents, anchor })];
    }
    case "list":
      return flowList(block, ctx, at);
    case "callout":
      // "::: slide" holds the writer's slide bullets, "::: {.notes}" the speaker's notes: deck only.
      if (block.variant === "slide" || block.variant === "notes" || block.variant === "hidden") return [];
      // A plain Pandoc div ("::: {.column}") is only a wrapper: its content prints as is.
      if (block.variant === "div") return block.blocks.flatMap((b) => flowBlock(b, ctx, at));
      return flowQuoteOrCallout(block, ctx, at);
    case "quote":
      return flowQuoteOrCallout(block, ctx, at);
    case "code": {
      const runs: Run[] = [{ text: block.text, style: { face: "sans", size: ctx.look.styles.code.size, color: ctx.look.styles.code.color, noHyphen: true } }];
      const item = text("Code", runs, ctx.look.styles.code, ctx, { indent: indent + 8, inset: inset + CODE_PAD, parents });
      item.box = { fill: ctx.look.colours.sand, pad: CODE_PAD };
      return [item];
    }
    case "html": {
      // Raw HTML prints as the literal text the writer typed.
      const runs: Run[] = [{ text: block.text, style: { face: "sans", size: ctx.look.styles.code.size, color: ctx.look.colours.muted } }];
      return [text("Code", runs, ctx.look.styles.code, ctx, { indent, inset, parents })];
    }
    case "rule":
      return [];
    case "table": {
      const table = flowTable(block, ctx, indent, parents);
      if (!block.caption || block.number === undefined) return [table];
      // "Table 2. Cases by year", above its table, as Pandoc's PDF output puts it.
      const caption = captionItem("Table", block.number, block.caption, ctx, indent, parents, block.label);
      caption.keepWithNext = true;
      return [caption, table];
    }
    case "chunk":
      // Chunks are never run nor printed; one that makes a numbered table keeps its caption.
      return block.tableNumber === undefined ? [] : [codeTableCaption(block, block.tableNumber, ctx, indent, parents)];
    case "pagebreak":
      return [pageBreak(ctx)];
    case "figure":
      return flowFigure(block, ctx, at, (b) => flowBlock(b, ctx, at));
  }
}

/** Hyphenation touches plain prose only: never names in citations, links, code or headings. */
function hyphenated(runs: Run[], ctx: FlowContext): Run[] {
  const h = ctx.hyphenate;
  if (!h) return runs;
  return runs.map((r) => (r.style.noHyphen || r.style.link || r.style.role ? r : { ...r, text: h(r.text) }));
}

function flowQuoteOrCallout(block: Extract<Block, { kind: "quote" | "callout" }>, ctx: FlowContext, at: Place): FlowItem[] {
  const container = ctx.ids.next(block.kind === "quote" ? "BlockQuote" : "Div");
  const para = block.kind === "quote" ? ctx.look.styles.quote : at.para;
  const inset = at.inset + (block.kind === "callout" ? CALLOUT_PAD : 0);
  const place = { ...at, indent: Math.min(at.indent + QUOTE_INDENT, MAX_INDENT), inset, parents: [...at.parents, container], para };
  const inner = block.blocks.flatMap((b) => flowBlock(b, ctx, place));
  if (block.kind === "callout" && block.title) {
    // A Quarto callout's title ("Warning", or the writer's own) heads its box; warnings,
    // cautions and important notes in the accent colour, the others in the primary.
    const color = /^callout-(?:warning|caution|important)$/.test(block.variant) ? ctx.look.colours.accent : ctx.look.colours.primary;
    const body = ctx.look.styles.body;
    const title = text("P", toRuns(block.title, { ...body, face: "sans-bold", color }), { ...body, spaceAfter: 0 }, ctx, { indent: place.indent, inset, parents: place.parents });
    title.keepWithNext = true;
    inner.unshift(title);
  }
  for (const item of inner) {
    if (item.type !== "text") continue;
    if (block.kind === "quote") item.bar = { color: ctx.look.colours.accent, x: Math.min(at.indent, MAX_INDENT - QUOTE_INDENT) + 2 };
    else item.box = { fill: ctx.look.colours.boxFill, pad: CALLOUT_PAD };
    item.keepTogether = item.lines.length < 6;
  }
  return inner;
}

function flowList(block: Extract<Block, { kind: "list" }>, ctx: FlowContext, at: Place): FlowItem[] {
  const out: FlowItem[] = [];
  const boxed = at.boxed && block.ordered;
  const itemIndent = Math.min(at.indent + (boxed ? 30 : LIST_INDENT), MAX_INDENT);
  const list = ctx.ids.next("L");
  block.items.forEach((li, n) => {
    const marker = block.ordered ? `${block.start + n}.` : "•";
    const item = ctx.ids.next("LI");
    const body = [...at.parents, list, item, ctx.ids.next("LBody")];
    const children = li.blocks.flatMap((b) => flowBlock(b, ctx, { ...at, indent: itemIndent, inset: at.inset + (boxed ? RECOMMENDATION_PAD : 0), parents: body, boxed: false }));
    const first = children.find((c): c is TextItem => c.type === "text");
    if (first) {
      const labelStyle = boxed ? { face: "sans-bold" as const, size: 13, color: ctx.look.colours.accent } : { face: first.lines[0]?.fragments[0]?.style.face ?? ("serif" as const), size: ctx.look.styles.body.size, color: ctx.look.colours.muted };
      const [labelLine] = breakLines([{ text: marker, style: labelStyle }], ctx.fonts, { width: 40, leading: first.lines[0]?.height ?? ctx.look.styles.body.leading });
      if (labelLine) first.label = { line: labelLine, x: itemIndent - labelLine.width - (boxed ? 10 : 6), tag: [...at.parents, list, item, ctx.ids.next("Lbl")] };
      first.spaceAfter = 3;
    }
    if (boxed) {
      for (const c of children) {
        if (c.type !== "text") continue;
        c.box = { fill: ctx.look.colours.boxFill, pad: RECOMMENDATION_PAD };
        c.spaceAfter = 12;
      }
    }
    out.push(...children);
  });
  const last = out[out.length - 1];
  if (last?.type === "text") last.spaceAfter = ctx.look.styles.body.spaceAfter + 2;
  return out;
}
