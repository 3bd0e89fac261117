// Bullets pasted from a word processor arrive as characters, not markdown: "•\tFirst",
// "◦ Second", "▪ Third", "– Fourth". A markdown-it block rule reads a run of such lines
// as one bullet list, "◦" and "▪" lines nested under it (it may interrupt a paragraph,
// as a markdown list can), so the source is never rewritten and positions stay true.
import type MarkdownIt from "markdown-it";
type Md = InstanceType<typeof MarkdownIt>;
type BlockRule = Parameters<Md["block"]["ruler"]["before"]>[2];
type StateBlock = Parameters<BlockRule>[0];

const MARKERS = new Set(["•", "◦", "▪", "‣", "●", "○", "■", "–"]);

/** The offset right after "• " / "•\t" on this line, or -1. */
function markerEnd(state: StateBlock, line: number): number {
  if (line >= state.lineMax || state.sCount[line]! - state.blkIndent >= 4) return -1;
  const pos = state.bMarks[line]! + state.tShift[line]!;
  const max = state.eMarks[line]!;
  const marker = state.src[pos] ?? "";
  if (!MARKERS.has(marker) || pos + 1 >= max) return -1;
  const after = state.src[pos + 1];
  if (after !== " " && after !== "\t") return -1;
  let end = pos + 1;
  while (end < max && (state.src[end] === " " || state.src[end] === "\t")) end++;
  return end < max ? end : -1;
}

/** Word's default levels: "•" first, "◦"/"○" second, "▪"/"■"/"‣" third. */
function levelOf(marker: string): number {
  return marker === "◦" || marker === "○" ? 2 : marker === "▪" || marker === "■" || marker === "‣" ? 3 : 1;
}

function pastedBullets(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (markerEnd(state, startLine) < 0) return false;
  if (silent) return true;
  // Levels relative to the first line, never deeper than one below the item above.
  const marker = (line: number) => state.src[state.bMarks[line]! + state.tShift[line]!] ?? "";
  const base = levelOf(marker(startLine)) - 1;
  const open: Array<{ level: number; map: [number, number] }> = [];
  const openList = (line: number, level: number) => {
    const token = state.push("bullet_list_open", "ul", 1);
    token.markup = "•";
    const map: [number, number] = [line, line];
    token.map = map;
    open.push({ level, map });
  };
  const closeItem = () => state.push("list_item_close", "li", -1);
  const closeList = (line: number) => {
    const list = open.pop();
    if (list) list.map[1] = line;
    state.push("bullet_list_close", "ul", -1);
  };
  let line = startLine;
  for (; line < endLine; line++) {
    const start = markerEnd(state, line);
    if (start < 0) break;
    const top = open[open.length - 1]?.level ?? 0;
    const level = Math.max(1, Math.min(levelOf(marker(line)) - base, top + 1));
    while ((open[open.length - 1]?.level ?? 0) > level) {
      closeItem();
      closeList(line);
    }
    if ((open[open.length - 1]?.level ?? 0) === level) closeItem();
    else openList(line, level);
    const item = state.push("list_item_open", "li", 1);
    item.markup = "•";
    item.map = [line, line + 1];
    const p = state.push("paragraph_open", "p", 1);
    p.hidden = true;
    p.map = [line, line + 1];
    const inline = state.push("inline", "", 0);
    inline.content = state.src.slice(start, state.eMarks[line]).trim();
    inline.map = [line, line + 1];
    inline.children = [];
    state.push("paragraph_close", "p", -1).hidden = true;
  }
  while (open.length > 0) {
    closeItem();
    closeList(line);
  }
  state.line = line;
  return true;
}

export function pastedBulletsPlugin(md: Md): void {
  md.block.ruler.before("paragraph", "pasted_bullets", pastedBullets, { alt: ["paragraph", "reference", "blockquote"] });
}
