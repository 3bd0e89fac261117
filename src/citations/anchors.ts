// Rendered markdown pasted back (pandoc, Quarto, R Markdown with link-citations) links
// each citation to its entry: "([Betts 2022, 4](#ref-betts2022))", "World Health
// Organization ([2020b](#ref-who2020))"; NGO reports write "[WHO, 2018](#f4)" to an entry
// that carries <a id="f4">. The link names the entry outright, whatever its text says, so
// a link to an entry's anchor is a citation of that entry.
import type { Block, Brief, Inline, SourceEntry } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import { citableYears } from "./sources.js";

/** Indexes of the entries that carry this id (real documents repeat ids: several may). */
export function anchoredEntries(sources: readonly SourceEntry[], id: string): number[] {
  const out: number[] = [];
  sources.forEach((s, i) => {
    if (s.anchors?.includes(id)) out.push(i);
  });
  return out;
}

/** Of several entries with one id, those whose years hold the year the link's text shows. */
export function byYear(sources: readonly SourceEntry[], indexes: readonly number[], year: string): number[] {
  if (indexes.length <= 1 || !year) return [...indexes];
  const fit = indexes.filter((i) => {
    const s = sources[i];
    return s ? citableYears(s.year, s.dateText, s.text).includes(year) : false;
  });
  return fit.length > 0 ? fit : [...indexes];
}

function eachLink(inlines: readonly Inline[], visit: (href: string, text: string) => void): void {
  for (const i of inlines) {
    if (i.kind === "link") visit(i.href, plainText(i.children));
    if ("children" in i && Array.isArray(i.children)) eachLink(i.children, visit);
  }
}

function blockInlines(blocks: readonly Block[], out: Inline[][]): void {
  for (const b of blocks) {
    if (b.kind === "paragraph" || b.kind === "heading") out.push(b.inlines);
    else if (b.kind === "table") [b.header, ...b.rows].forEach((r) => r.forEach((c) => out.push(c)));
    else if (b.kind === "list") b.items.forEach((item) => blockInlines(item.blocks, out));
    else if (b.kind === "quote" || b.kind === "callout" || b.kind === "figure") blockInlines(b.blocks, out);
  }
}

/** Counts every link in the text or the notes that goes to an entry's anchor as a use of that entry. */
export function countLinkUses(brief: Brief, useCount: number[]): void {
  if (!brief.sources.some((s) => s.anchors?.length)) return;
  const runs: Inline[][] = [];
  blockInlines([...brief.blocks, ...brief.footnotes.flatMap((f) => f.blocks)], runs);
  for (const run of runs) {
    eachLink(run, (href, text) => {
      if (!href.startsWith("#")) return;
      const year = /\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b/u.exec(text)?.[0] ?? "";
      for (const i of byYear(brief.sources, anchoredEntries(brief.sources, href.slice(1)), year)) useCount[i] = (useCount[i] ?? 0) + 1;
    });
  }
}
