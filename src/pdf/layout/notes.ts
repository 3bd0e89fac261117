// Notes keep every block the writer put in them: several paragraphs, a list, a quotation,
// code, even a table (as rows of text). A note is placed as one piece at the foot of its
// page (paginate.ts), so its blocks become the lines of one text item, each block indented
// as it would be in the body.
import type { Block, Footnote, Inline } from "../../model/brief.js";
import { plainText } from "../../model/plain-text.js";
import { breakLines, type Line, type Run } from "./lines.js";
import type { TextItem } from "./plan.js";
import { footnoteDest, toRuns } from "./runs.js";
import type { TextStyle } from "./style.js";
import { text, type FlowContext } from "./text-item.js";

const LIST_INDENT = 10;
const QUOTE_INDENT = 10;
/** Space above each block after the first, in points. */
const GAP = 2;

/** One note: its marker, its first paragraph, then every further block. */
export function noteItem(note: Footnote, ctx: FlowContext, marker: Run, hanging: number): TextItem {
  const style = ctx.look.styles.note;
  const [first, ...rest] = note.blocks;
  const opening = first?.kind === "paragraph";
  const item = text("Note", [marker, ...(opening ? toRuns(first.inlines, style) : [])], style, ctx, { anchor: footnoteDest(note.number), hanging });
  const width = ctx.width - item.indent;
  for (const block of opening ? rest : note.blocks) item.lines.push(...spaced(blockLines(block, ctx, style, width, 0)));
  return item;
}

function blockLines(block: Block, ctx: FlowContext, style: TextStyle, width: number, indent: number): Line[] {
  const lines = (runs: Run[], hang = 0) => shifted(breakLines(runs, ctx.fonts, { width: width - indent - hang, leading: style.leading, firstLineIndent: -hang, direction: ctx.direction }), indent + hang, hang);
  const plain = (inlines: Inline[]) => toRuns(inlines, style);
  switch (block.kind) {
    case "paragraph":
      return lines(plain(block.inlines));
    case "heading":
      return lines(toRuns(block.inlines, { ...style, face: "serif-bold" }));
    case "list":
      return block.items.flatMap((li, n) => {
        const mark = block.ordered ? `${block.start + n}. ` : "• ";
        const [head, ...more] = li.blocks;
        const first = head?.kind === "paragraph" ? lines([{ text: mark, style: { face: style.face, size: style.size, color: style.color } }, ...plain(head.inlines)], LIST_INDENT) : [];
        const others = (head?.kind === "paragraph" ? more : li.blocks).flatMap((b) => blockLines(b, ctx, style, width, indent + LIST_INDENT));
        return [...first, ...others];
      });
    case "quote":
    case "callout":
      return [...(block.kind === "callout" && block.title ? lines(toRuns(block.title, { ...style, face: "sans-bold" })) : []), ...spaced(block.blocks.flatMap((b) => blockLines(b, ctx, style, width, indent + QUOTE_INDENT)))];
    case "code":
    case "html":
      return block.text.split("\n").flatMap((l) => lines([{ text: l || " ", style: { face: "sans", size: style.size, color: style.color, noHyphen: true } }]));
    case "table":
      return [block.header, ...block.rows].filter((row) => row.length).flatMap((row) => lines([{ text: row.map((cell) => plainText(cell)).join("  |  "), style: { face: "sans", size: style.size, color: style.color } }]));
    case "figure":
      return [...block.blocks.flatMap((b) => blockLines(b, ctx, style, width, indent)), ...lines(toRuns(block.caption, { ...style, face: "sans-italic" }))];
    case "chunk":
    case "rule":
    case "pagebreak":
      return [];
  }
}

/** Lines moved right by `dx`; the first `hang` points back left (a list marker hangs). */
function shifted(lines: Line[], dx: number, hang: number): Line[] {
  lines.forEach((line, i) => line.fragments.forEach((f) => (f.x += dx - (i === 0 ? hang : 0))));
  return lines;
}

/** A little space above a block's first line, so blocks read apart. */
function spaced(lines: Line[]): Line[] {
  const first = lines[0];
  if (first) lines[0] = { ...first, height: first.height + GAP, ascent: first.ascent + GAP };
  return lines;
}
