// Every kind of reference a run of prose can hold, found in one pass and in order:
// cross-references, Pandoc keys, author-date, numbered and note citations.
import { findCitations, type FoundCitation } from "./find.js";
import { findKeyCitations } from "./keys.js";
import { findNoteCitations } from "./notes.js";
import { findNumericCitations } from "./numeric.js";
import { findXrefs, type FoundXref } from "../parse/pandoc/xref-find.js";

/**
 * Cross-references, key, author-date, numeric and note citations in one run, in order.
 * Overlaps go to cross-references first ("@fig-map" is never a citation), then to keys.
 */
export function findAllCitations(text: string, narrative: boolean, numeric = false, inNote = false): Array<FoundCitation | FoundXref> {
  const xrefs = findXrefs(text);
  const overlaps = (c: { start: number; end: number }, list: ReadonlyArray<{ start: number; end: number }>) => list.some((k) => c.start < k.end && k.start < c.end);
  const keys = findKeyCitations(text).filter((c) => !overlaps(c, xrefs));
  const authorDate = findCitations(text, { narrative }).filter((c) => !overlaps(c, keys) && !overlaps(c, xrefs));
  const found = [...xrefs, ...keys, ...authorDate];
  // Issue 12: numbers when the list is numbered, bare author-year and Ibid. in notes.
  const numbers = numeric ? findNumericCitations(text).filter((c) => !overlaps(c, found)) : [];
  const notes = inNote ? findNoteCitations(text, [...found, ...numbers].map((c): [number, number] => [c.start, c.end])) : [];
  return [...found, ...numbers, ...notes].sort((a, b) => a.start - b.start);
}
