// Sentences as people write them. Intl.Segmenter (ICU's sentence rules) knows the full
// stops of Arabic and Persian (. ؟), Urdu (۔), Hindi (।), Chinese, Japanese and Korean,
// and that "3.5" and "No. 5" go on; what it misses are the abbreviations English prose
// is full of ("K. Lee", "et al.", "U.N.", "e.g."), which end a segment but not a
// sentence. Those segments are joined back here. Pure.
import type { Inline } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";

let segmenter: Intl.Segmenter | undefined;

/** A capital initial ("K.", the "N." of "U.N.") that no letter comes before. */
const INITIAL = /(?<![\p{L}\p{N}])\p{Lu}\.\s*$/u;
/** Abbreviations that end in a full stop but rarely end a sentence. */
const ABBREVIATION =
  /(?<![\p{L}])(?:e\.g|i\.e|et al|al|cf|vs|viz|approx|ca|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Gen|Gov|Rev|Hon|Fig|fig|Art|art|Sec|sec|Vol|vol|Ch|ch|pp|p|para|paras|n\.d|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/u;
/** "No. 5", "Nos. 3 and 4": a number sign only when a number follows. */
const NUMBER_SIGN = /(?<![\p{L}])(?:No|Nos|no|nos)\.\s*$/u;

function joinsNext(before: string, after: string): boolean {
  if (INITIAL.test(before) || ABBREVIATION.test(before)) return true;
  return NUMBER_SIGN.test(before) && /^\s*\d/.test(after);
}

/** Offsets in `text` where one sentence ends and the next begins (after the white space). */
export function sentenceBreaks(text: string): number[] {
  segmenter ??= new Intl.Segmenter("en", { granularity: "sentence" });
  const breaks: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length;
    if (end >= text.length) break;
    if (!joinsNext(segment, text.slice(end))) breaks.push(end);
  }
  return breaks;
}

/**
 * Splits runs into sentences. The whole run list is segmented as one text (a citation or
 * a bold phrase is context for the rules), but a break falls only in or before a plain
 * text run: formatted runs stay whole, unless they hold sentences of their own (a whole
 * paragraph in `[…]{lang=ar}`), which are then cut into one such run a sentence.
 */
export function sentences(inlines: readonly Inline[]): Inline[][] {
  const runs = inlines.filter((i) => i.kind !== "footnoteRef" && i.kind !== "image").flatMap(opened);
  const texts = runs.map((i) => (i.kind === "text" ? i.text : plainText([i])));
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length;
  }
  const breaks = sentenceBreaks(texts.join(""));
  const out: Inline[][] = [];
  let current: Inline[] = [];
  const flush = () => {
    const trimmed = trimRuns(current);
    if (trimmed.length) out.push(trimmed);
    current = [];
  };
  let b = 0;
  runs.forEach((run, r) => {
    const start = starts[r] ?? 0;
    const end = start + (texts[r]?.length ?? 0);
    // A break at the very start of this run (after the previous one).
    while (b < breaks.length && (breaks[b] ?? 0) <= start) {
      if (breaks[b] === start) flush();
      b++;
    }
    if (run.kind !== "text") {
      current.push(run);
      while (b < breaks.length && (breaks[b] ?? 0) < end) b++;
      return;
    }
    let from = start;
    while (b < breaks.length && (breaks[b] ?? 0) < end) {
      const cut = breaks[b] ?? end;
      current.push({ kind: "text", text: run.text.slice(from - start, cut - start) });
      flush();
      from = cut;
      b++;
    }
    if (from < end) current.push({ kind: "text", text: run.text.slice(from - start) });
  });
  flush();
  return out;
}

/** A language span (or emphasis) holding several sentences, as one span a sentence. */
function opened(run: Inline): Inline[] {
  if (run.kind !== "lang" && run.kind !== "em" && run.kind !== "strong") return [run];
  const parts = sentences(run.children);
  if (parts.length < 2) return [run];
  return parts.flatMap((children, i) => [...(i ? [{ kind: "text" as const, text: " " }] : []), { ...run, children }]);
}

/** Drops leading and trailing white space of a run list. */
export function trimRuns(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.kind === "text") out[0] = { kind: "text", text: first.text.replace(/^\s+/, "") };
  const last = out[out.length - 1];
  if (last?.kind === "text") out[out.length - 1] = { kind: "text", text: last.text.replace(/\s+$/, "") };
  return out.filter((i) => !(i.kind === "text" && i.text === ""));
}

/**
 * A sentence too long for a bullet, cut to its lead clause (its first sentence, when it has
 * several and that one fits): at the last clause mark
 * (comma, semicolon, colon, dash) before `max` characters, else the last word, with an
 * ellipsis. Formatted runs are never cut inside. The full text goes to the notes.
 */
export function leadClause(inlines: readonly Inline[], max: number): Inline[] {
  const text = plainText(inlines);
  if (text.length <= max) return [...inlines];
  // Several sentences: the first is the lead, whole when it fits.
  const parts = sentences(inlines);
  const first = parts[0];
  if (parts.length > 1 && first) return plainText(first).length <= max ? first : leadClause(first, max);
  const head = text.slice(0, max);
  const clause = [...head.matchAll(/[,;:]\s|\s[—–-]\s/g)].map((m) => m.index ?? 0).filter((i) => i >= max * 0.35).pop();
  const word = head.lastIndexOf(" ");
  const cut = clause ?? (word > 0 ? word : max);
  const out: Inline[] = [];
  let at = 0;
  for (const run of inlines) {
    const len = plainText([run]).length;
    if (at + len <= cut) out.push(run);
    else if (run.kind === "text" && at < cut) out.push({ kind: "text", text: run.text.slice(0, cut - at) });
    at += len;
    if (at >= cut) break;
  }
  const trimmed = trimRuns(out);
  const last = trimmed[trimmed.length - 1];
  if (last?.kind === "text") trimmed[trimmed.length - 1] = { kind: "text", text: `${last.text.replace(/[\s,;:—–-]+$/, "")}…` };
  else trimmed.push({ kind: "text", text: "…" });
  return trimmed;
}
