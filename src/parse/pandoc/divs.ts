// Pandoc fenced divs as a markdown-it block rule: "::: note", "::: {.callout-tip}",
// "::: {#fig-map}", ":::: {.columns}". Unlike markdown-it-container, a div may hold
// divs fenced with the same number of colons: a fence with attributes opens one, a bare
// fence closes the innermost (Pandoc's rule). Colons inside code fences do not count.
import type MarkdownIt from "markdown-it";
import type { StateBlock } from "markdown-it";
import { parseAttributes, type Attributes } from "./attributes.js";

const OPEN = /^(:{3,})\s*(\{[^{}]*\}|[\w-]+(?:\s+[^\s].*)?)\s*:*\s*$/;
const CLOSE = /^:{3,}\s*$/;
const CODE_FENCE = /^(`{3,}|~{3,})/;

/** What an opening fence says: its attributes ("note" reads as the class "note"). */
export function divAttributes(params: string): Attributes | null {
  const p = params.trim();
  if (p.startsWith("{")) return parseAttributes(p.slice(1, -1));
  const [word = "", ...rest] = p.split(/\s+/);
  // "::: note Some title": the words after the class are kept as its title.
  return { classes: [word], pairs: rest.length ? { title: rest.join(" ") } : {} };
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

type Md = InstanceType<typeof MarkdownIt>;

export function fencedDivs(md: Md): void {
  md.block.ruler.before("fence", "fenced_div", (state, startLine, endLine, silent) => {
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const open = OPEN.exec(lineText(state, startLine));
    if (!open) return false;
    const params = open[2] ?? "";
    const attrs = divAttributes(params);
    if (!attrs) return false;
    if (silent) return true;
    let depth = 1;
    let code: string | null = null;
    let next = startLine;
    let closed = false;
    while (++next < endLine) {
      const text = lineText(state, next);
      if (text && state.sCount[next]! < state.blkIndent) break;
      const fence = CODE_FENCE.exec(text)?.[1];
      if (code) {
        if (fence && fence[0] === code[0] && fence.length >= code.length && text.trim() === fence) code = null;
        continue;
      }
      if (fence) {
        code = fence;
        continue;
      }
      if (CLOSE.test(text)) depth--;
      else if (OPEN.test(text) && divAttributes(OPEN.exec(text)?.[2] ?? "")) depth++;
      if (depth === 0) {
        closed = true;
        break;
      }
    }
    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    state.parentType = "container" as StateBlock["parentType"];
    state.lineMax = next;
    const opening = state.push("container_callout_open", "div", 1);
    opening.markup = open[1] ?? ":::";
    opening.block = true;
    opening.info = params;
    opening.meta = attrs;
    opening.map = [startLine, next];
    state.md.block.tokenize(state, startLine + 1, next);
    const closing = state.push("container_callout_close", "div", -1);
    closing.block = true;
    state.parentType = oldParent;
    state.lineMax = oldLineMax;
    state.line = next + (closed ? 1 : 0);
    return true;
  }, { alt: ["paragraph", "reference", "blockquote", "list"] });
}
