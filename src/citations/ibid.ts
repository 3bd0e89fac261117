// "Ibid." and "Id." mean the source cited just before: earlier in the same note, or in
// the previous note. Resolved after every other citation, in note order. A note that is
// itself a full reference ("[^1]: Betts, A. (2022). *Title*.") is the source a following
// "Ibid." means (note-entries.ts).
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Brief, CiteItem } from "../model/brief.js";
import type { NoteEntry } from "./note-entries.js";

/** A source: an index in brief.sources (≥ 0), or a reference kept in a note (-1 - its index in `notes`). */
type Ref = number;

export function resolveIbid(
  brief: Brief,
  useCount: number[],
  notes: readonly NoteEntry[] = [],
  inNotes: ReadonlyMap<CiteItem, number> = new Map(),
  listed: ReadonlyArray<number | undefined> = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const order = new Map(brief.citations.map((c, i) => [c, i]));
  const entry = (ref: Ref) => (ref >= 0 ? brief.sources[ref] : notes[-1 - ref]?.entry);
  let previousNote: Ref | undefined;
  let previousAll: Ref[] = [];
  for (const note of [...brief.footnotes].sort((a, b) => a.number - b.number)) {
    const cites = brief.citations.filter((c) => c.note === note.number).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0) || a.span.start.column - b.span.start.column);
    // The note's own full references come first: "Ibid." in a later note means the last of them.
    const own = notes.flatMap((n, k) => (n.note === note.number ? [listed[k] ?? -1 - k] : []));
    let last: Ref | undefined = own[own.length - 1];
    const all: Ref[] = [...own];
    for (const item of cites.flatMap((c) => c.items)) {
      if (!item.ibid) {
        const ref = item.sourceIndex ?? (inNotes.has(item) ? -1 - (inNotes.get(item) ?? 0) : undefined);
        if (ref !== undefined) all.push((last = ref));
        continue;
      }
      const distinct = [...new Set(previousAll)];
      if (last === undefined && distinct.length > 1) {
        // "Ibid." after a note citing two works could mean either.
        const names = distinct.map((i) => `"${entry(i)?.authors[0]?.family ?? ""} ${entry(i)?.year ?? ""}"`);
        out.push(diagnostic(brief.file, item.span, "warning", "citation/ambiguous", `"Ibid." could be ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]} (note ${note.number})`, ["name the source: Author Year, page"]));
        for (const i of distinct) if (i >= 0) useCount[i] = (useCount[i] ?? 0) + 1;
        continue;
      }
      const source = last ?? previousNote;
      if (source === undefined) {
        out.push(diagnostic(brief.file, item.span, "error", "citation/unresolved", `"Ibid." has no source before it (note ${note.number})`, ["name the source: Author Year, page"]));
        continue;
      }
      if (source >= 0) {
        item.sourceIndex = source;
        useCount[source] = (useCount[source] ?? 0) + 1;
      }
      item.author = entry(source)?.authors[0]?.family ?? item.author;
      item.year = entry(source)?.year ?? item.year;
      last = source;
    }
    previousNote = last;
    previousAll = all.length > 0 ? all : last === undefined ? [] : [last];
  }
  // "Ibid." in the body, outside any note, has no "previous note": it is left as text.
  return out;
}
