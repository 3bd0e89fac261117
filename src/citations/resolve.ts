// Stage 3 (resolve): every in-text citation item is matched to exactly one Sources entry
// by author and year. Unresolved and ambiguous items become diagnostics at the citation.
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Brief, Citation, CiteItem, SourceEntry } from "../model.js";

export function normaliseName(s: string): string {
  return s.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Case- and accent-insensitive form for suggestions (Sáenz ≈ Saenz; Hangul recomposed). */
function fold(s: string): string {
  return normaliseName(s).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

const CJK = /^[\p{Script=Hangul}\p{Script=Han}]+$/u;

/** Every way a writer may name this entry's authors in text. */
export function authorForms(entry: SourceEntry, aliases: Record<string, string> = {}): string[] {
  const [first, second] = entry.authors;
  if (!first) return [];
  const forms = new Set<string>();
  if (entry.authors.length === 1) {
    forms.add(first.family);
    if (first.given) forms.add(CJK.test(first.family + first.given) ? `${first.family}${first.given}` : `${first.given} ${first.family}`);
    if (first.acronym) forms.add(first.acronym);
  } else if (entry.authors.length === 2 && second) {
    forms.add(`${first.family} and ${second.family}`);
    forms.add(`${first.family} & ${second.family}`);
    forms.add(`${first.family} et al.`);
  } else {
    forms.add(`${first.family} et al.`);
  }
  for (const [alias, full] of Object.entries(aliases)) {
    if ([...forms].some((f) => normaliseName(f) === normaliseName(full))) forms.add(alias);
  }
  return [...forms].map(normaliseName);
}

export interface Resolution {
  diagnostics: Diagnostic[];
  /** For each source index, how many citation items point at it. */
  useCount: number[];
}

export interface Resolver {
  /** Resolves one item in place (sets sourceIndex); returns a diagnostic when it cannot. */
  resolve(file: string, item: CiteItem): Diagnostic | null;
  useCount: number[];
}

export function createResolver(brief: Brief): Resolver {
  const aliases = brief.meta.aliases ?? {};
  const forms = brief.sources.map((s) => authorForms(s, aliases));
  const index = indexForms(brief.sources, forms);
  const useCount = brief.sources.map(() => 0);
  const where = brief.sourcesHeading ? `"${brief.sourcesHeading}"` : "the sources (no Sources section found)";
  return {
    useCount,
    resolve(file, item) {
      if (item.key !== undefined) return resolveKey(file, item, brief, useCount);
      const { matches, author } = matchItem(item, index);
      if (matches.length === 1) {
        const index = matches[0] ?? 0;
        item.sourceIndex = index;
        item.author = author;
        useCount[index] = (useCount[index] ?? 0) + 1;
        return null;
      }
      if (matches.length > 1) {
        // Each candidate is cited, if ambiguously: do not also call them uncited.
        for (const m of matches) useCount[m] = (useCount[m] ?? 0) + 1;
        return diagnostic(file, item.span, "error", "citation/ambiguous", `"${author} ${item.year}" matches ${matches.length} sources`, [
          `add a letter to the years in the sources list and the citation (${item.year}a, ${item.year}b)`,
        ]);
      }
      const hints = suggestions(item, brief.sources, forms);
      return diagnostic(
        file,
        item.span,
        "error",
        "citation/unresolved",
        `"${item.author} ${item.year}" matches no entry in ${where}` + (hints[0] ? ` — did you mean "${hints[0]}"?` : ""),
        hints.slice(1).map((h) => `or "${h}"`),
      );
    },
  };
}

export function resolveCitations(brief: Brief, resolver = createResolver(brief)): Resolution {
  const diagnostics = brief.citations.flatMap((c) => c.items.map((item) => resolver.resolve(brief.file, item)).filter((d): d is Diagnostic => d !== null));
  for (const citation of brief.citations) {
    if (citation.items.some((i) => i.key !== undefined)) citation.display = keyDisplay(citation, brief.sources);
  }
  return { diagnostics, useCount: resolver.useCount };
}

function resolveKey(file: string, item: CiteItem, brief: Brief, useCount: number[]): Diagnostic | null {
  const index = brief.sources.findIndex((s) => s.key === item.key);
  if (index >= 0) {
    item.sourceIndex = index;
    const entry = brief.sources[index];
    item.author = entry ? shortAuthor(entry) : item.author;
    item.year = entry?.year ?? item.year;
    useCount[index] = (useCount[index] ?? 0) + 1;
    return null;
  }
  const keys = [...new Set(brief.sources.flatMap((s) => (s.key ? [s.key] : [])))];
  const near = keys
    .map((k) => ({ k, d: editDistance(k.toLowerCase(), (item.key ?? "").toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.k.length / 4)))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.k);
  const where = brief.meta.bibliography?.length ? brief.meta.bibliography.map((b) => `"${b}"`).join(" or ") : "any bibliography (add bibliography: to the front matter)";
  return diagnostic(file, item.span, "error", "citation/unresolved", `"@${item.key}" is not in ${where}` + (near[0] ? ` — did you mean "@${near[0]}"?` : ""), near.slice(1).map((k) => `or "@${k}"`));
}

/** "Yoon", "Yoon and Kim", "Smith et al." — how an entry is named in the text. */
export function shortAuthor(entry: SourceEntry): string {
  const [a, b] = entry.authors;
  if (!a) return entry.title;
  if (entry.authors.length === 1) return a.family;
  if (entry.authors.length === 2 && b) return `${a.family} and ${b.family}`;
  return `${a.family} et al.`;
}

/** Key citations print author-date: "[@a; @b, p. 3]" → "(A 2020; B 2021, p. 3)". */
function keyDisplay(citation: Citation, sources: SourceEntry[]): { text: string; ranges: Array<[number, number]> } {
  const ranges: Array<[number, number]> = [];
  if (citation.style === "narrative") {
    const item = citation.items[0];
    const entry = item?.sourceIndex === undefined ? undefined : sources[item.sourceIndex];
    const text = entry ? `${shortAuthor(entry)} (${entry.year})` : citation.raw;
    return { text, ranges: [[0, text.length]] };
  }
  let text = "(";
  citation.items.forEach((item, i) => {
    if (i > 0) text += "; ";
    if (item.prefix) text += `${item.prefix} `;
    const entry = item.sourceIndex === undefined ? undefined : sources[item.sourceIndex];
    const start = text.length;
    text += entry ? (item.suppressAuthor ? entry.year : `${shortAuthor(entry)} ${entry.year}`) : `@${item.key ?? item.author}`;
    if (item.locator) text += `, ${item.locator}`;
    ranges.push([start, text.length]);
  });
  return { text: `${text})`, ranges };
}

/** "name\u0000year" → entry indexes: one lookup per citation item, not a scan. */
type FormIndex = Map<string, number[]>;

function indexForms(sources: readonly SourceEntry[], forms: readonly string[][]): FormIndex {
  const index: FormIndex = new Map();
  sources.forEach((s, i) => {
    for (const form of new Set(forms[i] ?? [])) {
      const key = `${form}\u0000${s.year}`;
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return index;
}

function matchItem(item: CiteItem, index: FormIndex): { matches: number[]; author: string } {
  const candidates = item.authorCandidates.length ? item.authorCandidates : [item.author];
  for (const candidate of candidates) {
    const matches = index.get(`${normaliseName(candidate)}\u0000${item.year}`);
    if (matches) return { matches, author: candidate };
  }
  return { matches: [], author: candidates[0] ?? item.author };
}

/** Close candidates: a near name with the same year, or the same name a year off. */
function suggestions(item: CiteItem, sources: SourceEntry[], forms: string[][]): string[] {
  const wanted = fold(item.author);
  const year = Number.parseInt(item.year, 10);
  const scored: Array<{ label: string; score: number }> = [];
  sources.forEach((source, i) => {
    const sourceYear = Number.parseInt(source.year, 10);
    const yearOff = source.year === item.year ? 0 : Math.abs(sourceYear - year) === 1 ? 1 : 99;
    for (const form of forms[i] ?? []) {
      const distance = editDistance(wanted, fold(form));
      const limit = Math.max(2, Math.floor(form.length / 3));
      if (distance <= limit && yearOff <= 1) {
        scored.push({ label: `${displayForm(source, form)} ${source.year}`, score: distance + yearOff * 2 });
      }
    }
  });
  return [...new Set(scored.sort((a, b) => a.score - b.score).map((s) => s.label))].slice(0, 3);
}

function displayForm(source: SourceEntry, form: string): string {
  const first = source.authors[0];
  const originals = [first?.family, first?.acronym, first?.given && `${first.given} ${first.family}`].filter(Boolean) as string[];
  return originals.find((o) => normaliseName(o) === form) ?? form.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
}

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[t.length] ?? 0;
}
