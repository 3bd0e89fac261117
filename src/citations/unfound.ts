// One cause, one diagnostic. When a document has no sources list that briefpress found,
// every typed "Name (Year)" would be "unresolved" for that one reason: they become one
// warning naming the headings the document has and how to point at the right one. And an
// "@word" in a document with no bibliography at all is a social handle or an address
// ("@UNHCR"), not a citation: nothing to report, the text prints as written.
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Brief, CiteItem } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";

/** No bibliography file, no `references:` and no keyed entry: "@word" cannot be a key. */
export function hasNoBibliography(brief: Brief): boolean {
  return !(brief.meta.bibliography?.length || brief.meta.references?.length || brief.sources.some((s) => s.key !== undefined));
}

/**
 * No sources list was found: no free-form entry, and no heading either, or a heading that
 * holds nothing (a "References" heading over footnote definitions holds only the notes).
 */
export function hasNoSourcesList(brief: Brief): boolean {
  return !brief.sources.some((s) => s.key === undefined) && (brief.sourcesHeading === null || brief.sources.length === 0);
}

/**
 * The diagnostics of typed citations that no list could resolve, replaced by one warning
 * at the first of them. `pairs` are each item with its diagnostic.
 */
export function oneForNoList(brief: Brief, pairs: ReadonlyArray<{ item: CiteItem; diagnostic: Diagnostic }>): Diagnostic[] {
  const typed = pairs.filter((p) => p.item.key === undefined && p.item.number === undefined && !p.item.ibid);
  if (typed.length === 0 || !hasNoSourcesList(brief)) return pairs.map((p) => p.diagnostic);
  const rest = pairs.filter((p) => !typed.includes(p)).map((p) => p.diagnostic);
  const headings = brief.blocks.flatMap((b) => (b.kind === "heading" ? [plainText(b.inlines).trim()] : [])).filter(Boolean);
  const empty = brief.sourcesHeading ? `"${brief.sourcesHeading}" holds no entries; ` : "";
  const seen = empty + (headings.length ? `the headings are ${headings.slice(0, 8).map((h) => `"${h}"`).join(", ")}${headings.length > 8 ? ", …" : ""}` : "the document has no headings");
  const examples = [...new Set(typed.map((p) => `${p.item.author} ${p.item.year}`.trim()))].slice(0, 3).map((e) => `"${e}"`).join(", ");
  const first = typed[0] as { item: CiteItem };
  const one = diagnostic(
    brief.file,
    first.item.span,
    "warning",
    "citation/no-sources",
    `${typed.length} citation${typed.length === 1 ? "" : "s"} such as ${examples} cannot be checked: no sources list was found (${seen})`,
    ['if one of these headings holds the list, name it in the front matter: sources_heading: "…"', 'or add a "References" heading above the list'],
  );
  return [one, ...rest];
}
