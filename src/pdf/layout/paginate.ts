// Place: flow items → pages. Every heading kept with two lines of what follows, no widows
// or orphans, boxes of up to ten lines kept whole (longer ones leave three lines each
// side of a break), table headers repeated, figures never split and floated past the
// paragraphs after them rather than leaving a page part empty, footnotes at the foot of
// the page that calls them. Pure: no PDF is written here.
import type { Line } from "./lines.js";
import type { FigureItem, FlowItem, PagePlan, TableItem, Tag, TextItem } from "./plan.js";
import type { PageGeometry } from "./style.js";
import type { Colours } from "../../brand/palette.js";

/** Lines a paragraph leaves on each side of a page break, and a heading takes along. */
const MIN_LINES = 2;
/** A box (recommendation, callout, code) this short is never split… */
const BOX_WHOLE_LINES = 10;
/** …and a longer one leaves this many lines on each side of the break. */
const BOX_MIN_LINES = 3;
/** Space between the text and the footnote rule, and the rule itself. */
const NOTE_SEPARATOR = 14;

export interface PaginateOptions {
  /** Footnote bodies by number, placed at the foot of the page that first calls them. */
  footnotes?: ReadonlyMap<number, TextItem>;
  /** Rules and table-header fills, from the document's palette. */
  colours: Pick<Colours, "rule" | "boxFill">;
}

/** Footnote numbers a line calls (its superscript markers link to "note-N"). */
export function notesCalled(line: Line): number[] {
  return line.fragments.flatMap((f) => (f.style.role === "Note" && f.style.link?.kind === "dest" ? [Number(f.style.link.name.replace("note-", ""))] : []));
}

