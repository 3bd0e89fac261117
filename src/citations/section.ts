// Splits the trailing Sources section off the body and turns each entry into a
// SourceEntry (text as written + parsed fields + position).
import type { Block, Inline, SourceEntry } from "../model/brief.js";
import { parseMarkdown } from "../parse/parse.js";
import { plainText } from "../model/plain-text.js";
import { parseSourceEntry } from "./sources.js";

/** The names writers give their sources, in English and in the brief's language. */
const SOURCE_NAMES = [
  "sources", "references", "bibliography", "works cited", "literature", "reference list", "notes", "endnotes", "end notes", "notes and references", "notes and sources",
  "footnotes", "literature review", "sources consulted", "works consulted", "references and further reading",
  "références bibliographiques", "notes et références", "notes et sources", "références et notes", "fuentes consultadas", "notas y referencias", "referências bibliográficas", "notas e referências",
  "список джерел", "список літератури", "список використаних джерел", "джерела", "література", "список источников", "список использованных источников", "библиография",
  "references and notes", "sources and notes", "references cited", "literature cited", "select bibliography",
  "références", "bibliographie", "sources et bibliographie", "fuentes", "bibliografía", "referencias", "referencias bibliográficas", "notas",
  "quellen", "literatur", "literaturverzeichnis", "quellenverzeichnis", "fonti", "bibliografia", "riferimenti", "referências", "fontes", "bronnen", "literatuur",
  "литература", "источники", "список литературы", "참고문헌", "참고 문헌", "출처", "参考文献", "引用文献", "出典", "المراجع", "المصادر", "מקורות", "ביבליוגרפיה",
];
const AND_FURTHER = String.raw`(?:\s+(?:and|&)\s+further\s+reading)?`;
/** "IV. References", "7 References", "7) References:", "— Sources —": numbers and decoration go. */
const DECORATION = String.raw`^(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Z])[.)]?\s+)?[\s\-\u2013\u2014*#:]*`;
export const DEFAULT_SOURCES_HEADING = new RegExp(String.raw`${DECORATION}(?:${SOURCE_NAMES.join("|")})${AND_FURTHER}[\s\-\u2013\u2014*]*[:\uff1a]?$`, "iu");
/** "Further reading" is a sub-heading inside the sources, or the sources heading only when alone. */
const FURTHER_READING = new RegExp(String.raw`${DECORATION}(?:further reading|additional reading|lectures compl\u00e9mentaires|lecturas adicionales|weiterf\u00fchrende literatur)[\s\-\u2013\u2014*]*:?$`, "iu");

export interface SplitSections {
  body: Block[];
  heading: string | null;
  /** 1-based line of the sources heading; citations at or after it are not in-text. */
  headingLine: number | null;
  entries: SourceEntry[];
}

export function splitSources(blocks: Block[], custom?: string, lines?: readonly string[]): SplitSections {
  const matches = (text: string) =>
    custom ? text.trim().toLowerCase() === custom.trim().toLowerCase() : DEFAULT_SOURCES_HEADING.test(text.trim());
  const lastHeading = (test: (text: string) => boolean, lines = false) => {
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b?.kind === "heading" && !lines && test(plainText(b.inlines).trim())) return i;
      // Text pasted from a PDF keeps "REFERENCES" or "Endnotes" as a line of its own, not a heading.
      if (lines && b?.kind === "paragraph" && !/\n/.test(plainText(b.inlines).trim()) && test(plainText(b.inlines).trim())) return i;
    }
    return -1;
  };
  let index = lastHeading(matches);
  if (index < 0 && !custom) index = lastHeading((t) => FURTHER_READING.test(t));
  if (index < 0 && !custom) index = lastHeading(matches, true);
  if (index < 0) return { body: blocks, heading: null, headingLine: null, entries: [] };
  const heading = blocks[index] as Extract<Block, { kind: "heading" | "paragraph" }>;
  const entries: SourceEntry[] = [];
  let furtherReading = FURTHER_READING.test(plainText(heading.inlines).trim());
  const add = (entry: SourceEntry) => {
    // "———." takes the authors of the entry above it.
    const previous = entries[entries.length - 1];
    if (entry.sameAuthors && previous) {
      entry.authors = previous.authors.map((a) => ({ ...a }));
      if (previous.moreAuthors) entry.moreAuthors = true;
    }
    entries.push(entry);
  };
  // Pandoc's rendered list wraps each entry in a div with its id ("::: {#ref-x .csl-entry}",
  // '<div id="ref-x" class="csl-entry">'): the id is the entry's anchor, which link citations name.
  let pending: string | undefined;
  const visit = (block: Block, label?: string): void => {
    if (block.kind === "callout" && block.variant === "div") {
      // Only a div around one entry names it; "::: {#refs}" around the whole list does not.
      block.blocks.forEach((b) => visit(b, block.blocks.length === 1 ? (block.label ?? label) : undefined));
      return;
    }
    if (block.kind === "html") {
      pending = /<div\b[^>]*\bid\s*=\s*["']([^"']+)["']/iu.exec(block.text)?.[1] ?? (/<\/div>/iu.test(block.text) ? undefined : pending);
      return;
    }
    const anchored = (entry: SourceEntry) => {
      const ids = [...new Set([...(label ? [label] : []), ...(pending ? [pending] : []), ...anchorsIn(lines, entry)])];
      if (ids.length > 0) entry.anchors = ids;
      pending = undefined;
      add(entry);
    };
    if (block.kind === "heading") furtherReading = FURTHER_READING.test(plainText(block.inlines).trim());
    else if (block.kind === "paragraph") pastedLines(block, lines).forEach((p) => anchored(entryFrom(p.inlines, p.at, furtherReading)));
    else if (block.kind === "list") {
      block.items.forEach((item, n) => {
        const first = item.blocks.find((b) => b.kind === "paragraph");
        if (first?.kind !== "paragraph") return;
        const entry = entryFrom(first.inlines, first.at, furtherReading);
        if (block.ordered) {
          // Markdown took the number off the line: print it again, as the writer numbered it.
          entry.number = block.start + n;
          entry.inlines = [{ kind: "text", text: `${entry.number}. ` }, ...entry.inlines];
        }
        anchored(entry);
      });
    }
  };
  for (const block of blocks.slice(index + 1)) visit(block);
  return { body: blocks.slice(0, index), heading: plainText(heading.inlines), headingLine: heading.at.line, entries };
}

