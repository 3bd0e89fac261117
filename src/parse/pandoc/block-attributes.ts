// Attributes and captions that Pandoc attaches to blocks, read after markdown-it has
// parsed them as plain text: "# Intro {#sec-intro}", "![Map](m.png){#fig-map}", and a
// table's caption paragraph ("Table: …" or ": … {#tbl-x}") before or after it.
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { parseAttributes, trailingAttributes } from "./attributes.js";

type Md = InstanceType<typeof MarkdownIt>;

const CAPTION = /^(?:Table)?:\s+\S/i;

export function blockAttributes(md: Md): void {
  md.core.ruler.push("pandoc_attributes", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === "heading_open") headingAttributes(t, tokens[i + 1]);
      if (t.type === "inline") imageAttributes(t);
    }
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === "table_open") i = tableCaption(tokens, i);
  });
}

function headingAttributes(open: Token, inline: Token | undefined): void {
  if (!inline || inline.type !== "inline") return;
  const found = trailingAttributes(inline.content);
  const last = inline.children?.[inline.children.length - 1];
  if (!found || last?.type !== "text") return;
  const lastFound = trailingAttributes(last.content);
  if (!lastFound) return;
  last.content = last.content.slice(0, lastFound.start);
  inline.content = inline.content.slice(0, found.start);
  open.meta = found.attrs;
}

function imageAttributes(inline: Token): void {
  const children = inline.children ?? [];
  children.forEach((c, n) => {
    const next = children[n + 1];
    if (c.type !== "image" || next?.type !== "text" || !next.content.startsWith("{")) return;
    const end = next.content.indexOf("}");
    const attrs = end > 0 ? parseAttributes(next.content.slice(1, end), false) : null;
    if (!attrs) return;
    c.meta = attrs;
    next.content = next.content.slice(end + 1);
  });
}

/** Finds the table's caption, moves it onto table_open.meta.caption; returns the new index of table_open. */
function tableCaption(tokens: Token[], open: number): number {
  const table = tokens[open]!;
  let close = open;
  while (close < tokens.length && tokens[close]!.type !== "table_close") close++;
  const after = tokens[close + 2];
  if (tokens[close + 1]?.type === "paragraph_open" && after?.type === "inline" && CAPTION.test(after.content)) {
    table.meta = { caption: after };
    tokens.splice(close + 1, 3);
    return open;
  }
  // A caption written on the line right below the table reads as its last row.
  const lastRow = lastRowRange(tokens, open, close);
  if (lastRow) {
    const cells = tokens.slice(lastRow[0], lastRow[1]).filter((t) => t.type === "inline");
    const first = cells[0];
    if (first && CAPTION.test(first.content) && cells.slice(1).every((c) => !c.content.trim())) {
      first.map = tokens[lastRow[0]]!.map;
      table.meta = { caption: first };
      tokens.splice(lastRow[0], lastRow[1] - lastRow[0] + 1);
      return open;
    }
  }
  const before = tokens[open - 2];
  if (tokens[open - 3]?.type === "paragraph_open" && before?.type === "inline" && CAPTION.test(before.content)) {
    table.meta = { caption: before };
    tokens.splice(open - 3, 3);
    return open - 3;
  }
  return open;
}

function lastRowRange(tokens: Token[], open: number, close: number): [number, number] | null {
  let end = -1;
  for (let i = close; i > open; i--) {
    if (tokens[i]!.type === "tr_close" && end < 0) end = i;
    if (tokens[i]!.type === "thead_close") return null;
    if (tokens[i]!.type === "tr_open" && end >= 0) return [i, end];
  }
  return null;
}