export function paginate(items: readonly FlowItem[], geo: PageGeometry, options: PaginateOptions): PagePlan[] {
  const COLOURS = options.colours;
  const footnotes = options.footnotes ?? new Map<number, TextItem>();
  const pages: PagePlan[] = [];
  let page: PagePlan = { kind: "body", items: [] };
  let y = geo.top;
  let pageNotes: number[] = [];
  const placedNotes = new Set<number>();

  const noteHeight = (n: number) => heightOf(footnotes.get(n)?.lines ?? []) + 2;
  const reserved = () => (pageNotes.length ? NOTE_SEPARATOR + pageNotes.reduce((h, n) => h + noteHeight(n), 0) : 0);
  /** Extra height a line brings: the notes it calls that are not yet placed. */
  const extraFor = (line: Line, pending: Set<number>) => {
    let extra = 0;
    for (const n of notesCalled(line)) {
      if (placedNotes.has(n) || pageNotes.includes(n) || pending.has(n) || !footnotes.has(n)) continue;
      if (pageNotes.length === 0 && pending.size === 0) extra += NOTE_SEPARATOR;
      pending.add(n);
      extra += noteHeight(n);
    }
    return extra;
  };
  const placeNotes = () => {
    if (pageNotes.length === 0) return;
    let ny = geo.bottom - reserved() + NOTE_SEPARATOR;
    page.items.push({ type: "rect", x: geo.left, y: ny - 7, w: 72, h: 0.5, fill: COLOURS.rule });
    for (const n of pageNotes) {
      const note = footnotes.get(n);
      if (!note) continue;
      if (note.anchor) page.items.push({ type: "dest", name: note.anchor, y: ny });
      for (const line of note.lines) {
        page.items.push({ type: "line", x: geo.left + note.indent, y: ny, line, tag: note.tag });
        ny += line.height;
      }
      ny += 2;
      placedNotes.add(n);
    }
    pageNotes = [];
  };
  const newPage = () => {
    placeNotes();
    pages.push(page);
    page = { kind: "body", items: [] };
    y = geo.top;
    const figure = floating;
    floating = null;
    if (figure) placeFigure(figure);
  };
  const atTop = () => y === geo.top;
  const room = () => geo.bottom - reserved() - y;
  /** How many lines from `start` fit in `space`, counting the footnotes they call. */
  const countFitting = (lines: readonly Line[], start: number, space: number): number => {
    let h = 0;
    let n = 0;
    const pending = new Set<number>();
    for (let i = start; i < lines.length; i++) {
      const line = lines[i];
      if (!line) break;
      h += line.height + extraFor(line, pending);
      if (h > space + 0.01) break;
      n++;
    }
    return n;
  };
  const placeLine = (line: Line, x: number, tag: Tag) => {
    page.items.push({ type: "line", x, y, line, tag });
    for (const n of notesCalled(line)) if (footnotes.has(n) && !placedNotes.has(n) && !pageNotes.includes(n)) pageNotes.push(n);
    y += line.height;
  };

  /** A figure that did not fit at the foot of a page, waiting for the next page's top. */
  let floating: FigureItem | null = null;
  const placeFigure = (item: FigureItem) => {
    if (!atTop()) y += item.spaceBefore;
    page.items.push({ type: "image", x: geo.left + (geo.textWidth - item.width) / 2, y, w: item.width, h: item.height, image: item.image, alt: item.alt, tag: item.tag });
    y += item.height + 3;
    for (const line of item.caption) placeLine(line, geo.left, item.captionTag);
    y += item.spaceAfter;
  };
  /** Puts a floating figure down before anything that must not pass it (a heading, a table). */
  const landFloat = () => {
    const figure = floating;
    if (!figure) return;
    floating = null;
    if (!atTop() && figureHeight(figure) > room()) newPage();
    placeFigure(figure);
  };

  items.forEach((item, index) => {
    if (item.type === "figure") {
      landFloat();
      if (!atTop() && figureHeight(item) > room()) {
        // Paragraphs that follow move ahead of it and fill this page; it opens the next.
        if (isProse(items[index + 1])) {
          floating = item;
          return;
        }
        newPage();
      }
      placeFigure(item);
      return;
    }
    if (item.type === "table" || item.keepWithNext) landFloat();
    if (item.type === "table") {
      placeTable(item);
      return;
    }
    if (item.pageBreak) {
      if (!atTop()) newPage();
      return;
    }
    const lines = item.lines;
    const pad = item.box?.pad ?? 0;
    const min = minLines(item);
    let need = leadHeight(item) - item.spaceBefore;
    if (item.keepWithNext) need += item.spaceAfter + followingHeight(items, index + 1);
    if (!atTop() && need + item.spaceBefore > room()) newPage();
    if (!atTop()) y += item.spaceBefore;
    if (item.anchor) page.items.push({ type: "dest", name: item.anchor, y });
    if (item.outline && item.anchor) page.items.push({ type: "outline", title: item.outline.title, level: item.outline.level, dest: item.anchor });

    let start = 0;
    while (start < lines.length) {
      const fits = countFitting(lines, start, room() - 2 * pad);
      let take = Math.min(fits, lines.length - start);
      const remaining = lines.length - start;
      if (take < remaining && !unsplittable(item)) {
        // Widows and orphans: leave at least two lines (a box: three) on each side of a break.
        take = Math.min(take, remaining - min);
        if (take < min) take = 0;
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
        if (start + i === 0 && item.label) page.items.push({ type: "line", x: geo.left + item.label.x, y, line: item.label.line, tag: item.label.tag });
        if (item.pageRef && start + i === 0) page.items.push({ type: "pageRef", dest: item.pageRef, x: geo.left + geo.textWidth, y, line, tag: item.tag });
        placeLine(line, geo.left + item.indent, item.tag);
      });
      y += pad;
      start += take;
      if (start < lines.length) newPage();
    }
    y += item.spaceAfter;
  });
  landFloat();
  placeNotes();
  pages.push(page);
  return pages.filter((p, i) => p.items.length > 0 || i === 0);

  function placeTable(table: TableItem): void {
    const pad = table.pad;
    const rowHeight = (row: Line[][]) => rowHeightOf(row, pad);
    const headH = rowHeight(table.header);
    /** `repeat`: a header row drawn again on a later page is decoration, not content. */
    const drawRow = (row: Line[][], r: number, repeat: boolean) => {
      const h = rowHeight(row);
      if (r === 0) page.items.push({ type: "rect", x: geo.left, y, w: geo.textWidth, h, fill: COLOURS.boxFill });
      page.items.push({ type: "rect", x: geo.left, y: y + h - 0.5, w: geo.textWidth, h: 0.5, fill: COLOURS.rule });
      let x = geo.left;
      row.forEach((cell, c) => {
        const tag = repeat ? "artifact" : [...table.path, table.rowTags[r]!, table.cellTags[r]![c]!];
        let cy = y + pad;
        const inner = (table.columns[c] ?? 0) - 2 * pad;
        for (const line of cell) {
          const slack = Math.max(0, inner - line.width);
          const shift = table.align[c] === "right" ? slack : table.align[c] === "center" ? slack / 2 : 0;
          page.items.push({ type: "line", x: x + pad + shift, y: cy, line, tag });
          cy += line.height;
        }
        x += table.columns[c] ?? 0;
      });
      y += h;
    };
    if (!atTop() && leadHeight(table) > room()) newPage();
    if (!atTop()) y += table.spaceBefore;
    drawRow(table.header, 0, false);
    table.rows.forEach((row, r) => {
      if (rowHeight(row) > room() && y !== geo.top + headH) {
        newPage();
        drawRow(table.header, 0, true);
      }
      drawRow(row, r + 1, false);
    });
    y += table.spaceAfter;
  }
}

