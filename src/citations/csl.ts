// Free-form entries ↔ CSL-JSON, and CSL-JSON items from a bibliography file → entries.
import type { CslItem, SourceAuthor, SourceEntry } from "../model/brief.js";
import { parseSourceEntry } from "./sources.js";

/** A free-form entry as CSL-JSON, so citation-js can format it in any style. */
export function toCsl(entry: SourceEntry, id: string): CslItem {
  const parsed = parseSourceEntry(entry.text);
  const item: CslItem = {
    id,
    type: entry.symbol || parsed.symbol ? "report" : entry.url ? "webpage" : "document",
    title: entry.title,
    author: entry.authors.map((a) => (a.literal ? { literal: a.literal } : { family: a.family, ...(a.given ? { given: a.given } : {}) })),
  };
  if (parsed.dateParts) item.issued = { "date-parts": [parsed.dateParts] };
  else if (entry.year === "n.d.") item.issued = { literal: "n.d." };
  if (parsed.publisher) item.publisher = parsed.publisher;
  if (entry.url) item.URL = entry.url;
  if (entry.doi) item.DOI = entry.doi;
  if (parsed.symbol) item.number = parsed.symbol;
  return item;
}

/** Bibliography-file items become entries; they print only when cited (as in Pandoc). */
export function fromCsl(written: CslItem, file: string, line: number): SourceEntry {
  // Many exports write the DOI field as a link ("https://doi.org/10.…") or "doi:10.…".
  const doi = written.DOI?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, "");
  const item: CslItem = doi === undefined ? written : { ...written, DOI: doi };
  const authors: SourceAuthor[] = (item.author ?? []).map((a) =>
    a.literal ? { family: a.literal, literal: a.literal } : { family: a.family ?? "", ...(a.given ? { given: a.given } : {}) },
  );
  const parts = item.issued?.["date-parts"]?.[0];
  const year = parts?.[0] !== undefined ? String(parts[0]) : item.issued?.literal === "n.d." ? "n.d." : "";
  const names = authors.map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(" ")).join(", ");
  const text = [names, year ? `(${year})` : "", item.title, item["container-title"] ?? item.publisher, item.DOI ? `doi:${item.DOI}` : item.URL]
    .filter(Boolean)
    .join(". ");
  return {
    inlines: [{ kind: "text", text }],
    text,
    authors,
    year,
    dateText: year,
    title: item.title ?? "",
    url: item.URL,
    doi: item.DOI,
    furtherReading: false,
    key: item.id,
    csl: item,
    file,
    span: { start: { line, column: 1 }, end: { line, column: 2 } },
  };
}
