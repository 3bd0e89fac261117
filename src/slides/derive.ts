// Model → Marp markdown: title, key points, one slide (or more) per section, the
// recommendations, the sources cited on the slides, and a closing slide. Pure.
import type { Block, Brief, Inline } from "../model.js";
import { plainText } from "../parse.js";
import { formatDate } from "../dates.js";
import { escapeMarkdown, inlineMarkdown, notesComment } from "./markdown.js";

export interface Slide {
  title: string;
  /** Line in the source brief that this slide comes from, for diagnostics. */
  line: number;
  body: string;
  notes: string;
  className?: string;
  /** Source indexes cited on this slide. */
  cites: number[];
}

const MAX_BULLETS = 4;
const MAX_BULLET_CHARS = 420;
const MAX_SOURCES_PER_SLIDE = 7;

export interface DeriveOptions {
  /** Image path for the title slide, as Marp should load it. */
  coverSrc?: string;
}

export function deriveSlides(brief: Brief, options: DeriveOptions = {}): Slide[] {
  const meta = brief.meta;
  const slides: Slide[] = [];
  const byline = [meta.authors.map((a) => [a.name, a.role].filter(Boolean).join(", ")).join("; "), meta.organisation, meta.date ? formatDate(meta.date) : ""].filter(Boolean);
  const cover = options.coverSrc && meta.cover ? `![bg right:40%](${options.coverSrc})\n\n` : "";
  slides.push({
    title: brief.title,
    line: 1,
    className: "title",
    body: [
      `${cover}# ${escapeMarkdown(brief.title)}`,
      meta.subtitle ? escapeMarkdown(meta.subtitle) : "",
      escapeMarkdown(byline.join(" · ")),
      // The credit is the title slide's last paragraph; the theme sets it small.
      meta.cover && meta.cover.credit ? `*${escapeMarkdown(meta.cover.credit)}*` : "",
    ].filter(Boolean).join("\n\n"),
    notes: meta.summary ?? "",
    cites: [],
  });
  if (meta.key_points?.length) {
    slides.push({ title: "Key points", line: brief.metaLines.key_points ?? 1, body: bullets(meta.key_points.map(escapeMarkdown)), notes: meta.summary ?? "", cites: [] });
  }

  for (const section of sectionsOf(brief.blocks, brief.title)) {
    const marked = section.blocks.filter((b): b is Extract<Block, { kind: "callout" }> => b.kind === "callout" && b.variant === "slide");
    const isRecommendations = /recommendation/i.test(section.title);
    const points = marked.length > 0 ? marked.flatMap((c) => pointsFromBlocks(c.blocks, "all")) : pointsFromBlocks(section.blocks.filter((b) => !(b.kind === "callout" && b.variant === "slide")), isRecommendations ? "lead" : "first");
    const notes = section.blocks.filter((b) => !(b.kind === "callout" && b.variant === "slide")).map(blockText).join("\n\n");
    const chunks = chunk(points, isRecommendations ? 3 : MAX_BULLETS, isRecommendations ? 640 : MAX_BULLET_CHARS);
    let number = 1;
    chunks.forEach((group, i) => {
      const title = i === 0 ? section.title : `${section.title} (cont.)`;
      slides.push({
        title,
        line: section.line,
        className: isRecommendations ? "recommendations" : undefined,
        body: bullets(group.map((p) => p.text), isRecommendations ? number : 0),
        notes: i === 0 ? notes : "",
        cites: group.flatMap((p) => p.cites),
      });
      number += group.length;
    });
  }

  const cited = [...new Set(slides.flatMap((s) => s.cites))].sort((a, b) => a - b);
  for (let i = 0; i < cited.length; i += MAX_SOURCES_PER_SLIDE) {
    const entries = cited.slice(i, i + MAX_SOURCES_PER_SLIDE).map((n) => brief.sources[n]).filter((s) => s !== undefined);
    slides.push({
      title: i === 0 ? "Sources" : "Sources (cont.)",
      line: brief.sources[cited[i] ?? 0]?.span.start.line ?? 1,
      className: "sources",
      body: entries.map((s) => `- ${inlineMarkdown(s.inlines)}`).join("\n"),
      notes: "",
      cites: [],
    });
  }
  slides.push({
    title: meta.organisation ?? brief.title,
    line: 1,
    className: "closing",
    body: `# ${escapeMarkdown(meta.organisation ?? brief.title)}\n\n${meta.contact ? escapeMarkdown(meta.contact) : ""}`,
    notes: "",
    cites: [],
  });
  return slides;
}

export function slidesMarkdown(brief: Brief, slides: readonly Slide[], theme: string): string {
  const header = escapeFrontValue(brief.meta.short_title ?? brief.title);
  const footer = escapeFrontValue([brief.meta.organisation, brief.meta.date ? formatDate(brief.meta.date) : ""].filter(Boolean).join(" · "));
  const front = ["---", "marp: true", `theme: ${theme}`, "paginate: true", "size: 16:9", `lang: ${brief.meta.lang ?? "en"}`, `title: ${escapeFrontValue(brief.title)}`, `header: ${header}`, `footer: ${footer}`, "---"].join("\n");
  const pages = slides.map((s) => {
    const directives = [s.className ? `<!-- _class: ${s.className} -->` : "", s.className === "title" || s.className === "closing" ? "<!-- _paginate: false -->\n<!-- _header: '' -->\n<!-- _footer: '' -->" : ""].filter(Boolean).join("\n");
    const heading = s.className === "title" || s.className === "closing" ? "" : `## ${escapeMarkdown(s.title)}\n\n`;
    return [directives, `${heading}${s.body}`, s.notes ? notesComment(s.notes) : ""].filter(Boolean).join("\n\n");
  });
  return `${front}\n\n${pages.join("\n\n---\n\n")}\n`;
}

