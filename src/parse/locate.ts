// markdown-it gives block tokens line ranges and inline tokens nothing. This maps an
// offset inside an inline token's `content` back to a 1-based line:column in the file,
// once per inline token, so citations and images carry exact positions.
import type { Position } from "../model/diagnostics.js";

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

const ENTITY = /^&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/i;

/** Offsets in `content` of each UTF-16 unit of `needle` placed at `start`, or null. */
export function alignAt(content: string, needle: string, start: number): number[] | null {
  const out: number[] = [];
  let i = start;
  for (let k = 0; k < needle.length; k++) {
    const c = needle[k];
    // "&amp;" decodes to "&": take the entity unless the source really has a bare "&".
    const entity = content[i] === "&" && ENTITY.test(content.slice(i, i + 12)) && !(c === "&" && needle[k + 1] === content[i + 1]);
    if (content[i] === c && !entity) {
      out.push(i++);
    } else if (content[i] === "\\" && content[i + 1] === c) {
      out.push(i + 1);
      i += 2;
    } else if (entity) {
      // One entity decodes to one or two UTF-16 units; both map to the entity's start.
      const length = ENTITY.exec(content.slice(i, i + 12))?.[0].length ?? 1;
      out.push(i);
      if (needle.codePointAt(k)! > 0xffff) out.push(i), k++;
      i += length;
    } else {
      return null;
    }
  }
  return out;
}