function heightOf(lines: readonly Line[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}

function rowHeightOf(row: readonly Line[][], pad: number): number {
  return Math.max(...row.map(heightOf)) + 2 * pad;
}

function minLines(item: TextItem): number {
  return item.box ? BOX_MIN_LINES : MIN_LINES;
}

/** Kept whole: marked so by the flow, a box of up to ten lines, or too short to split. */
function unsplittable(item: TextItem): boolean {
  return item.keepTogether || (item.box !== undefined && item.lines.length <= BOX_WHOLE_LINES) || item.lines.length < 2 * minLines(item);
}

/** The least of an item that must start on the page it starts on. */
function leadHeight(item: FlowItem): number {
  if (item.type === "figure") return figureHeight(item);
  // A table starts with its header row and its first row.
  if (item.type === "table") return item.spaceBefore + rowHeightOf(item.header, item.pad) + (item.rows[0] ? rowHeightOf(item.rows[0], item.pad) : 0);
  const lines = unsplittable(item) ? item.lines : item.lines.slice(0, minLines(item));
  return item.spaceBefore + heightOf(lines) + 2 * (item.box?.pad ?? 0);
}

function figureHeight(item: FigureItem): number {
  return item.spaceBefore + item.height + 3 + heightOf(item.caption);
}

/**
 * What a heading takes along: the headings right under it and at least two lines of
 * text after them, gathered across items (a list of one-line notes or sources, say).
 */
function followingHeight(items: readonly FlowItem[], from: number): number {
  let h = 0;
  let lines = 0;
  for (let i = from; i < items.length && lines < MIN_LINES; i++) {
    const item = items[i];
    if (!item) break;
    if (item.type !== "text") return h + leadHeight(item);
    if (item.keepWithNext) {
      h += item.spaceBefore + heightOf(item.lines) + item.spaceAfter;
      continue;
    }
    const taken = unsplittable(item) ? item.lines : item.lines.slice(0, minLines(item));
    h += item.spaceBefore + heightOf(taken) + 2 * (item.box?.pad ?? 0);
    lines += taken.length;
    if (lines < MIN_LINES) h += item.spaceAfter;
  }
  return h;
}

/** Text that may move ahead of a figure: anything but a heading. */
function isProse(item: FlowItem | undefined): boolean {
  return item?.type === "text" && !item.keepWithNext;
}