function escapeFrontValue(s: string): string {
  return JSON.stringify(s);
}

interface Section {
  title: string;
  line: number;
  blocks: Block[];
}

function sectionsOf(blocks: readonly Block[], title = "Overview"): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const b of blocks) {
    if (b.kind === "heading" && b.level <= 2) {
      current = { title: plainText(b.inlines), line: b.at.line, blocks: [] };
      sections.push(current);
    } else if (current) current.blocks.push(b);
  }
  // A letter with no headings still has its paragraphs (issue 12): never an empty deck.
  if (sections.length === 0 && blocks.length > 0) return [{ title, line: blocks[0]?.at.line ?? 1, blocks: [...blocks] }];
  return sections;
}

interface Point {
  text: string;
  cites: number[];
}

/**
 * One point per paragraph or list item, citations kept: "all" keeps the writer's slide
 * bullets whole, "first" takes the first sentence, "lead" a bold lead plus one sentence.
 */
type Take = "all" | "first" | "lead";

function pointsFromBlocks(blocks: readonly Block[], take: Take): Point[] {
  const point = (inlines: Inline[]): Point => (take === "all" ? wholePoint(inlines) : firstSentence(inlines, take === "lead"));
  const points: Point[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") points.push(point(b.inlines));
    else if (b.kind === "list") {
      const items = b.items.map((item) => item.blocks.find((x) => x.kind === "paragraph")).filter((x): x is Extract<Block, { kind: "paragraph" }> => x?.kind === "paragraph");
      // A list of short phrases ("torture; sexual violence; …") reads better as one bullet.
      if (!b.ordered && items.length > 2 && items.every((p) => plainText(p.inlines).length < 60)) {
        const joined = items.map((p) => inlineMarkdown(p.inlines).trim().replace(/[;,.]$/, "")).join("; ");
        const last = points[points.length - 1];
        if (last) last.text = `${last.text.replace(/[.:]$/, "")}: ${joined}.`;
        else points.push({ text: `${joined}.`, cites: [] });
      } else for (const p of items) points.push(point(p.inlines));
    } else if (b.kind === "quote" || (b.kind === "callout" && b.variant !== "slide")) points.push(...pointsFromBlocks(b.blocks, take));
  }
  return points.filter((p) => p.text.trim());
}

const SENTENCE_END = /(?<![A-Z]\.|\bn\.d\.|\be\.g\.|\bi\.e\.|\bNo\.|\bvol\.|\bp\.|\bpp\.|\bal\.)[.!?](?=\s+[“"‘(\p{Lu}\d])/u;

function wholePoint(inlines: readonly Inline[]): Point {
  const cites = inlines.flatMap((i) => (i.kind === "citation" ? i.citation.items.flatMap((it) => (it.sourceIndex === undefined ? [] : [it.sourceIndex])) : []));
  return { text: inlineMarkdown(inlines).trim(), cites };
}

function firstSentence(inlines: readonly Inline[], keepLead: boolean): Point {
  // Take inline runs up to the first sentence end; for recommendations keep the bold
  // addressee plus the first sentence after it.
  const out: Inline[] = [];
  const cites: number[] = [];
  let sentences = keepLead && inlines[0]?.kind === "strong" ? 2 : 1;
  for (const inline of inlines) {
    if (inline.kind === "citation") {
      out.push(inline);
      for (const item of inline.citation.items) if (item.sourceIndex !== undefined) cites.push(item.sourceIndex);
      continue;
    }
    if (inline.kind === "text") {
      const m = SENTENCE_END.exec(inline.text);
      if (m && --sentences === 0) {
        out.push({ kind: "text", text: inline.text.slice(0, m.index + 1) });
        break;
      } else if (m) {
        out.push(inline);
        continue;
      }
    }
    if (inline.kind === "strong" && keepLead && /[.!?:]\s*$/.test(plainText(inline.children))) sentences--;
    out.push(inline);
  }
  if (cites.length === 0) {
    // A bullet without its source is a claim without support: borrow the paragraph's first citation.
    const first = inlines.find((i): i is Extract<Inline, { kind: "citation" }> => i.kind === "citation");
    if (first) {
      const text = out.length ? inlineMarkdown(out).replace(/[.!?]$/, "") : "";
      for (const item of first.citation.items) if (item.sourceIndex !== undefined) cites.push(item.sourceIndex);
      return { text: `${text} ${escapeMarkdown(first.text)}.`, cites };
    }
  }
  return { text: inlineMarkdown(out).trim(), cites };
}

/** Splits points into slides that fit: at most `most` bullets and about `chars` characters. */
function chunk(points: Point[], most: number, limit: number): Point[][] {
  const groups: Point[][] = [];
  let current: Point[] = [];
  let chars = 0;
  for (const p of points) {
    if (current.length >= most || (current.length > 0 && chars + p.text.length > limit)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(p);
    chars += p.text.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A bullet list; `firstNumber` > 0 makes it an ordered list starting there. */
function bullets(items: readonly string[], firstNumber = 0): string {
  return items.map((t, i) => `${firstNumber > 0 ? `${firstNumber + i}.` : "-"} ${t}`).join("\n");
}

function blockText(b: Block): string {
  switch (b.kind) {
    case "paragraph":
    case "heading":
      return plainText(b.inlines);
    case "list":
      return b.items.map((it) => `- ${it.blocks.map(blockText).join(" ")}`).join("\n");
    case "quote":
    case "callout":
      return b.blocks.map(blockText).join("\n");
    case "code":
    case "html":
      return b.text;
    case "table":
      return [b.header, ...b.rows].map((r) => r.map(plainText).join(" | ")).join("\n");
    case "rule":
      return "";
  }
}
