// Stage 3 (resolve): every in-text citation item is matched to exactly one Sources entry
// by author and year. Unresolved and ambiguous items become diagnostics at the citation.
import { editDistance } from "../text/edit-distance.js";
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Brief, Citation, CiteItem, SourceEntry } from "../model/brief.js";
import { authorDisplays, canonicalAuthor, fold, isShortName } from "./forms.js";
import { resolveIbid } from "./ibid.js";
import { entryHead, looseMatches, words } from "./loose.js";
import { hasNoBibliography, oneForNoList } from "./unfound.js";

export { authorForms, normaliseName } from "./forms.js";

export interface Resolution {
  diagnostics: Diagnostic[];
  /** For each source index, how many citation items point at it. */
  useCount: number[];
}

export interface Resolver {
  /** Resolves one item in place (sets sourceIndex); returns a diagnostic when it cannot. */
  resolve(file: string, item: CiteItem): Diagnostic | null;
  useCount: number[];
  /**
   * Author–page lookalikes that name no entry ("(Article 33)", "(Table 2)"): not
   * citations after all. The caller turns them back into text.
   */
  dropped: Set<CiteItem>;
}

export function createResolver(brief: Brief): Resolver {
  const aliases = brief.meta.aliases ?? {};
  const displays = brief.sources.map((s) => authorDisplays(s, aliases));
  const forms = displays.map((d) => [...d.keys()]);
  const index = indexForms(brief.sources, forms);
  const heads = brief.sources.map((s) => words(entryHead(s)));
  const useCount = brief.sources.map(() => 0);
  const dropped = new Set<CiteItem>();
  const where = brief.sourcesHeading ? `"${brief.sourcesHeading}"` : "the sources (no Sources section found)";
  const label = (i: number, form: string) => `${displays[i]?.get(form) ?? form} ${brief.sources[i]?.year ?? ""}`.trim();
  return {
    useCount,
    dropped,
    resolve(file, item) {
      if (item.key !== undefined) return resolveKey(file, item, brief, useCount);
      if (item.number !== undefined) {
        // "(1) the first…" at a sentence's start may be a list, not note 1: kept only if the note exists.
        if (item.tentative && !brief.sources.some((s) => s.number === item.number)) {
          dropped.add(item);
          return null;
        }
        return resolveNumber(file, item, brief, useCount);
      }
      const { matches, author, form } = matchItem(item, index, brief.sources, heads);
      if (item.ibid) return null; // resolved after every other item (resolveIbid)
      if (item.speculative && matches.length !== 1) {
        // "(UNHCR)" that names no entry, or several: plain prose, never a diagnostic.
        dropped.add(item);
        return null;
      }
      if (matches.length === 0 && item.tentative) {
        const hints = suggestions(item, brief.sources, forms, displays).map((h) => h.label);
        if (hints.length === 0) {
          dropped.add(item);
          return null;
        }
      }
      const cited = `${author} ${item.year}`.trim();
      if (matches.length > 1 && matches.some((m) => brief.sources[m]?.year !== item.year)) {
        // "2022" for 2022a and 2022b, or MLA's author alone for two works: name them all.
        for (const m of matches) useCount[m] = (useCount[m] ?? 0) + 1;
        const names = matches.map((m) => `"${label(m, form)}"`);
        const fix = item.year === "" ? "add a few words of the title: (Author, Short Title 12)" : `add the letter: ${matches.map((m) => `${author} ${brief.sources[m]?.year ?? ""}`).join(" or ")}`;
        return diagnostic(file, item.span, "warning", "citation/ambiguous", `"${cited}" could be ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`, [fix]);
      }
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
        return diagnostic(file, item.span, "warning", "citation/ambiguous", `"${cited}" matches ${matches.length} sources`, [
          `add a letter to the years in the sources list and the citation (${item.year}a, ${item.year}b)`,
        ]);
      }
      const near = suggestions(item, brief.sources, forms, displays);
      const hints = near.map((h) => h.label);
      // The entry the hint names is not also "never cited": one cause, one diagnostic.
      if (near[0]) useCount[near[0].index] = (useCount[near[0].index] ?? 0) + 1;
      // Typed text read as a citation is a guess: a warning, and the guess is said.
      return diagnostic(
        file,
        item.span,
        "warning",
        "citation/unresolved",
        `"${`${item.author} ${item.year}`.trim()}" reads as a citation but matches no entry in ${where}` + (hints[0] ? ` — did you mean "${hints[0]}"?` : ""),
        [...hints.slice(1).map((h) => `or "${h}"`), `read as author "${item.author}"${item.year ? `, year ${item.year}` : ""}; if it is not a citation, ignore this`],
      );
    },
  };
}

