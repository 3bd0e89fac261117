// Documents written for no markdown tool (a letter pasted from a word processor): a line
// that is only bold text and short is a heading, and the document's title is its first
// "#" heading, else a first all-bold line, else its first heading of any level.
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import type { Block, Inline } from "../model/brief.js";
import { plainText, slugify } from "../model/plain-text.js";

/** Longer than this, a bold line is emphasis, not a heading. */
const MAX_HEADING = 80;

/** The text of a paragraph that is one bold run and nothing else ("**Background**"). */
function boldLine(block: Block | undefined): { text: string; inlines: Inline[] } | null {
  if (block?.kind !== "paragraph") return null;
  const content = block.inlines.filter((i) => !(i.kind === "text" && i.text.trim() === ""));
  const only = content[0];
  if (content.length !== 1 || only?.kind !== "strong") return null;
  const text = plainText(only.children).trim();
  if (!text || text.length > MAX_HEADING || /[.,;]$/.test(text) || only.children.some((c) => c.kind === "break")) return null;
  return { text, inlines: only.children };
}

export interface PastedDocument {
  blocks: Block[];
  title?: string;
  diagnostics: Diagnostic[];
}

export function readPasted(file: string, blocks: Block[], frontTitle: string | undefined): PastedDocument {
  let rest = blocks;
  let title = frontTitle;
  const first = rest[0];
  const bold = boldLine(first);
  if (!title && first?.kind === "heading" && first.level === 1) {
    title = plainText(first.inlines);
    rest = rest.slice(1);
  } else if (!title && bold) {
    title = bold.text;
    rest = rest.slice(1);
  }
  const diagnostics: Diagnostic[] = [];
  const out = rest.map((b): Block => {
    const line = boldLine(b);
    if (!line || b.kind !== "paragraph") return b;
    diagnostics.push(
      diagnostic(file, pointSpan(b.at.line, b.at.column, line.text.length + 4), "info", "heading/bold", `"${line.text}" is read as a heading`, [`write it as a heading: "## ${line.text}"`]),
    );
    return { kind: "heading", level: 2, inlines: line.inlines, id: slugify(line.text), at: b.at };
  });
  if (!title) {
    const heading = out.find((b) => b.kind === "heading");
    if (heading?.kind === "heading") title = plainText(heading.inlines);
  }
  return { blocks: out, title, diagnostics };
}
