// From prose to bullets: sentences cut from inline runs, each keeping only the citations
// written inside it; a list stays with the sentence that introduces it. Pure.
import type { Block, Inline } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import type { Bullet } from "./model.js";
import { leadClause, sentences, trimRuns as trim } from "./sentences.js";

export { sentences } from "./sentences.js";

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
  /** The bullet's full text, when fitting cut it to its lead clause (the notes must hold it). */
  full?: string;
}

export function citesOf(inlines: readonly Inline[]): number[] {
  return inlines.flatMap((i) => {
    if (i.kind === "citation") return i.citation.items.flatMap((it) => (it.sourceIndex === undefined ? [] : [it.sourceIndex]));
    return "children" in i ? citesOf(i.children) : [];
  });
}

function bulletOf(inlines: Inline[], sub: Bullet[] = []): Bullet {
  return { inlines, cites: citesOf(inlines), sub };
}

/**
 * A sentence taken from prose longer than this is no bullet: its lead clause is (the
 * paragraph, in full, is in the notes). The writer's own slide bullets and recommendations
 * (an addressee and what it should do) are fitted instead.
 */
const LONG_SENTENCE = 320;

function take(inlines: readonly Inline[], mode: Take): Inline[] {
  if (mode === "all") return trim([...inlines]);
  const parts = sentences(inlines);
  const lead = inlines[0];
  if (mode === "lead" && lead?.kind === "strong" && /[.!?:]\s*$/.test(plainText(lead.children)) && parts.length > 1) {
    // The bold addressee is its own "sentence" only when the first part is exactly it.
    const [a, b] = parts;
    if (a && b && a.length === 1) return [...a, { kind: "text", text: " " }, ...b];
  }
  return mode === "first" ? leadClause(parts[0] ?? [], LONG_SENTENCE) : (parts[0] ?? []);
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

/**
 * Splits points into slides: as few as fit at most `most` bullets (a sub-bullet counts
 * half) and about `limit` characters each, and at least `least`; the bullets shared out
 * evenly among them (two and two, never three and one).
 */
export function chunk(given: readonly Point[], most: number, limit: number, least = 1, maxSubs = 2 * (most - 1)): Point[][] {
  const points: Point[] = [];
  // A lead-in whose list is longer than a slide holds: its items shared out, the lead-in on each.
  for (const p of given) {
    const subs = p.bullet.sub;
    const pieces = Math.max(1, Math.ceil(subs.length / Math.max(1, maxSubs)));
    const size = Math.ceil(subs.length / pieces);
    for (let i = 0; i < pieces; i++) points.push(pieces === 1 ? p : { ...p, bullet: { ...p.bullet, sub: subs.slice(i * size, (i + 1) * size) } });
  }
  // More slides than bullets: a lead-in's list is shared out, the longest list first.
  while (points.length < least) {
    const at = points.reduce((best, p, i) => (p.bullet.sub.length >= 2 && (best < 0 || p.bullet.sub.length > (points[best] as Point).bullet.sub.length) ? i : best), -1);
    const p = points[at];
    if (!p) break;
    const half = Math.ceil(p.bullet.sub.length / 2);
    points.splice(at, 1, { ...p, bullet: { ...p.bullet, sub: p.bullet.sub.slice(0, half) } }, { ...p, bullet: { ...p.bullet, sub: p.bullet.sub.slice(half) } });
  }
  const cost = (from: number, to: number) => {
    let w = 0;
    let c = 0;
    for (let i = from; i < to; i++) {
      const b = (points[i] as Point).bullet;
      w += 1 + b.sub.length / 2;
      c += bulletChars(b);
    }
    return Math.max(w / most, c / limit);
  };
  // Pieces of one lead-in's list that land on the same slide are one bullet again: the
  // lead-in once, its items under it (never the same lead-in twice on a slide).
  return balance(points, cost, least).map((group) =>
    group.reduce<Point[]>((out, p) => {
      const last = out[out.length - 1];
      if (last && last.bullet.inlines === p.bullet.inlines && last.from === p.from) out[out.length - 1] = { ...last, bullet: { ...last.bullet, sub: [...last.bullet.sub, ...p.bullet.sub] } };
      else out.push(p);
      return out;
    }, []),
  );
}

/**
 * `items` over as few slides as `cost` (1: a full slide) allows, and at least `least`,
 * shared out evenly: the fullest slide as light as it can be, then the counts even.
 */
export function balance<T>(items: readonly T[], cost: (from: number, to: number) => number, least = 1): T[][] {
  let count = 0;
  for (let i = 0; i < items.length; count++) {
    let j = i + 1;
    while (j < items.length && cost(i, j + 1) <= 1) j++;
    i = j;
  }
  const n = Math.min(items.length, Math.max(count, least));
  // Fewer items than two a slide leaves one alone (2 + 2 + 1): a lone point after fuller
  // slides reads as an afterthought. One slide fewer, if no slide then runs more than a
  // quarter over (the fitter, measuring in Chromium, still splits what truly overflows).
  if (n > Math.max(1, least) && items.length < 2 * n) {
    const fewer = partition(items, n - 1, cost);
    let from = 0;
    const fullest = Math.max(...fewer.map((g) => cost(from, (from += g.length))));
    if (fullest <= ORPHAN_SLACK) return fewer;
  }
  return partition(items, n, cost);
}

/** How far over its budget a slide may run to spare a lone point a slide of its own. */
const ORPHAN_SLACK = 1.25;

/**
 * `items` in `n` runs: every run within a slide (or a lone item), then the most items on a
 * slide as few as can be, then the fullest slide as light as can be, then the earlier
 * slides the fuller.
 */
function partition<T>(items: readonly T[], n: number, cost: (from: number, to: number) => number): T[][] {
  type Best = { over: number; most: number; fullest: number; cut: number };
  const len = items.length;
  if (n <= 1) return len ? [[...items]] : [];
  // Ties go to the fuller first slides (3 + 2, not 2 + 3): a continuation is the lighter one.
  const better = (a: Best, b: Best) => a.over - b.over || a.most - b.most || a.fullest - b.fullest || b.cut - a.cut;
  // best[k][i]: the first i items in k runs.
  const best: Array<Array<Best | undefined>> = [[{ over: 0, most: 0, fullest: 0, cut: 0 }]];
  for (let k = 1; k <= n; k++) {
    const row: Array<Best | undefined> = [];
    for (let i = k; i <= len - (n - k); i++) {
      for (let j = k - 1; j < i; j++) {
        const prev = best[k - 1]?.[j];
        if (!prev) continue;
        const c = cost(j, i);
        const cand = { over: prev.over + (i - j > 1 && c > 1 ? 1 : 0), most: Math.max(prev.most, i - j), fullest: Math.max(prev.fullest, c), cut: j };
        const now = row[i];
        if (!now || better(cand, now) < 0) row[i] = cand;
      }
    }
    best.push(row);
  }
  const groups: T[][] = [];
  let i = len;
  for (let k = n; k > 0; k--) {
    const j = best[k]?.[i]?.cut ?? 0;
    groups.unshift(items.slice(j, i));
    i = j;
  }
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

/** Points whose sentences (and sub-bullets) are cut to a lead clause of at most `max` characters. */
export function leadPoints(points: readonly Point[], max: number): Point[] {
  const cut = (b: Bullet): Bullet => ({ ...b, inlines: leadClause(b.inlines, max), sub: b.sub.map(cut) });
  return points.map((p) => {
    const bullet = cut(p.bullet);
    const full = (b: Bullet): string => [plainText(b.inlines), ...b.sub.map(full)].join("\n");
    return full(bullet) === full(p.bullet) ? p : { ...p, bullet, full: full(p.bullet) };
  });
}

/** Notes that hold the full text of every bullet on the slide that was cut short. */
export function withFullText(notes: string[], group: readonly Point[]): string[] {
  const flat = (s: string) => s.replace(/\s+/g, " ").trim();
  const have = flat(notes.join(" "));
  const missing = group.flatMap((p) => (p.full && !have.includes(flat(p.full)) ? [p.full] : []));
  return missing.length ? [...notes, ...missing] : notes;
}