export function resolveCitations(brief: Brief, resolver = createResolver(brief)): Resolution {
  const noBibliography = hasNoBibliography(brief);
  const pairs: Array<{ item: CiteItem; diagnostic: Diagnostic }> = [];
  for (const c of brief.citations) {
    for (const item of c.items) {
      // "@UNHCR" with no bibliography anywhere is a handle: printed as written, never reported.
      if (item.key !== undefined && noBibliography && c.style === "narrative") {
        resolver.dropped.add(item);
        continue;
      }
      const d = resolver.resolve(brief.file, item);
      if (d) pairs.push({ item, diagnostic: d });
    }
  }
  const diagnostics = oneForNoList(brief, pairs);
  diagnostics.push(...resolveIbid(brief, resolver.useCount));
  // "(DPRK)" after "Government of North Korea" names an entry too, but in an author–date
  // document it defines an acronym: bare names count as citations only where the
  // document's own citations carry no years (MLA).
  const typed = brief.citations.flatMap((c) => c.items).filter((i) => i.key === undefined && i.number === undefined && i.sourceIndex !== undefined && !i.ibid);
  const speculative = typed.filter((i) => i.speculative);
  if (typed.filter((i) => !i.speculative && i.year !== "").length > speculative.length) {
    for (const item of speculative) {
      if (item.sourceIndex !== undefined) resolver.useCount[item.sourceIndex] = (resolver.useCount[item.sourceIndex] ?? 1) - 1;
      item.sourceIndex = undefined;
      resolver.dropped.add(item);
    }
  }
  if (resolver.dropped.size > 0) {
    for (const c of brief.citations) c.items = c.items.filter((i) => !resolver.dropped.has(i));
    brief.citations = brief.citations.filter((c) => c.items.length > 0);
  }
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
  // Certain only against a bibliography that loaded; with none, "[@x]" may not be meant as a key.
  const severity = hasNoBibliography(brief) ? "warning" : "error";
  return diagnostic(file, item.span, severity, "citation/unresolved", `"@${item.key}" is not in ${where}` + (near[0] ? ` — did you mean "@${near[0]}"?` : ""), near.slice(1).map((k) => `or "@${k}"`));
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

/** "name\u0000year" (and "name" alone) → entry indexes: one lookup per citation item, not a scan. */
type FormIndex = Map<string, number[]>;

function indexForms(sources: readonly SourceEntry[], forms: readonly string[][]): FormIndex {
  const index: FormIndex = new Map();
  sources.forEach((s, i) => {
    for (const form of new Set(forms[i] ?? [])) {
      for (const key of [`${form}\u0000${s.year}`, form]) {
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      }
    }
  });
  return index;
}

function matchItem(item: CiteItem, index: FormIndex, sources: readonly SourceEntry[], heads: readonly string[]): { matches: number[]; author: string; form: string } {
  const candidates = item.authorCandidates.length ? item.authorCandidates : [item.author];
  for (const candidate of candidates) {
    const form = canonicalAuthor(candidate);
    let exact = index.get(`${form}\u0000${item.year}`);
    // "Kuhn et al." names a work with three or more authors before one with two.
    if (exact && exact.length > 1 && /\bet al$/.test(form)) {
      const many = exact.filter((i) => (sources[i]?.authors.length ?? 0) >= 3 || sources[i]?.moreAuthors);
      if (many.length > 0) exact = many;
      // Still two: styles that name three authors in full (Harvard, Chicago) mean the one with four or more.
      const more = exact.filter((i) => (sources[i]?.authors.length ?? 0) >= 4 || sources[i]?.moreAuthors);
      if (exact.length > 1 && more.length === 1) exact = more;
    }
    if (exact) return { matches: exact, author: candidate, form };
    // "(Ministry of Justice 2022)" when the list has 2022a and 2022b; MLA's author–page
    // form names no year at all: the author alone picks the entry (or its title words do).
    const loose = item.year === "" ? index.get(form) : /^\d{4}$/.test(item.year) ? index.get(form)?.filter((i) => new RegExp(`^${item.year}[a-z]$`).test(sources[i]?.year ?? "")) : undefined;
    if (loose && loose.length > 0) {
      const hint = words(item.titleHint ?? "");
      const hinted = item.titleHint ? loose.filter((i) => words(sources[i]?.title ?? "").startsWith(hint) || words(sources[i]?.text ?? "").includes(hint)) : loose;
      // Title words that name none of the author's works: the looser match below decides.
      if (hinted.length > 0) return { matches: hinted, author: candidate, form };
    }
  }
  // The names as cited, looked for in the words each entry opens with (loose.ts).
  for (const candidate of candidates) {
    let loose = looseMatches(candidate, item.year, sources, heads);
    if (loose.length > 1 && item.titleHint) {
      const hint = words(item.titleHint);
      const titled = loose.filter((i) => words(sources[i]?.title ?? "").startsWith(hint) || words(sources[i]?.text ?? "").includes(hint));
      if (titled.length > 0) loose = titled;
    }
    // "2020" when the list has 2020 and 2020a is the exact one.
    if (loose.length > 1) {
      const exact = loose.filter((i) => sources[i]?.year === item.year);
      if (exact.length === 1) loose = exact;
    }
    if (loose.length > 0) return { matches: loose, author: candidate, form: canonicalAuthor(candidate) };
  }
  return { matches: [], author: candidates[0] ?? item.author, form: canonicalAuthor(candidates[0] ?? item.author) };
}

function resolveNumber(file: string, item: CiteItem, brief: Brief, useCount: number[]): Diagnostic | null {
  const index = brief.sources.findIndex((s) => s.number === item.number);
  if (index >= 0) {
    item.sourceIndex = index;
    useCount[index] = (useCount[index] ?? 0) + 1;
    return null;
  }
  const where = brief.sourcesHeading ? `"${brief.sourcesHeading}"` : "the notes";
  return diagnostic(file, item.span, "error", "citation/unresolved", `note [${item.number}] has no entry in ${where}`, [`add "${item.number}. …" to the list, or correct the number`]);
}

/** Close candidates: a near name with the same year, the same name a year off, or the long name of an organisation. */
function suggestions(item: CiteItem, sources: SourceEntry[], forms: string[][], displays: Array<Map<string, string>>): Array<{ label: string; index: number }> {
  const wanted = fold(item.author);
  const year = Number.parseInt(item.year, 10);
  const scored: Array<{ label: string; score: number; index: number }> = [];
  sources.forEach((source, i) => {
    const sourceYear = Number.parseInt(source.year, 10);
    const yearOff = item.year === "" || source.year === item.year || source.year.startsWith(item.year) ? 0 : Math.abs(sourceYear - year) === 1 ? 1 : 99;
    const label = (form: string) => `${displays[i]?.get(form) ?? form}${item.year === "" ? "" : ` ${source.year}`}`;
    for (const form of forms[i] ?? []) {
      const distance = editDistance(wanted, fold(form));
      const limit = Math.max(2, Math.floor(form.length / 3));
      if (distance <= limit && yearOff <= 1) scored.push({ label: label(form), score: distance + yearOff * 2, index: i });
    }
    if (yearOff <= 1 && isShortName(item.author, source)) scored.push({ label: label(forms[i]?.[0] ?? ""), score: 3 + yearOff * 2, index: i });
  });
  const seen = new Set<string>();
  return scored
    .sort((a, b) => a.score - b.score)
    .filter((s) => !seen.has(s.label) && seen.add(s.label))
    .slice(0, 3);
}
