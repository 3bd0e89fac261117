// Splits the trailing Sources section off the body and turns each entry into a
// SourceEntry (text as written + parsed fields + position).
import type { Block, Inline, SourceEntry } from "../model.js";
import { plainText } from "../parse.js";
import { parseSourceEntry } from "./sources.js";

export const DEFAULT_SOURCES_HEADING = /^(sources|references|bibliography|works cited|sources and further reading|sources & further reading|المصادر|المراجع)\s*:?$/iu;
/** "Further reading" is a sub-heading inside the sources, or the sources heading only when alone. */
const FURTHER_READING = /^further reading\s*:?$/iu;

export interface SplitSections {
  body: Block[];
  heading: string | null;
  /** 1-based line of the sources heading; citations at or after it are not in-text. */
  headingLine: number | null;
  entries: SourceEntry[];
}

export function splitSources(blocks: Block[], custom?: string): SplitSections {
  const matches = (text: string) =>
    custom ? text.trim().toLowerCase() === custom.trim().toLowerCase() : DEFAULT_SOURCES_HEADING.test(text.trim());
  const lastHeading = (test: (text: string) => boolean) => {
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b?.kind === "heading" && test(plainText(b.inlines).trim())) return i;
    }
    return -1;
  };
  let index = lastHeading(matches);
  if (index < 0 && !custom) index = lastHeading((t) => FURTHER_READING.test(t));
  if (index < 0) return { body: blocks, heading: null, headingLine: null, entries: [] };
  const heading = blocks[index] as Extract<Block, { kind: "heading" }>;
  const entries: SourceEntry[] = [];
  let furtherReading = FURTHER_READING.test(plainText(heading.inlines).trim());
  for (const block of blocks.slice(index + 1)) {
    if (block.kind === "heading") furtherReading = FURTHER_READING.test(plainText(block.inlines).trim());
    else if (block.kind === "paragraph") entries.push(entryFrom(block.inlines, block.at, furtherReading));
    else if (block.kind === "list") {
      for (const item of block.items) {
        const first = item.blocks.find((b) => b.kind === "paragraph");
        if (first?.kind === "paragraph") entries.push(entryFrom(first.inlines, first.at, furtherReading));
      }
    }
  }
  return { body: blocks.slice(0, index), heading: plainText(heading.inlines), headingLine: heading.at.line, entries };
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
    if (i.kind === "strong" || i.kind === "em" || i.kind === "link") return { ...i, children: uncite(i.children) };
    return i;
  });
}
