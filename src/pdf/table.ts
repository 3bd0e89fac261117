// Tables: column widths from content, wide tables set smaller or turned a quarter, and
// the structure (Table > TR > TH/TD) every cell belongs to.
import type { Block, Inline } from "../model.js";
import { plainText } from "../parse.js";
import type { FlowContext } from "./flow.js";
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
  const columns = natural.map((n) => (Math.sqrt(n) / total) * available);
  const cell = (inlines: Inline[], c: number, head: boolean): Line[] =>
    breakLines(toRuns(inlines, head ? headStyle : bodyStyle), ctx.fonts, { width: Math.max(8, (columns[c] ?? 40) - 2 * pad), leading: bodyStyle.leading, direction: ctx.direction });
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
