// The citation passes of the inline walker (inline.ts) that look beyond one text run:
// notes with an italic short title, citations written across emphasis, and link texts
// that are citations. Each finds with citations/ and records in the file's Context.
import type { Token } from "markdown-it";
import type { Span } from "../model/diagnostics.js";
import type { Citation } from "../model/brief.js";
import { findAllCitations } from "../citations/all.js";
import { findRaisedNumbers } from "../citations/numeric.js";
import type { FoundCitation } from "../citations/find.js";
import { italicShortNote } from "../citations/notes.js";
import type { Context, InlineContext } from "./inline-context.js";
import type { InlineLocator } from "./locate.js";

/** Where the walker stands: the inline token's text, its positions, the file's context. */
export interface Place {
  content: string;
  locator: InlineLocator;
  ctx: Context;
  where: InlineContext;
}

export function toCitation(at: Place, found: FoundCitation, span: (a: number, b: number) => Span): Citation {
  return {
    style: found.style,
    raw: found.raw,
    span: span(found.start, found.end),
    context: at.where,
    ...(at.ctx.inNote !== undefined ? { note: at.ctx.inNote } : {}),
    items: found.items.map((item) => ({
      ...(item.key ? { key: item.key } : {}),
      ...(item.suppressAuthor ? { suppressAuthor: true } : {}),
      author: item.authors[0] ?? "",
      authorCandidates: item.authors,
      year: item.year,
      locator: item.locator,
      prefix: item.prefix,
      span: span(item.start, item.end),
      rawStart: item.start - found.start,
      rawEnd: item.end - found.start,
      ...(item.number !== undefined ? { number: item.number } : {}),
      ...(item.titleHint ? { titleHint: item.titleHint } : {}),
      ...(item.tentative ? { tentative: true } : {}),
      ...(item.ibid ? { ibid: true } : {}),
      ...(item.speculative ? { speculative: true } : {}),
    })),
  };
}

/** "Lutz, *The Externalised Border*, 80." in a note: checked (the printed note keeps its italics). */
export function italicNotes(at: Place, tokens: Token[], aligned: Map<Token, number[]>, number: number): void {
  tokens.forEach((a, i) => {
    const [open, title, close, after] = [tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]];
    if (a.type !== "text" || open?.type !== "em_open" || title?.type !== "text" || close?.type !== "em_close") return;
    const tail = after?.type === "text" ? after.content : "";
    const found = italicShortNote(a.content, tail);
    const from = aligned.get(a)?.[found?.authorStart ?? -1];
    const titleEnd = aligned.get(title)?.slice(-1)[0];
    if (!found || from === undefined || titleEnd === undefined) return;
    const lastOffset = found.afterEnd > 0 && after ? aligned.get(after)?.[found.afterEnd - 1] : undefined;
    const end = (lastOffset ?? titleEnd + close.markup.length) + 1;
    const span = { start: at.locator.positionAt(from), end: at.locator.positionAt(end) };
    const raw = at.content.slice(from, end);
    at.ctx.citations.push({
      style: "narrative",
      raw,
      span,
      context: at.where,
      note: number,
      items: [{ author: found.author, authorCandidates: [found.author], year: "", locator: found.locator, prefix: "", span, rawStart: 0, rawEnd: raw.length, tentative: true, titleHint: title.content }],
    });
  });
}

/**
 * "(Bryan *et al.*, 2024)", "(*Toronto Shelter System Flow*, 2024)", "(Heiss, *Amicable
 * Contempt*)": emphasis splits the text into runs, so a citation written across it is
 * looked for in the joined text. It is checked; the printed text keeps its italics.
 */
export function acrossEmphasis(at: Place, tokens: Token[], aligned: Map<Token, number[]>): void {
  if (!tokens.some((t) => t.type === "em_open")) return;
  let text = "";
  const offsets: number[] = [];
  const edges: number[] = [];
  for (const t of tokens) {
    const at = aligned.get(t);
    if ((t.type === "text" || t.type === "softbreak") && at) {
      text += t.type === "text" ? t.content.replace(/\t/g, " ") : " ";
      offsets.push(...at);
    } else if (t.type === "em_open" || t.type === "em_close") edges.push(text.length);
    else {
      // Anything else (a link, code, a note mark) ends the joined text.
      text += "\u0000";
      offsets.push(offsets[offsets.length - 1] ?? 0);
    }
  }
  if (offsets.length !== text.length) return;
  const toContent = (i: number) => offsets[Math.min(i, offsets.length - 1)] ?? 0;
  const span = (a: number, b: number) => ({ start: at.locator.positionAt(toContent(a)), end: at.locator.positionAt(toContent(b - 1) + 1) });
  for (const found of findAllCitations(text, at.where !== "table", at.ctx.numeric === true, at.ctx.inNote !== undefined)) {
    if ("refs" in found || !edges.some((e) => found.start < e && e < found.end) || found.raw.includes("\u0000")) continue;
    const citation = toCitation(at, found, span);
    citation.raw = at.content.slice(toContent(found.start), toContent(found.end - 1) + 1);
    at.ctx.citations.push(citation);
  }
}

/**
 * A link whose text is a citation ("[WHO, 2021a](#f23)"): checked like one. Raised, in a
 * brief whose list is numbered, its number is one: "<sup><a href="#fn-3">3</a></sup>", as
 * web pages link a note marker to its endnote, cites note 3.
 */
export function anchorCitations(at: Place, text: string, offsets: number[], raised = false, href?: string): void {
  const toContent = (i: number) => offsets[Math.min(i, offsets.length - 1)] ?? 0;
  const span = (a: number, b: number) => ({ start: at.locator.positionAt(toContent(a)), end: at.locator.positionAt(toContent(b - 1) + 1) });
  if (raised && at.ctx.numeric) {
    for (const found of findRaisedNumbers(text)) {
      const citation = toCitation(at, found, span);
      citation.raw = text;
      at.ctx.citations.push(citation);
    }
    return;
  }
  // The link text often drops the parentheses: "[WHO, 2021a]" reads as "(WHO, 2021a)".
  const wrapped = /^\s*\(.*\)\s*$/su.test(text) ? text : `(${text})`;
  const shift = wrapped === text ? 0 : 1;
  for (const found of findAllCitations(wrapped, false)) {
    if ("refs" in found) continue;
    const clamp = (i: number) => Math.max(0, Math.min(text.length, i - shift));
    const citation = toCitation(at, found, (a, b) => span(clamp(a), Math.max(clamp(a) + 1, clamp(b))));
    citation.raw = text;
    // The anchor the link goes to names the entry outright (citations/anchors.ts).
    if (href) citation.target = href.slice(1);
    at.ctx.citations.push(citation);
  }
}
