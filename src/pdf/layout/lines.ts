// Measure: styled runs → lines that fit a width. Break opportunities are the text
// layer's (text/break-opportunities.ts); widths from the fonts' metrics; the order of a line's pieces
// from the Unicode bidirectional algorithm. Pure: no PDF is written here.
import { embeddingLevels, paragraphDirection, visualOrder, type Direction } from "../../text/bidi.js";
import { breakOpportunities, charBefore } from "../../text/break-opportunities.js";
import { clusters } from "../../text/breaks.js";
import { INVISIBLE, type Face, type FontBook, type FontKey } from "../../text/fonts.js";

export type LinkTarget = { kind: "uri"; uri: string } | { kind: "dest"; name: string };

export interface RunStyle {
  face: Face;
  size: number;
  color: string;
  link?: LinkTarget;
  /** Raised text (footnote markers), in points. */
  rise?: number;
  /** What this run is in the structure tree (Reference for citations, Link for URLs). */
  role?: "Reference" | "Link" | "Note";
  /** Pasted <u>: a line is drawn under the run's glyphs (an artifact: readers hear the words only). */
  underline?: boolean;
  /** The language the writer gave this run ("[…]{lang=ar}"), over the one its script suggests. */
  lang?: string;
  /** Words in this run must not be hyphenated (names, citations, URLs). */
  noHyphen?: boolean;
}

export interface Run {
  text: string;
  style: RunStyle;
}

export interface Fragment {
  text: string;
  key: FontKey;
  style: RunStyle;
  x: number;
  width: number;
  /** Bidi embedding level, when the paragraph has right-to-left text (odd: shaped and drawn right to left). */
  level?: number;
  /** Its place in the line's logical (reading) order, when that differs from left to right. */
  logical?: number;
}

export interface Line {
  fragments: Fragment[];
  width: number;
  /** Distance from the line's top to its baseline, and the line's full height. */
  ascent: number;
  height: number;
  /** A right-to-left paragraph's line: how far it was moved right to end at the right edge. */
  rtlShift?: number;
  /**
   * The line ends in a hyphen the writer typed ("work-" of "work-related", "1-" of "1- and
   * 5-year"), not one a soft hyphen showed: text extractors drop a line-end hyphen and join
   * the words, so the drawing says it is one to keep (write.ts).
   */
  typedHyphen?: true;
}

interface Piece {
  text: string;
  style: RunStyle;
  level?: number;
}

interface Word {
  pieces: Piece[];
  /** The word's width without its trailing spaces, and with them. */
  width: number;
  fullWidth: number;
  hardBreakAfter: boolean;
}

export interface BreakOptions {
  width: number;
  /** Extra indent of the first line (negative for hanging indents). */
  firstLineIndent?: number;
  leading: number;
  /**
   * The paragraph's direction: the brief's own when it is right to left; absent, each
   * paragraph takes its direction from its letters. Right-to-left lines end at the
   * right edge.
   */
  direction?: Direction;
}

export function breakLines(runs: readonly Run[], fonts: FontBook, options: BreakOptions): Line[] {
  const text = runs.map((r) => r.text).join("");
  const direction = options.direction ?? paragraphDirection(text);
  // Embeddings and overrides (LRE…RLO, PDF) are not honoured: in a brief they are far more
  // often pasted debris or a spoof ("Trojan source") than typography; isolates and marks are.
  const words = toWords(runs, fonts, text, embeddingLevels(text.replace(EMBEDDINGS, "\u2060"), direction));
  const lines: Line[] = [];
  let current: Word[] = [];
  let currentWidth = 0;
  const limit = () => options.width - (lines.length === 0 ? options.firstLineIndent ?? 0 : 0);
  const push = () => {
    lines.push(buildLine(current, fonts, options.leading));
    current = [];
    currentWidth = 0;
  };
  for (const word of words) {
    if (current.length > 0 && currentWidth + word.width > limit()) push();
    if (current.length === 0 && word.width > limit()) {
      // A word longer than the line (a long URL): cut it by characters, never lose it.
      for (const part of splitWord(word, limit(), fonts)) {
        if (current.length > 0) push();
        current.push(part);
        currentWidth = part.fullWidth;
      }
    } else {
      current.push(word);
      currentWidth += word.fullWidth;
    }
    if (word.hardBreakAfter) push();
  }
  if (current.length > 0) push();
  if (direction === "rtl") {
    // Aligned to the right edge; a page the draw step mirrors (an RTL brief) takes the
    // shift back first, and mirrors the line from the left edge.
    lines.forEach((line, i) => {
      const shift = options.width - (i === 0 ? options.firstLineIndent ?? 0 : 0) - line.width;
      for (const f of line.fragments) f.x += shift;
      line.rtlShift = shift;
    });
  }
  return lines;
}