/** Ids written on an entry's own lines: <a id="f4"></a>, <a name="x">, []{#ref-x}, <span id="x">. */
function anchorsIn(lines: readonly string[] | undefined, entry: SourceEntry): string[] {
  if (!lines) return [];
  const text = lines.slice(entry.span.start.line - 1, entry.span.end.line).join("\n");
  return [...text.matchAll(/<(?:a|span)\b[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']|\]\{#([\p{L}\p{N}_:.-]+)[^}]*\}/giu)].map((m) => m[1] ?? m[2] ?? "").filter(Boolean);
}

const NUMBERED_LINE = /^\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s+\S/u;
const DATED_LINE = /^\s*\S.*(?:\((?:1[5-9]\d\d|20\d\d)[a-z]?\b[^)]*\)|[.,]\s(?:1[5-9]\d\d|20\d\d)[a-z]?[.,])/u;

/**
 * A reference list pasted with one entry per line and no blank lines is one markdown
 * paragraph: when every line is a numbered entry ("[1] …") or a dated one, each line is
 * an entry of its own (read again as markdown, so its links and italics stay).
 */
function pastedLines(block: Extract<Block, { kind: "paragraph" }>, lines: readonly string[] | undefined): Array<{ inlines: Inline[]; at: { line: number; column: number } }> {
  const whole = [{ inlines: block.inlines, at: block.at }];
  if (!lines) return whole;
  const own: string[] = [];
  for (let i = block.at.line - 1; i < lines.length && (lines[i] ?? "").trim() !== ""; i++) own.push(lines[i] ?? "");
  // A comment line ("<!-- … -->") is invisible: neither an entry nor a reason to split.
  const entries = own.map((text, i) => ({ text, line: block.at.line + i })).filter((l) => !/^\s*<!--.*-->\s*$/.test(l.text));
  if (entries.length < 2) return whole;
  const split = entries.every((l) => NUMBERED_LINE.test(l.text)) || entries.every((l) => DATED_LINE.test(l.text));
  if (!split) return whole;
  return entries.map(({ text, line }) => {
    const first = parseMarkdown(text.trim()).blocks[0];
    const inlines: Inline[] = first?.kind === "paragraph" ? first.inlines : [{ kind: "text", text: text.trim() }];
    return { inlines, at: { line, column: text.length - text.trimStart().length + 1 } };
  });
}

function entryFrom(inlines: Inline[], at: { line: number; column: number }, furtherReading: boolean): SourceEntry {
  // Citation-like text inside an entry ("Human Rights Watch (2024)") is part of the entry.
  const literal = uncite(inlines);
  const text = plainText(literal);
  const parsed = parseSourceEntry(text);
  const lastLine = at.line + (text.match(/\n/g)?.length ?? 0);
  return {
    inlines: literal,
    text,
    ...parsed,
    furtherReading,
    span: { start: at, end: { line: lastLine, column: at.column + text.length } },
  };
}

function uncite(inlines: Inline[]): Inline[] {
  return inlines.map((i): Inline => {
    if (i.kind === "citation") return { kind: "text", text: i.text };
    if (i.kind === "strong" || i.kind === "em" || i.kind === "link" || i.kind === "mark" || i.kind === "lang") return { ...i, children: uncite(i.children) };
    return i;
  });
}
