// Place: flow items → pages. Keep-with-next for headings, no widows or orphans, short
// quotes and boxes kept whole, table headers repeated, figures never split. Pure.
import type { Line } from "./lines.js";
import type { FlowItem, PagePlan, Placed, TableItem, TextItem } from "./plan.js";
import type { PageGeometry } from "./style.js";
import { COLOURS } from "./style.js";

const MIN_LINES = 2;
const CELL_PAD = 4;

export function paginate(items: readonly FlowItem[], geo: PageGeometry): PagePlan[] {
  const pages: PagePlan[] = [];
  let page: PagePlan = { kind: "body", items: [] };
  let y = geo.top;
  const newPage = () => {
    pages.push(page);
    page = { kind: "body", items: [] };
    y = geo.top;
  };
  const atTop = () => y === geo.top;
  const room = () => geo.bottom - y;

  items.forEach((item, index) => {
    if (item.type === "figure") {
      const need = item.height + item.caption.reduce((h, l) => h + l.height, 0) + item.spaceBefore;
      if (!atTop() && need > room()) newPage();
      if (!atTop()) y += item.spaceBefore;
      page.items.push({ type: "image", x: geo.left + (geo.textWidth - item.width) / 2, y, w: item.width, h: item.height, image: item.image, alt: item.alt });
      y += item.height + 3;
      for (const line of item.caption) {
        page.items.push({ type: "line", x: geo.left, y, line, role: "Caption", item: index, groups: [] });
        y += line.height;
      }
      y += item.spaceAfter;
      return;
    }
    if (item.type === "table") {
      placeTable(item, index);
      return;
    }
    const next = items[index + 1];
    const lines = item.lines;
    const pad = item.box?.pad ?? 0;
    let need = heightOf(lines.slice(0, item.keepTogether || lines.length < 2 * MIN_LINES ? lines.length : MIN_LINES)) + 2 * pad;
    if (item.keepWithNext && next) need += firstLinesHeight(next);
    if (!atTop() && need + item.spaceBefore > room()) newPage();
    if (!atTop()) y += item.spaceBefore;
    if (item.anchor) page.items.push({ type: "dest", name: item.anchor, y });
    if (item.outline && item.anchor) page.items.push({ type: "outline", title: item.outline.title, level: item.outline.level, dest: item.anchor });

    let start = 0;
    while (start < lines.length) {
      const fits = countFitting(lines, start, room() - 2 * pad);
      let take = Math.min(fits, lines.length - start);
      const remaining = lines.length - start;
      if (take < remaining && !item.keepTogether) {
        // Widows and orphans: leave at least two lines on each side of a break.
        take = Math.min(take, remaining - MIN_LINES);
        if (take < MIN_LINES) take = 0;
      } else if (take < remaining) take = 0;
      if (take === 0) {
        if (atTop()) take = Math.max(1, fits); // nothing fits anywhere: place what we can
        else {
          newPage();
          continue;
        }
      }
      const slice = lines.slice(start, start + take);
      const h = heightOf(slice);
      if (item.box) page.items.push({ type: "rect", x: geo.left + item.indent - pad - (item.label ? 24 : 0), y, w: geo.textWidth - item.indent + pad * 2 + (item.label ? 24 : 0) - pad, h: h + 2 * pad, fill: item.box.fill });
      if (item.bar) page.items.push({ type: "rect", x: geo.left + item.bar.x, y: y + 2, w: 2, h: h - 4, fill: item.bar.color });
      y += pad;
      slice.forEach((line, i) => {
        if (start + i === 0 && item.label) page.items.push({ type: "line", x: geo.left + item.label.x, y, line: item.label.line, role: "LI", item: index, groups: [...item.groups, "Lbl"] });
        page.items.push({ type: "line", x: geo.left + item.indent, y, line, role: item.role, item: index, groups: item.groups });
        if (item.pageRef && start + i === 0) page.items.push({ type: "pageRef", dest: item.pageRef, x: geo.left + geo.textWidth, y, line });
        y += line.height;
      });
      y += pad;
      start += take;
      if (start < lines.length) newPage();
    }
    y += item.spaceAfter;
  });
  pages.push(page);
  return pages.filter((p, i) => p.items.length > 0 || i === 0);

  function placeTable(table: TableItem, index: number): void {
    const rowHeight = (row: Line[][]) => Math.max(...row.map(heightOf)) + 2 * CELL_PAD;
    const headH = rowHeight(table.header);
    const drawRow = (row: Line[][], head: boolean) => {
      const h = rowHeight(row);
      if (head) page.items.push({ type: "rect", x: geo.left, y, w: geo.textWidth, h, fill: COLOURS.boxFill });
      page.items.push({ type: "rect", x: geo.left, y: y + h - 0.5, w: geo.textWidth, h: 0.5, fill: COLOURS.rule });
      let x = geo.left;
      row.forEach((cell, c) => {
        let cy = y + CELL_PAD;
        for (const line of cell) {
          page.items.push({ type: "line", x: x + CELL_PAD, y: cy, line, role: "Table", item: index, groups: ["Table", head ? "TH" : "TD"] });
          cy += line.height;
        }
        x += table.columns[c] ?? 0;
      });
      y += h;
    };
    if (!atTop() && headH + (table.rows[0] ? rowHeight(table.rows[0]) : 0) + table.spaceBefore > room()) newPage();
    if (!atTop()) y += table.spaceBefore;
    drawRow(table.header, true);
    for (const row of table.rows) {
      if (rowHeight(row) > room() && !(y === geo.top + headH)) {
        newPage();
        drawRow(table.header, true);
      }
      drawRow(row, false);
    }
    y += table.spaceAfter;
  }
}

function heightOf(lines: readonly Line[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}

function countFitting(lines: readonly Line[], start: number, room: number): number {
  let h = 0;
  let n = 0;
  for (let i = start; i < lines.length; i++) {
    h += lines[i]?.height ?? 0;
    if (h > room + 0.01) break;
    n++;
  }
  return n;
}

function firstLinesHeight(item: FlowItem): number {
  if (item.type === "text") return item.spaceBefore + heightOf(item.lines.slice(0, MIN_LINES)) + 2 * (item.box?.pad ?? 0);
  if (item.type === "figure") return item.spaceBefore + item.height;
  return item.spaceBefore + 40;
}

export type { TextItem };