function toWords(runs: readonly Run[], fonts: FontBook, text: string, levels: Uint8Array | null): Word[] {
  const starts: number[] = [];
  let offset = 0;
  for (const r of runs) {
    starts.push(offset);
    offset += r.text.length;
  }
  const words: Word[] = [];
  let last = 0;
  let first = 0; // the first run that can still overlap a word: breaks only move forward
  for (const bk of breakOpportunities(text)) {
    if (bk.position === last) continue;
    const pieces: Piece[] = [];
    while (first < runs.length - 1 && (starts[first] ?? 0) + (runs[first]?.text.length ?? 0) <= last) first++;
    for (let i = first; i < runs.length && (starts[i] ?? 0) < bk.position; i++) {
      const run = runs[i]!;
      const a = Math.max(last, starts[i] ?? 0);
      const b = Math.min(bk.position, (starts[i] ?? 0) + run.text.length);
      if (a < b && !levels) pieces.push({ text: text.slice(a, b).replace(NEWLINES, ""), style: run.style });
      else if (a < b && levels) pieces.push(...byLevel(text, levels, a, b, run.style));
    }
    const hardBreakAfter = bk.required && NEWLINE.test(charBefore(text, bk.position));
    words.push(measureWord(pieces, fonts, hardBreakAfter));
    last = bk.position;
  }
  return words;
}

/** The text from `a` to `b` as pieces of one embedding level each. */
function byLevel(text: string, levels: Uint8Array, a: number, b: number, style: RunStyle): Piece[] {
  const out: Piece[] = [];
  let from = a;
  for (let i = a + 1; i <= b; i++) {
    if (i < b && levels[i] === levels[from]) continue;
    out.push({ text: text.slice(from, i).replace(NEWLINES, ""), style, level: levels[from] ?? 0 });
    from = i;
  }
  return out;
}

const NEWLINES = /[\n\u2028\u2029]/g;
const EMBEDDINGS = /[\u202a-\u202e]/g;
const NEWLINE = /^[\n\u2028\u2029]$/;

/** A piece of the same style and level with other text (no `level` key when there is none: one object shape). */
function withText(piece: Piece, text: string): Piece {
  return piece.level === undefined ? { text, style: piece.style } : { text, style: piece.style, level: piece.level };
}

/** Soft hyphen: a break opportunity that shows a hyphen only when the line breaks there. */
const SHY = "\u00ad";

function measureWord(pieces: Piece[], fonts: FontBook, hardBreakAfter: boolean): Word {
  let fullWidth = 0;
  let trailing = 0;
  const last = pieces[pieces.length - 1];
  // A word broken at a soft hyphen needs room for the hyphen if it ends the line.
  const hyphen = last?.text.endsWith(SHY) ? fonts.width("-", last.style.face, last.style.size) : 0;
  for (const piece of pieces) {
    const visible = piece.text.replace(INVISIBLE, "");
    const w = fonts.segment(visible, piece.style.face).reduce((s, seg) => s + fonts.width(seg.text, seg.key, piece.style.size), 0);
    fullWidth += w;
  }
  const lastPiece = pieces[pieces.length - 1];
  if (lastPiece) {
    const spaces = /\s+$/u.exec(lastPiece.text.replace(INVISIBLE, ""))?.[0] ?? "";
    if (spaces) trailing = fonts.width(spaces, lastPiece.style.face, lastPiece.style.size);
  }
  return { pieces, width: fullWidth - trailing + hyphen, fullWidth, hardBreakAfter };
}

