// A PPTX table's grid from its content: PowerPoint and LibreOffice take column widths as
// given and grow a row to fit its wrapped text, so the writer must choose the widths (no
// word broken inside a column) and know the rows' real heights (to put the caption under
// the table, not over its last rows).

/** Inches an average character of 15 pt Source Sans takes; bold header text is wider. */
const CHAR_W = 0.1;
const BOLD = 1.1;
/**
 * Row heights are counted in a wider face: an office suite without the embedded face
 * (LibreOffice without EOT support) draws the table in DejaVu Sans or Arial instead.
 */
const WRAP_CHAR_W = 0.118;
const LINE_H = 0.27;
/** Left and right cell margins (0.08 in each) and a little slack. */
const PAD = 0.24;
const ROW_MIN = 0.42;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** How many lines `text` takes in a column `width` inches wide, broken at spaces. */
function linesIn(text: string, width: number, charW: number): number {
  const room = Math.max(charW, width - PAD);
  let lines = 1;
  let used = 0;
  for (const word of words(text)) {
    const w = word.length * charW;
    const need = used === 0 ? w : used + charW + w;
    if (need <= room || used === 0) used = need;
    else {
      lines += 1;
      used = w;
    }
    // A word wider than the column is broken by the suite wherever it must.
    if (used > room) {
      lines += Math.ceil(used / room) - 1;
      used = used % room;
    }
  }
  return lines;
}

/**
 * Column widths (inches, summing to `width`) and row heights for `rows` of cell text, the
 * first row the header. Each column gets at least its longest word, then a share of what
 * is left by how long its cells run; rows are as tall as their tallest wrapped cell.
 */
export function tableGrid(rows: ReadonlyArray<readonly string[]>, width: number): { colW: number[]; rowH: number[] } {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const cw = (row: number) => (row === 0 ? CHAR_W * BOLD : CHAR_W);
  const column = (i: number) => rows.map((r, row) => ({ text: r[i] ?? "", charW: cw(row) }));
  // No column narrower than its longest word, nor wider than a 60-character line.
  const least = Array.from({ length: cols }, (_, i) => Math.max(0.6, ...column(i).flatMap((c) => words(c.text).map((w) => w.length * c.charW + PAD))));
  const natural = Array.from({ length: cols }, (_, i) => Math.max(least[i] ?? 0, ...column(i).map((c) => Math.min(60, c.text.length) * c.charW + PAD)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let colW: number[];
  if (sum(natural) <= width) colW = natural.map((n) => (n * width) / sum(natural));
  else if (sum(least) >= width) colW = least.map((n) => (n * width) / sum(least));
  else {
    // Every column has its longest word; the rest goes where text would otherwise wrap most.
    const extra = natural.map((n, i) => n - (least[i] ?? 0));
    colW = least.map((l, i) => l + ((width - sum(least)) * (extra[i] ?? 0)) / sum(extra));
  }
  colW = colW.map((w) => Math.round(w * 1000) / 1000);
  const rowH = rows.map((r, row) => {
    const lines = Math.max(1, ...colW.map((w, i) => linesIn(r[i] ?? "", w, row === 0 ? WRAP_CHAR_W * BOLD : WRAP_CHAR_W)));
    return Math.max(ROW_MIN, Math.round((lines * LINE_H + 0.16) * 1000) / 1000);
  });
  return { colW, rowH };
}
