// The most common NGO style keeps full references in the footnotes ("[^2]: Betts, A.,
// Omata, N., & Sterck, O. (2022). *Self-Reliance…*"): the notes are the bibliography. A
// footnote that reads as a full reference (names, a year and a title, as a list entry
// would) is an entry an author-date mention in the text may name ("Betts et al. (2022)"),
// and a source a later "Ibid." may mean. Such entries are never printed as a list and
// never "uncited": the note's own marker cites them.
import type { Brief, Footnote, SourceEntry } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import { parseSourceEntry, type ParsedEntry } from "./sources.js";

export interface NoteEntry {
  entry: SourceEntry;
  /** The footnote's number. */
  note: number;
}

/** "See", "See also", "Cf.", "Source:" before the reference. */
const LEAD = /^\s*(?:(?:see also|see|cf\.|compare|e\.g\.,?|for example,?|sources?:|quoted in)\s+)/iu;

/** A full reference: names, a year, and a title of words (not "45" or "p. 12", as a short note has). */
function readsAsReference(parsed: ParsedEntry): boolean {
  const titleWords = parsed.title.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !/^(?:pp?|para|ch|chap|sec)\.?$/iu.test(w));
  // "Oduya et al. 2022, 40; interviews…": a page after the year is a short note's locator.
  const locator = /^(?:pp?\.\s*)?\d[\d\u2013-]*(?:[;,.]|$)/u.test(parsed.title);
  return parsed.authors.length > 0 && parsed.year !== "" && titleWords.length >= 2 && !locator;
}

function fromNote(note: Footnote): NoteEntry[] {
  const out: NoteEntry[] = [];
  for (const block of note.blocks) {
    if (block.kind !== "paragraph") continue;
    const text = plainText(block.inlines).replace(/\s+/g, " ").trim();
    // "Betts, A. (2022). Title. Press; Okafor, C. (2019). Title.": one entry per reference.
    for (const part of text.split(/;\s+(?=\p{Lu})/u)) {
      const body = part.replace(LEAD, "").trim();
      const parsed = parseSourceEntry(body);
      if (!readsAsReference(parsed)) continue;
      out.push({
        note: note.number,
        entry: { inlines: [{ kind: "text", text: body }], text: body, ...parsed, furtherReading: false, span: { start: block.at, end: block.at } },
      });
    }
  }
  return out;
}

/** Every full reference written in a footnote, in note order. */
export function noteEntries(brief: Brief): NoteEntry[] {
  return [...brief.footnotes].sort((a, b) => a.number - b.number).flatMap(fromNote);
}
