// From prose to bullets: sentences cut from inline runs, each keeping only the citations
// written inside it; a list stays with the sentence that introduces it. Pure.
import type { Block, Inline } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import type { Bullet } from "./model.js";

/**
 * "all" keeps the writer's slide bullets whole, "first" takes a paragraph's first
 * sentence, "lead" a bold lead ("**Government of China.**") plus the sentence after it.
 */
export type Take = "all" | "first" | "lead";

/** A bullet, the block (index in the section) it was taken from and that text in full, for the notes. */
export interface Point {
  bullet: Bullet;
  from: number;
  /** The last block it covers (a lead-in covers its list too); `from` when absent. */
  through?: number;
  note: string;
}

const SENTENCE_END = /(?<![A-Z]\.|\bn\.d\.|\be\.g\.|\bi\.e\.|\bNo\.|\bvol\.|\bp\.|\bpp\.|\bal\.|\bArt\.)[.!?](?=\s+[“"‘(\p{Lu}\d])/u;

export function citesOf(inlines: readonly Inline[]): number[] {
  return inlines.flatMap((i) => {
    if (i.kind === "citation") return i.citation.items.flatMap((it) => (it.sourceIndex === undefined ? [] : [it.sourceIndex]));
    return "children" in i ? citesOf(i.children) : [];
  });
}

/** Splits runs into sentences at sentence ends inside text runs; formatted runs stay whole. */
export function sentences(inlines: readonly Inline[]): Inline[][] {
  const out: Inline[][] = [];
  let current: Inline[] = [];
  const flush = () => {
    const trimmed = trim(current);
    if (trimmed.length) out.push(trimmed);
    current = [];
  };
  for (const inline of inlines) {
    if (inline.kind === "footnoteRef" || inline.kind === "image") continue;
    if (inline.kind !== "text") {
      current.push(inline);
      continue;
    }
    let rest = inline.text;
    for (let m = SENTENCE_END.exec(rest); m; m = SENTENCE_END.exec(rest)) {
      current.push({ kind: "text", text: rest.slice(0, m.index + 1) });
      flush();
      rest = rest.slice(m.index + 1);
    }
    if (rest) current.push({ kind: "text", text: rest });
  }
  flush();
  return out;
}

/** Drops leading and trailing white space of a run list. */
function trim(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.kind === "text") out[0] = { kind: "text", text: first.text.replace(/^\s+/, "") };
  const last = out[out.length - 1];
  if (last?.kind === "text") out[out.length - 1] = { kind: "text", text: last.text.replace(/\s+$/, "") };
  return out.filter((i) => !(i.kind === "text" && i.text === ""));
}

function bulletOf(inlines: Inline[], sub: Bullet[] = []): Bullet {
  return { inlines, cites: citesOf(inlines), sub };
}

function take(inlines: readonly Inline[], mode: Take): Inline[] {
  if (mode === "all") return trim([...inlines]);
  const parts = sentences(inlines);
  const lead = inlines[0];
  if (mode === "lead" && lead?.kind === "strong" && /[.!?:]\s*$/.test(plainText(lead.children)) && parts.length > 1) {
    // The bold addressee is its own "sentence" only when the first part is exactly it.
    const [a, b] = parts;
    if (a && b && a.length === 1) return [...a, { kind: "text", text: " " }, ...b];
  }
  return parts[0] ?? [];
}

/** Paragraphs of a list's items (the first paragraph of each). */
function itemParagraphs(list: Extract<Block, { kind: "list" }>): Inline[][] {
  return list.items.flatMap((item) => {
    const p = item.blocks.find((x) => x.kind === "paragraph");
    return p?.kind === "paragraph" ? [p.inlines] : [];
  });
}

/** True when a paragraph's text ends with a colon: it introduces what follows. */
function introduces(b: Block | undefined): b is Extract<Block, { kind: "paragraph" }> {
  return b?.kind === "paragraph" && /:\s*$/.test(plainText(b.inlines));
}

export function pointsFromBlocks(blocks: readonly Block[], mode: Take): Point[] {
  const points: Point[] = [];
  blocks.forEach((b, from) => {
    if (b.kind === "paragraph") {
      const next = blocks[from + 1];
      // A paragraph that introduces a list gives its last sentence (the lead-in) instead,
      // so the list's items land on the same slide, under it.
      if (next?.kind === "list" && introduces(b)) {
        const lead = mode === "all" ? trim([...b.inlines]) : (sentences(b.inlines).at(-1) ?? []);
        points.push({ bullet: bulletOf(lead, listBullets(next, mode)), from, through: from + 1, note: `${blockText(b)}\n${blockText(next)}` });
      } else points.push({ bullet: bulletOf(take(b.inlines, mode)), from, note: blockText(b) });
    } else if (b.kind === "list") {
      if (introduces(blocks[from - 1])) return;
      const bullets = listBullets(b, mode);
      // One bullet an item, each with its item's text; a joined list is one bullet with all of it.
      bullets.forEach((bullet, i) => points.push({ bullet, from, note: bullets.length === b.items.length ? itemText(b, i) : blockText(b) }));
    } else if (b.kind === "callout" && b.variant !== "slide" && b.variant !== "notes" && b.variant !== "figures" && b.variant !== "hidden") {
      for (const p of pointsFromBlocks(b.blocks, mode)) points.push({ ...p, from });
    }
  });
  return points.filter((p) => p.bullet.inlines.length > 0);
}

function itemText(list: Extract<Block, { kind: "list" }>, i: number): string {
  const item = list.items[i];
  const text = item ? item.blocks.map(blockText).join(" ") : "";
  return list.ordered ? `${list.start + i}. ${text}` : text;
}

function listBullets(list: Extract<Block, { kind: "list" }>, mode: Take): Bullet[] {
  const items = itemParagraphs(list);
  const phrases = items.map((p) => trim([...p]));
  // A long list of short phrases ("torture; sexual violence; …") reads better as one line.
  if (!list.ordered && items.length > 5 && items.every((p) => plainText(p).length < 40)) {
    const joined: Inline[] = phrases.flatMap((p, i) => [...stripEnd(p), { kind: "text" as const, text: i === phrases.length - 1 ? "." : "; " }]);
    return [bulletOf(joined)];
  }
  return items.map((p) => bulletOf(mode === "all" ? trim([...p]) : take(p, mode === "lead" ? "lead" : "first")));
}

/** Removes a list item's closing ";", "," or "." so items can be joined. */
function stripEnd(p: Inline[]): Inline[] {
  const last = p[p.length - 1];
  if (last?.kind !== "text") return p;
  return [...p.slice(0, -1), { kind: "text", text: last.text.replace(/[;,.]\s*$/, "") }];
}

/** Splits points into slides that fit: at most `most` bullets (a sub-bullet counts half) and about `chars` characters. */
export function chunk(points: readonly Point[], most: number, limit: number): Point[][] {
  const groups: Point[][] = [];
  let current: Point[] = [];
  let weight = 0;
  let chars = 0;
  for (const p of points) {
    const w = 1 + p.bullet.sub.length / 2;
    const c = bulletChars(p.bullet);
    if (current.length > 0 && (weight + w > most || chars + c > limit)) {
      groups.push(current);
      current = [];
      weight = 0;
      chars = 0;
    }
    current.push(p);
    weight += w;
    chars += c;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function bulletChars(b: Bullet): number {
  return plainText(b.inlines).length + b.sub.reduce((n, s) => n + bulletChars(s), 0);
}

/** Plain text of a block, for speaker notes. */
export function blockText(b: Block): string {
  switch (b.kind) {
    case "paragraph":
    case "heading":
      return plainText(b.inlines);
    case "list":
      return b.items.map((it, i) => `${b.ordered ? `${b.start + i}.` : "•"} ${it.blocks.map(blockText).join(" ")}`).join("\n");
    case "quote":
    case "callout":
      return b.blocks.map(blockText).join("\n");
    case "code":
    case "html":
      return b.text;
    case "table":
      return [b.header, ...b.rows].map((r) => r.map(plainText).join(" | ")).join("\n");
    case "rule":
    case "chunk":
    case "pagebreak":
      return "";
    case "figure":
      return [...b.blocks.map(blockText), plainText(b.caption)].filter(Boolean).join("\n");
  }
}
