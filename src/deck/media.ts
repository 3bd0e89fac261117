// What a speaker shows rather than says: the section's figures (with their caption and
// credit paragraphs), tables and block quotes, each for a slide of its own. The blocks
// they use are handed back so they never also become bullets. Pure.
import type { Block, Inline } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import { CREDIT } from "../check/rules/images.js";
import type { DeckSlide } from "./model.js";
import type { FitPlan } from "./fit.js";
import { balance, blockText } from "./points.js";
import { leadClause } from "./sentences.js";

export type Media =
  | { kind: "figure"; at: number; image: Extract<Inline, { kind: "image" }>; caption: Inline[]; credit: Inline[] }
  | { kind: "table"; at: number; table: Extract<Block, { kind: "table" }>; caption: Inline[]; credit: Inline[] }
  | { kind: "quote"; at: number; quote: Inline[]; attribution: Inline[] };

const CAPTION = /^(figure|fig\.|chart|graph|map|table)\s*[\d.]*\s*[:.—–-]/i;

/** The image of a paragraph that holds only an image (white space aside). */
function soleImage(b: Block | undefined): Extract<Inline, { kind: "image" }> | null {
  if (b?.kind !== "paragraph") return null;
  const rest = b.inlines.filter((i) => !(i.kind === "text" && !i.text.trim()) && i.kind !== "break");
  const only = rest.length === 1 ? rest[0] : undefined;
  return only?.kind === "image" ? only : null;
}

function paragraphMatching(b: Block | undefined, re: RegExp): Inline[] | null {
  return b?.kind === "paragraph" && re.test(plainText(b.inlines).trim()) ? unwrapEmphasis(b.inlines) : null;
}

/** "*Source: …*" reads as a credit; the italics are the writer's styling, not the text. */
function unwrapEmphasis(inlines: Inline[]): Inline[] {
  const only = inlines.length === 1 ? inlines[0] : undefined;
  return only && (only.kind === "em" || only.kind === "strong") ? only.children : inlines;
}

export function findMedia(blocks: readonly Block[]): { media: Media[]; used: Set<number> } {
  const media: Media[] = [];
  const used = new Set<number>();
  blocks.forEach((b, at) => {
    if (used.has(at)) return;
    // Issue 11: a numbered figure (Quarto/Pandoc) holds its image; its caption is the model's.
    const figure = b.kind === "figure" && b.blocks.length === 1 ? soleImage(b.blocks[0]) : null;
    if (figure && b.kind === "figure") {
      used.add(at);
      const title: Inline[] = figure.title ? [{ kind: "text", text: figure.title }] : [];
      const caption: Inline[] = [{ kind: "text", text: `Figure ${b.number}${b.caption.length ? ": " : ""}` }, ...b.caption];
      media.push({ kind: "figure", at, image: figure, caption, credit: CREDIT.test(figure.title.trim()) ? title : [] });
      return;
    }
    const image = soleImage(b);
    if (image) {
      used.add(at);
      // The image's title is its credit when it reads as one (the PDF's convention), else its caption.
      const title: Inline[] = image.title ? [{ kind: "text", text: image.title }] : [];
      const titleIsCredit = CREDIT.test(image.title.trim());
      let caption = titleIsCredit ? [] : title;
      let next = at + 1;
      const captionAfter = caption.length ? null : paragraphMatching(blocks[next], CAPTION);
      if (captionAfter) {
        caption = captionAfter;
        used.add(next++);
      }
      const credit = titleIsCredit ? null : paragraphMatching(blocks[next], CREDIT);
      if (credit) used.add(next);
      media.push({ kind: "figure", at, image, caption, credit: titleIsCredit ? title : (credit ?? []) });
    } else if (b.kind === "table") {
      used.add(at);
      // Issue 11: a table's own caption ("Table: …" / ": … {#tbl-x}"), numbered.
      let caption: Inline[] = b.caption && b.number !== undefined ? [{ kind: "text", text: `Table ${b.number}: ` }, ...b.caption] : [];
      const before = caption.length ? null : paragraphMatching(blocks[at - 1], CAPTION);
      if (before && !used.has(at - 1)) {
        caption = before;
        used.add(at - 1);
      }
      let next = at + 1;
      const after = caption.length ? null : paragraphMatching(blocks[next], CAPTION);
      if (after) {
        caption = after;
        used.add(next++);
      }
      const credit = paragraphMatching(blocks[next], CREDIT);
      if (credit) used.add(next);
      media.push({ kind: "table", at, table: b, caption, credit: credit ?? [] });
    } else if (b.kind === "quote") {
      used.add(at);
      media.push({ kind: "quote", at, ...splitAttribution(b.blocks) });
    }
  });
  return { media, used };
}

