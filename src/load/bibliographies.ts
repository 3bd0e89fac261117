// Bibliography files (.bib, CSL-JSON) named by the front matter or the command line. A
// shared .bib usually holds far more than one brief cites, and Pandoc prints only what is
// cited: so the entries a brief never cites are set aside once citations are resolved,
// and their own faults (a duplicate, a malformed DOI) are never the brief's errors.
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import { duplicateKeys, entryLine, entryLines, parseBibliography, tidyBibItem } from "../citations/bibliography.js";
import { fromCsl } from "../citations/csl.js";
import { shapeCsl } from "./csl-shape.js";
import { printedSources } from "../citations/style.js";
import type { Resolution } from "../citations/resolve.js";
import type { Brief, SourceEntry } from "../model/brief.js";

/** What reading needs of the loader's I/O (load/brief.ts's LoadIo). */
interface BibliographyIo {
  readRelative(path: string): { file: string; text: string };
}

export interface LoadedBibliographies {
  entries: SourceEntry[];
  diagnostics: Diagnostic[];
  /** Some file could not be read: keys it may hold are not reported one by one. */
  failed: boolean;
}

/**
 * Reads each file into source entries. `cited` holds the keys the brief cites (and those
 * nocite asks for): a key defined twice matters only when it is cited (a warning), else
 * it is an info.
 */
export function loadBibliographies(file: string, paths: readonly string[], line: number, io: BibliographyIo | undefined, cited: ReadonlySet<string>): LoadedBibliographies {
  const out: LoadedBibliographies = { entries: [], diagnostics: [], failed: false };
  if (!io) return { ...out, failed: paths.length > 0 };
  for (const path of paths) {
    try {
      const read = io.readRelative(path);
      const items = parseBibliography(read.text);
      const lines = read.text.split("\n");
      const tidied: string[] = [];
      let firstTidied = 1;
      // Every entry's line from one forward scan: a 10,000-entry file stays linear.
      const starts = new Map<string, number>();
      for (const e of entryLines(read.text)) if (!starts.has(e.key)) starts.set(e.key, e.line);
      for (const written of items) {
        const { item, notes } = tidyBibItem(shapeCsl(written as unknown as Record<string, unknown>));
        const at = starts.get(item.id) ?? entryLine(read.text, item.id);
        if (notes.length && !tidied.length) firstTidied = at;
        for (const note of notes) tidied.push(`"${item.id}" (line ${at}): ${note}`);
        out.entries.push(fromCsl(item, read.file, at));
      }
      // Read, not refused: one note per file, as the entries print well all the same.
      if (tidied.length) out.diagnostics.push(diagnostic(read.file, pointSpan(firstTidied, 1, 1), "info", "bibliography/tidied", `${tidied.length === 1 ? "an entry was" : `${tidied.length} entries were`} read generously: ${tidied.join("; ")}`));
      for (const d of duplicateKeys(read.text)) {
        const column = (lines[d.line - 1] ?? "").indexOf(d.key) + 1 || 1;
        const used = cited.has(d.key) || cited.has("*");
        out.diagnostics.push(diagnostic(read.file, pointSpan(d.line, column, d.key.length), used ? "warning" : "info", "bibliography/duplicate-key", `key "${d.key}" is defined twice (first on line ${d.firstLine}); ${used ? "only one entry is used" : "the brief does not cite it, so neither prints"}`));
      }
    } catch (e) {
      const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
      out.failed = true;
      out.diagnostics.push(diagnostic(file, pointSpan(line, 1, "bibliography".length), "error", "bibliography/load", `cannot read bibliography "${path}": ${reason}`));
    }
  }
  return out;
}

/**
 * Drops the bibliography-file entries at [from, from + count) that no citation resolved to
 * and nocite does not ask for (Pandoc never prints them either), renumbering what points
 * into the list. Call after citations are resolved: a typed "Smith (2020)" may use an entry too.
 */
export function setAsideUncited(brief: Brief, resolution: Resolution, from: number, count: number): Diagnostic[] {
  const printed = new Set(printedSources(brief));
  const cited = new Set(brief.citations.flatMap((c) => c.items.flatMap((i) => (i.sourceIndex === undefined ? [] : [i.sourceIndex]))));
  const keep = brief.sources.map((_, i) => i < from || i >= from + count || printed.has(i));
  // A shared file often holds one work under two keys (and nocite: "@*" prints them all):
  // an entry that repeats a kept one is printed once, not twice.
  const seen = new Map<string, number>();
  const merged = new Map<number, number>();
  const notes: Diagnostic[] = [];
  for (let i = from; i < from + count; i++) {
    const s = brief.sources[i];
    if (!s || !keep[i]) continue;
    const same = `${s.authors.map((a) => a.family.toLowerCase()).join("|")}\u0000${s.year}\u0000${s.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()}`;
    const first = seen.get(same);
    if (first === undefined || !s.title) {
      seen.set(same, i);
      continue;
    }
    // Cited under both keys: both point at the one kept, so the list shows the work once.
    const [drop, other] = cited.has(i) && !cited.has(first) ? [first, i] : [i, first];
    keep[drop] = false;
    merged.set(drop, other);
    seen.set(same, other);
    const d = brief.sources[drop];
    if (d) notes.push(diagnostic(d.file ?? brief.file, d.span, "info", "bibliography/duplicate", `"${d.key ?? ""}" repeats "${brief.sources[other]?.key ?? ""}" (same authors, year and title) and is printed once`));
  }
  if (keep.every(Boolean)) return notes;
  const moved = new Map<number, number>();
  keep.forEach((k, i) => k && moved.set(i, moved.size));
  const kept = (i: number): number => (merged.has(i) ? kept(merged.get(i) ?? i) : i);
  const target = (i: number) => moved.get(kept(i));
  for (const c of brief.citations) for (const item of c.items) if (item.sourceIndex !== undefined) item.sourceIndex = target(item.sourceIndex);
  for (const [drop, other] of merged) resolution.useCount[kept(other)] = (resolution.useCount[kept(other)] ?? 0) + (resolution.useCount[drop] ?? 0);
  brief.sources = brief.sources.filter((_, i) => keep[i]);
  resolution.useCount = resolution.useCount.filter((_, i) => keep[i]);
  return notes;
}
