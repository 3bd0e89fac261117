// Tables: column widths from content, wide tables set smaller or turned a quarter, and
// the structure (Table > TR > TH/TD) every cell belongs to.
import type { Block, Inline } from "../../model/brief.js";
import { loadPackage } from "../../world/packages.js";
import { plainText } from "../../model/plain-text.js";
import type { FlowContext } from "./text-item.js";
import { breakLines, type Line } from "./lines.js";
import type { FlowItem, StructRef } from "./plan.js";
import { toRuns } from "./runs.js";
import { STYLES } from "./style.js";

type TableBlock = Extract<Block, { kind: "table" }>;

/**
 * A table much wider than long (40 columns, 4 rows) cannot be read at any type size on a
 * portrait page; turned a quarter (rows become columns) it reads as an ordinary table.
 */
const MAX_COLUMNS = 12;

function transpose(block: TableBlock): TableBlock {
  const count = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const grid = [block.header, ...block.rows];
  const columns = Array.from({ length: count }, (_, c) => grid.map((row) => row[c] ?? []));
  const [header = [], ...rows] = columns;
  return { ...block, header, rows, align: header.map(() => "left") };
}

export function flowTable(original: TableBlock, ctx: FlowContext, indent: number, parents: StructRef[]): FlowItem {
  const wide = Math.max(original.header.length, ...original.rows.map((r) => r.length));
  const block = wide > MAX_COLUMNS && original.rows.length + 1 < wide ? transpose(original) : original;
  const count = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const pad = count > 10 ? 2 : 4;
  // Wide tables set smaller (down to 6 pt) so their cells still hold a few characters a line.
  const scale = Math.max(6 / STYLES.table.size, Math.min(1, 8 / count));
  const bodyStyle = { ...STYLES.table, size: STYLES.table.size * scale, leading: STYLES.table.leading * scale };
  const headStyle = { ...STYLES.tableHead, size: bodyStyle.size, leading: bodyStyle.leading };
  const natural = Array.from({ length: count }, (_, c) =>
    Math.max(20, ...[block.header[c] ?? [], ...block.rows.map((r) => r[c] ?? [])].map((cell) => ctx.fonts.width(plainText(cell), "sans", bodyStyle.size))),
  );
  const total = natural.reduce((a, b) => a + Math.sqrt(b), 0);
  const available = ctx.width - indent;
  const shares = natural.map((n) => (Math.sqrt(n) / total) * available);
  // No column narrower than its longest word ("Region", "Senegal"), when the table allows it.
  const longest = Array.from({ length: count }, (_, c) =>
    Math.max(
      0,
      ...[block.header[c] ?? [], ...block.rows.map((r) => r[c] ?? [])].map((cellInlines, r) =>
        longestWord(cellInlines, (w) => ctx.fonts.width(w, r === 0 ? headStyle.face : bodyStyle.face, bodyStyle.size)),
      ),
    ) + 2 * pad + 1,
  );
  const fits = longest.reduce((a, b) => a + b, 0) <= available;
  const columns = fits ? atLeast(shares, longest) : shares;
  const cell = (inlines: Inline[], c: number, head: boolean): Line[] => {
    const width = Math.max(8, (columns[c] ?? 40) - 2 * pad);
    const style = head ? headStyle : bodyStyle;
    // Too narrow even so: break long words at hyphenation points, each break with its hyphen.
    const text = fits ? inlines : hyphenateWide(inlines, width, (w) => ctx.fonts.width(w, style.face, style.size));
    return breakLines(toRuns(text, style), ctx.fonts, { width, leading: bodyStyle.leading, direction: ctx.direction });
  };
  const table = ctx.ids.next("Table");
  const rowCount = 1 + block.rows.length;
  const rowTags = Array.from({ length: rowCount }, () => ctx.ids.next("TR"));
  const cellTags = rowTags.map((_, r) => Array.from({ length: count }, () => (r === 0 ? ctx.ids.next("TH", { scope: "Column" }) : ctx.ids.next("TD"))));
  return {
    type: "table",
    columns,
    header: Array.from({ length: count }, (_, c) => cell(block.header[c] ?? [], c, true)),
    rows: block.rows.map((r) => Array.from({ length: count }, (_, c) => cell(r[c] ?? [], c, false))),
    align: Array.from({ length: count }, (_, c) => block.align[c] ?? "left"),
    pad,
    path: [...parents, table],
    rowTags,
    cellTags,
    spaceBefore: 4,
    spaceAfter: 10,
  };
}

const WORD_SPLIT = /\s+|(?<=-)/u;

function longestWord(inlines: Inline[], width: (word: string) => number): number {
  return Math.max(0, ...plainText(inlines).split(WORD_SPLIT).filter(Boolean).map(width));
}

/** Raises columns to their minimum, taking the room from columns above theirs, in proportion. */
function atLeast(shares: number[], minimum: number[]): number[] {
  const deficit = shares.reduce((a, s, i) => a + Math.max(0, (minimum[i] ?? 0) - s), 0);
  const slack = shares.reduce((a, s, i) => a + Math.max(0, s - (minimum[i] ?? 0)), 0);
  if (deficit === 0 || slack <= 0) return shares;
  return shares.map((s, i) => {
    const min = minimum[i] ?? 0;
    return s <= min ? min : min + (s - min) * (1 - deficit / slack);
  });
}

const SHY = "\u00ad";
/** Longer than any word a hyphenation pattern would split. */
export const LONGEST_WORD = 64;
type Hyphenate = (text: string, options?: { minWordLength?: number }) => string;
let hyphenator: Hyphenate | undefined;

/** Soft hyphens in every word wider than `width`: at its hyphenation points, then wherever it must break. */
function hyphenateWide(inlines: Inline[], width: number, measure: (w: string) => number): Inline[] {
  const word = (w: string): string => {
    if (measure(w) <= width) return w;
    hyphenator ??= loadPackage<{ hyphenateSync: Hyphenate }>("hyphen/en-gb/index.js").hyphenateSync;
    // The patterns take time growing with the square of a word's length: past the longest
    // real words (a URL, a pasted hash) they find nothing anyway, so cut those to fit directly.
    const parts = w.length > LONGEST_WORD ? [w] : hyphenator(w, { minWordLength: 4 }).split(SHY);
    // A part still too wide (a long number, a name the patterns cannot split) is cut to fit,
    // and each cut still shows its hyphen.
    const pieces = parts.flatMap((p) => {
      if (measure(`${p}-`) <= width) return [p];
      const out: string[] = [];
      let chunk = "";
      for (const ch of p) {
        if (chunk && measure(`${chunk}${ch}-`) > width) {
          out.push(chunk);
          chunk = "";
        }
        chunk += ch;
      }
      return chunk ? [...out, chunk] : out;
    });
    return pieces.join(SHY);
  };
  return inlines.map((i): Inline => {
    if (i.kind === "text") return { ...i, text: i.text.split(/(\s+)/).map((t) => (/\s/.test(t) ? t : word(t))).join("") };
    if (i.kind === "strong" || i.kind === "em" || i.kind === "mark" || i.kind === "lang") return { ...i, children: hyphenateWide(i.children, width, measure) };
    return i;
  });
}