/** A quote's own citation (its closing "(HRC 2014)") or a closing "— Name" line is its attribution. */
function splitAttribution(blocks: readonly Block[]): { quote: Inline[]; attribution: Inline[] } {
  const paragraphs = blocks.filter((b): b is Extract<Block, { kind: "paragraph" }> => b.kind === "paragraph");
  const last = paragraphs[paragraphs.length - 1];
  if (last && paragraphs.length > 1 && /^\s*(—|–|--)/.test(plainText(last.inlines))) {
    const quote = paragraphs.slice(0, -1).flatMap((p, i) => (i ? [{ kind: "text" as const, text: " " }, ...p.inlines] : p.inlines));
    const attribution = last.inlines.map((i, n) => (n === 0 && i.kind === "text" ? { ...i, text: i.text.replace(/^\s*(—|–|--)\s*/, "") } : i));
    return { quote, attribution };
  }
  const quote = paragraphs.flatMap((p, i) => (i ? [{ kind: "text" as const, text: " " }, ...p.inlines] : p.inlines));
  // A quote of lists or code only: its text, plainly.
  if (quote.length === 0) return { quote: [{ kind: "text", text: blocks.map(blockText).join(" ") }], attribution: [] };
  const cite = [...quote].reverse().findIndex((i) => i.kind === "citation");
  if (cite >= 0) {
    const index = quote.length - 1 - cite;
    const tail = quote.slice(index + 1);
    // Only a citation at the very end (a full stop after it at most) is the quote's source.
    if (tail.every((i) => i.kind === "text" && /^[\s.]*$/.test(i.text))) {
      const body = quote.slice(0, index);
      const end = body[body.length - 1];
      if (end?.kind === "text") body[body.length - 1] = { kind: "text", text: `${end.text.replace(/\s+$/, "")}.`.replace(/([.!?])\.$/, "$1") };
      return { quote: body, attribution: [quote[index] as Inline] };
    }
  }
  return { quote, attribution: [] };
}

const MAX_TABLE_ROWS = 6;
const MAX_TABLE_CHARS = 520;

/** A figure, table or quote as slides (a long table split by rows, its header on each). */
export function mediaSlides(m: Media, sectionTitle: string, line: number, plan?: FitPlan): DeckSlide[] {
  if (m.kind === "figure") {
    const notes = [plainText(m.caption), m.image.alt ? `The picture: ${m.image.alt}` : "", plainText(m.credit)].filter(Boolean);
    const title = figureTitle(m.caption, sectionTitle);
    const height = plan?.picture.get(m.image.at.line);
    return [{ kind: "figure", title, line: m.image.at.line, notes: notes.length ? notes : [title], picture: { src: m.image.src, alt: m.image.alt }, ...(height ? { height } : {}), caption: m.caption, credit: m.credit }];
  }
  if (m.kind === "quote") {
    // The notes keep the quote in full when fitting cuts it to its lead clause.
    const notes = [`${plainText(m.quote)}${m.attribution.length ? ` ${plainText(m.attribution)}` : ""}`];
    const lead = plan?.quote.get(line);
    return [{ kind: "quote", title: sectionTitle, line, notes, quote: lead ? leadClause(m.quote, lead) : m.quote, attribution: m.attribution }];
  }
  const { table } = m;
  const most = plan?.rows.get(table.at.line) ?? MAX_TABLE_ROWS;
  const chars = table.rows.map((row) => row.reduce((n, cell) => n + plainText(cell).length, 0));
  const cost = (from: number, to: number) => Math.max((to - from) / most, chars.slice(from, to).reduce((a, b) => a + b, 0) / MAX_TABLE_CHARS);
  // As few slides as fit, the rows shared out evenly among them (never six and one).
  const groups: Inline[][][][] = table.rows.length ? balance(table.rows, cost) : [[]];
  const title = figureTitle(m.caption, sectionTitle);
  return groups.map((rows, i) => ({
    kind: "table" as const,
    title: i === 0 ? title : `${title} (cont.)`,
    line: table.at.line,
    notes: [i === 0 ? plainText(m.caption) : "", ...rows.map((r) => blockText({ ...table, rows: [], header: r }))].filter(Boolean),
    header: table.header,
    rows,
    align: table.align,
    caption: m.caption,
    credit: i === groups.length - 1 ? m.credit : [],
  }));
}

/** "Figure 1: Returns by year" → "Returns by year"; no caption → the section's title. */
function figureTitle(caption: Inline[], sectionTitle: string): string {
  const text = plainText(caption).trim();
  if (!text) return sectionTitle;
  const short = text.replace(CAPTION, "").trim().split(/(?<=[.!?])\s/)[0]?.replace(/[.:]$/, "") ?? "";
  return short.length > 0 && short.length <= 70 ? short : sectionTitle;
}