function splitWord(word: Word, width: number, fonts: FontBook): Word[] {
  const parts: Word[] = [];
  let pieces: Piece[] = [];
  let used = 0;
  for (const piece of word.pieces) {
    let chunk = "";
    for (const char of clusters(piece.text)) {
      const w = fonts.segment(char.replace(INVISIBLE, ""), piece.style.face).reduce((s, seg) => s + fonts.width(seg.text, seg.key, piece.style.size), 0);
      if (used + w > width && (chunk || pieces.length > 0)) {
        if (chunk) pieces.push(withText(piece, chunk));
        parts.push(measureWord(pieces, fonts, false));
        pieces = [];
        chunk = "";
        used = 0;
      }
      chunk += char;
      used += w;
    }
    if (chunk) pieces.push(withText(piece, chunk));
  }
  if (pieces.length > 0) parts.push(measureWord(pieces, fonts, word.hardBreakAfter));
  return parts;
}

function buildLine(words: Word[], fonts: FontBook, leading: number): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  let size = 0;
  let typedHyphen = false;
  words.forEach((word, wi) => {
    word.pieces.forEach((piece, pi) => {
      const isLast = wi === words.length - 1 && pi === word.pieces.length - 1;
      const broken = isLast && piece.text.endsWith(SHY);
      const text = (isLast ? piece.text.replace(/\s+$/u, "") : piece.text).replace(INVISIBLE, "") + (broken ? "-" : "");
      if (isLast && !broken && text.endsWith("-") && !(piece.level && piece.level % 2 === 1)) typedHyphen = true;
      for (const seg of fonts.segment(text, piece.style.face)) {
        const width = piece.level === undefined ? fonts.width(seg.text, seg.key, piece.style.size) : fonts.shapedWidth(seg.text, seg.key, piece.style.size);
        const prev = fragments[fragments.length - 1];
        if (prev && prev.key === seg.key && prev.style === piece.style && prev.level === piece.level) {
          prev.text += seg.text;
          prev.width += width;
        } else {
          const fragment: Fragment = { text: seg.text, key: seg.key, style: piece.style, x, width };
          if (piece.level !== undefined) fragment.level = piece.level;
          fragments.push(fragment);
        }
        x += width;
        if (!piece.style.rise) size = Math.max(size, piece.style.size);
      }
    });
  });
  if (fragments.some((f) => f.level)) {
    fragments.forEach((f, i) => (f.logical = i));
    // Logical order → visual order (UAX #9 L2), then left to right from the line's start.
    const visual = visualOrder(fragments.map((f) => f.level ?? 0)).map((i) => fragments[i]!);
    let at = 0;
    for (const f of visual) {
      f.x = at;
      at += f.width;
    }
    fragments.splice(0, fragments.length, ...visual);
  }
  const height = Math.max(leading, size * 1.15);
  // Centre the x-height band in the line box: looks even whatever the leading.
  const baseline = height / 2 + size * 0.33;
  const line: Line = { fragments, width: x, ascent: baseline, height };
  if (typedHyphen) line.typedHyphen = true;
  return line;
}

export interface PlacedFragment {
  fragment: Fragment;
  x: number;
  width: number;
}

/**
 * A line's fragments placed left to right from `start`, each where the one before it
 * really ended (`width` says how wide it draws), listed in the order to draw them: the
 * reading order. Content order is what pdf.js extracts and the structure tree (a screen
 * reader) follows, so a line with right-to-left text is drawn as it is read.
 */
export function drawingOrder(line: Line, start: number, width: (f: Fragment) => number): PlacedFragment[] {
  let cursor = start;
  let reordered = false;
  const placed: PlacedFragment[] = [];
  for (const fragment of line.fragments) {
    if (!fragment.text) continue;
    const w = width(fragment);
    placed.push({ fragment, x: cursor, width: w });
    cursor += w;
    if (fragment.logical !== undefined) reordered = true;
  }
  return reordered ? placed.sort((a, b) => (a.fragment.logical ?? 0) - (b.fragment.logical ?? 0)) : placed;
}
