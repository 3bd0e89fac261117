// Reading BibTeX / CSL-JSON files and formatting entries in a CSL style, through
// citation-js (never by hand). Loaded only by briefs that need it: its engine costs
// ~0.2 s to load and ~0.65 s for its first format call.
import { sha256 } from "../world/hash.js";
import type { CslItem } from "../model/brief.js";
import { loadPackage } from "../world/packages.js";

type CiteModule = typeof import("@citation-js/core");

function citationJs(): CiteModule {
  const core = loadPackage<CiteModule>("@citation-js/core");
  loadPackage("@citation-js/plugin-bibtex");
  loadPackage("@citation-js/plugin-csl");
  return core;
}

/** Parses BibTeX (.bib) or CSL-JSON (.json) text into CSL-JSON items. Throws on bad input. */
export function parseBibliography(text: string): CslItem[] {
  const { Cite } = citationJs();
  const trimmed = text.trim();
  const input = trimmed.startsWith("[") || trimmed.startsWith("{") ? JSON.parse(trimmed) : trimmed;
  const cite = new Cite(input);
  return cite.data.map((item) => {
    const { _graph, ...rest } = item as Record<string, unknown> & { _graph?: unknown };
    void _graph;
    return rest as CslItem;
  });
}

export const BUNDLED_STYLES = ["apa", "harvard1", "vancouver"] as const;

/** Formats items as bibliography entries (HTML fragments), in the items' order. */
export function formatEntries(items: CslItem[], style: string, styleXml?: string): Array<[string, string]> {
  const { Cite, plugins } = citationJs();
  let template = style;
  if (styleXml) {
    template = `custom-${sha256(styleXml).slice(0, 16)}`;
    const templates = plugins.config.get("@csl").styles;
    if (!templates.has(template)) templates.add(template, styleXml);
  }
  const cite = new Cite(items);
  const out = cite.format("bibliography", { format: "html", template, lang: "en-GB", asEntryArray: true, nosort: true });
  if (!Array.isArray(out)) throw new Error("citation-js returned a string for asEntryArray");
  return out;
}

/**
 * Keys defined twice in one file, each with the 1-based line of its second (and later)
 * definition. citation-js keeps one of the two silently; the writer should know.
 */
/** Where each entry of a bibliography file starts: its key and 1-based line, in file order. */
export function entryLines(text: string): Array<{ key: string; line: number }> {
  const trimmed = text.trimStart();
  const found: Array<{ key: string; offset: number }> = [];
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    for (const m of text.matchAll(/"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) found.push({ key: m[1] ?? "", offset: m.index });
  } else {
    for (const m of text.matchAll(/^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]+)[ \t]*,/gm)) {
      if (!/^(string|preamble|comment)$/i.test(m[1] ?? "")) found.push({ key: m[2] ?? "", offset: m.index + (m[0].length - m[0].trimStart().length) });
    }
  }
  // Offsets come in order: lines are counted once, forward (linear in the file's size).
  let line = 1;
  let at = 0;
  return found.map(({ key, offset }) => {
    for (let nl = text.indexOf("\n", at); nl !== -1 && nl < offset; nl = text.indexOf("\n", nl + 1)) line++;
    at = offset;
    return { key, line };
  });
}

export function duplicateKeys(text: string): Array<{ key: string; line: number; firstLine: number }> {
  const first = new Map<string, number>();
  const out: Array<{ key: string; line: number; firstLine: number }> = [];
  for (const { key, line } of entryLines(text)) {
    const seen = first.get(key);
    if (seen === undefined) first.set(key, line);
    else out.push({ key, line, firstLine: seen });
  }
  return out;
}

/**
 * Fields that reference managers and R's citation() write in shapes no style prints well,
 * read for what they mean: "url = {https://a.org, https://github.com/a}" is two addresses
 * (the first is the entry's), and "doi = {https://doi.org/https://doi.org/10.1/x}" is the
 * DOI 10.1/x. Returns the item as read, and a note for each field read this way.
 */
export function tidyBibItem(item: CslItem): { item: CslItem; notes: string[] } {
  const notes: string[] = [];
  const out: CslItem = { ...item };
  const url = item.URL?.trim();
  if (url && /^https?:\/\/\S+?(?:,|%20|\s)+https?:\/\//i.test(url)) {
    out.URL = url.split(/(?:,|%20|\s)+(?=https?:\/\/)/i)[0]?.replace(/[,\s]+$/, "");
    notes.push(`its url holds several addresses; the first, ${out.URL}, is used`);
  }
  const doi = item.DOI?.trim();
  const bare = doi?.replace(/^(?:(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)+)/i, "");
  if (doi && bare && bare !== doi && /(?:doi\.org\/|doi:).*(?:doi\.org\/|doi:)/i.test(doi)) {
    out.DOI = bare;
    notes.push(`its doi repeats the doi.org prefix; read as ${bare}`);
  }
  return { item: out, notes };
}

/** The 1-based line where an entry with this key starts, in BibTeX or CSL-JSON text. */
export function entryLine(text: string, key: string): number {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = new RegExp(`@\\w+\\s*[{(]\\s*${escaped}\\s*,|"id"\\s*:\\s*"${escaped}"`).exec(text);
  const index = found ? found.index : text.indexOf(key);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}
