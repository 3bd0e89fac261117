// "Ibid." and "Id." mean the source cited just before: earlier in the same note, or in
// the previous note. Resolved after every other citation, in note order.
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Brief } from "../model/brief.js";

export function resolveIbid(brief: Brief, useCount: number[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const order = new Map(brief.citations.map((c, i) => [c, i]));
  let previousNote: number | undefined;
  let previousAll: number[] = [];
  for (const note of [...brief.footnotes].sort((a, b) => a.number - b.number)) {
    const cites = brief.citations.filter((c) => c.note === note.number).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0) || a.span.start.column - b.span.start.column);
    let last: number | undefined;
    const all: number[] = [];
    for (const item of cites.flatMap((c) => c.items)) {
      if (!item.ibid) {
        if (item.sourceIndex !== undefined) all.push((last = item.sourceIndex));
        continue;
      }
      const distinct = [...new Set(previousAll)];
      if (last === undefined && distinct.length > 1) {
        // "Ibid." after a note citing two works could mean either.
        const names = distinct.map((i) => `"${brief.sources[i]?.authors[0]?.family ?? ""} ${brief.sources[i]?.year ?? ""}"`);
        out.push(diagnostic(brief.file, item.span, "warning", "citation/ambiguous", `"Ibid." could be ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]} (note ${note.number})`, ["name the source: Author Year, page"]));
        for (const i of distinct) useCount[i] = (useCount[i] ?? 0) + 1;
        continue;
      }
      const source = last ?? previousNote;
      if (source === undefined) {
        out.push(diagnostic(brief.file, item.span, "error", "citation/unresolved", `"Ibid." has no source before it (note ${note.number})`, ["name the source: Author Year, page"]));
        continue;
      }
      item.sourceIndex = source;
      item.author = brief.sources[source]?.authors[0]?.family ?? item.author;
      item.year = brief.sources[source]?.year ?? item.year;
      useCount[source] = (useCount[source] ?? 0) + 1;
      last = source;
    }
    previousNote = last;
    previousAll = all.length > 0 ? all : last === undefined ? [] : [last];
  }
  // "Ibid." in the body, outside any note, has no "previous note": it is left as text.
  return out;
}
