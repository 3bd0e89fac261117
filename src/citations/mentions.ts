// Styles that print no year in the text (MLA's "Healy offered…", Chicago notes'
// "McKinnon-Crowley[^11] described…") cite a work in prose by its author's name alone.
// Such a mention is a citation a reader follows to the list, so an entry named that way is
// not "never cited". Only for documents whose own citations carry no years: in author-date
// prose a bare name is not a citation.
import type { Block, Brief, Inline } from "../model/brief.js";
import { eachBlock } from "../model/walk.js";
import { plainText } from "../model/plain-text.js";
import { words } from "./loose.js";

/** Most resolved author citations in the document have no year (MLA, notes). */
export function citesWithoutYears(brief: Brief): boolean {
  const items = brief.citations.flatMap((c) => c.items).filter((i) => i.key === undefined && i.number === undefined && i.sourceIndex !== undefined && !i.ibid);
  const yearless = items.filter((i) => i.year === "").length;
  return yearless > 0 && yearless * 2 >= items.length;
}

function prose(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const add = (inlines: readonly Inline[]) => parts.push(plainText(inlines));
  eachBlock(blocks, (b) => {
    if (b.kind === "paragraph" || b.kind === "heading") add(b.inlines);
    else if (b.kind === "table") [b.header, ...b.rows].forEach((r) => r.forEach(add));
  });
  return words(parts.join(" \n "));
}

/** Indexes of entries whose first author is named in the text or the notes. */
export function namedInProse(brief: Brief): Set<number> {
  const text = prose([...brief.blocks, ...brief.footnotes.flatMap((f) => f.blocks)]);
  const out = new Set<number>();
  brief.sources.forEach((s, i) => {
    const first = s.authors[0];
    const name = first ? words(first.literal ?? first.family).trim() : "";
    // MLA and Chicago drop a lower-case particle in prose: "Santos" for "dos Santos".
    const bare = first && !first.literal ? words(first.family.replace(/^(?:\p{Ll}+\s+)+(?=\p{Lu})/u, "")).trim() : name;
    if ([name, bare].some((n) => n.length >= 3 && text.includes(` ${n} `))) out.add(i);
  });
  return out;
}
