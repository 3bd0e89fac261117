// markdown-it gives block tokens line ranges and inline tokens nothing. This maps an
// offset inside an inline token's `content` back to a 1-based line:column in the file,
// once per inline token, so citations and images carry exact positions.
import type { Position } from "./diagnostics.js";

export class InlineLocator {
  private readonly lineStarts: number[] = [];
  private readonly lineColumns: number[] = [];

  /**
   * @param content   the inline token's content (lines joined by "\n", block markers stripped)
   * @param lines     the file's lines
   * @param firstLine 0-based line where the content starts
   * @param minColumn 0-based column to search from on the first line (table cells)
   */
  constructor(
    content: string,
    lines: readonly string[],
    private readonly firstLine: number,
    minColumn = 0,
  ) {
    let start = 0;
    content.split("\n").forEach((piece, k) => {
      const source = lines[firstLine + k] ?? "";
      const from = k === 0 ? minColumn : 0;
      // Block markers (indent, "> ", "- ") are stripped from the front of each line, so
      // the content line is normally found at the end of its source line.
      const trimmed = piece.replace(/\s+$/, "");
      let col = source.indexOf(trimmed, from);
      if (col < 0) col = from;
      this.lineStarts.push(start);
      this.lineColumns.push(col);
      start += piece.length + 1;
    });
  }

  positionAt(offset: number): Position {
    let k = this.lineStarts.length - 1;
    while (k > 0 && (this.lineStarts[k] ?? 0) > offset) k--;
    const column = (this.lineColumns[k] ?? 0) + (offset - (this.lineStarts[k] ?? 0)) + 1;
    return { line: this.firstLine + k + 1, column };
  }
}
