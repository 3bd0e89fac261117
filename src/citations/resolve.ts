// Stage 3 (resolve): every in-text citation item is matched to exactly one Sources entry
// by author and year. Unresolved and ambiguous items become diagnostics at the citation.
import { editDistance } from "../text/edit-distance.js";
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Brief, Citation, CiteItem, SourceEntry } from "../model/brief.js";
import { authorDisplays, authorForms } from "./forms.js";
import { resolveIbid } from "./ibid.js";
import { entryHead, words } from "./loose.js";
import { indexForms, matchItem, suggestions, titleFix } from "./match.js";
import { noteEntries, type NoteEntry } from "./note-entries.js";
import { anchoredEntries, byYear, countLinkUses } from "./anchors.js";
import { citableYears } from "./sources.js";
import { hasNoBibliography, oneForNoList } from "./unfound.js";

export { authorForms, normaliseName } from "./forms.js";

export interface Resolution {
  diagnostics: Diagnostic[];
  /** For each source index, how many citation items point at it. */
  useCount: number[];
}

export interface Resolver {
  /**
   * Resolves one item in place (sets sourceIndex); returns a diagnostic when it cannot.
   * `target`: the id the citation links to ("[WHO, 2018](#f4)"), which names the entry outright.
   */
  resolve(file: string, item: CiteItem, target?: string): Diagnostic | null;
  useCount: number[];
  /**
   * Author–page lookalikes that name no entry ("(Article 33)", "(Table 2)"): not
   * citations after all. The caller turns them back into text.
   */
  dropped: Set<CiteItem>;
  /** Items that name a full reference kept in a footnote (note-entries.ts): its index there. */
  inNotes: Map<CiteItem, number>;
  notes: NoteEntry[];
  /** For each note entry, the list entry that is the same work, if one is. */
  listed: Array<number | undefined>;
}

export function createResolver(brief: Brief): Resolver {
  const aliases = brief.meta.aliases ?? {};
  const displays = brief.sources.map((s) => authorDisplays(s, aliases));
  const forms = displays.map((d) => [...d.keys()]);
  const index = indexForms(brief.sources, forms);
  const heads = brief.sources.map((s) => words(entryHead(s)));
  const notes = noteEntries(brief);
  const noteSources = notes.map((n) => n.entry);
  const noteIndex = indexForms(noteSources, noteSources.map((s) => authorForms(s, aliases)));
  const noteHeads = noteSources.map((s) => words(entryHead(s)));
  const useCount = brief.sources.map(() => 0);
  const dropped = new Set<CiteItem>();
  const inNotes = new Map<CiteItem, number>();
  // A full note for a work the list also holds (Chicago's first note) is that entry: "Ibid." after it means the entry.
  const listed = notes.map(({ entry }) => {
    const name = entry.authors[0]?.literal ?? entry.authors[0]?.family ?? "";
    const probe: CiteItem = { author: name, authorCandidates: [name], year: entry.year, locator: "", prefix: "", span: entry.span, rawStart: 0, rawEnd: 0 };
    const found = name ? matchItem(probe, index, brief.sources, heads).matches : [];
    return found.length === 1 ? found[0] : undefined;
  });
  const hasList = brief.sources.some((s) => s.key === undefined);
  const where = notes.length > 0 && !hasList ? "the references in the notes" : (brief.sourcesHeading ? `"${brief.sourcesHeading}"` : "the sources (no Sources section found)") + (notes.length > 0 ? " or the notes" : "");
  const label = (i: number, form: string) => `${displays[i]?.get(form) ?? form} ${brief.sources[i]?.year ?? ""}`.trim();
  const years = (i: number) => {
    const s = brief.sources[i];
    return s ? citableYears(s.year, s.dateText, s.text) : [];
  };
  return {
    useCount,
    dropped,
    inNotes,
    notes,
    listed,
    resolve(file, item, target) {
      if (item.key !== undefined) return resolveKey(file, item, brief, useCount);
      if (item.number !== undefined) {
        // "(1) the first…" at a sentence's start may be a list, not note 1: kept only if the note exists.
        if (item.tentative && !brief.sources.some((s) => s.number === item.number)) {
          dropped.add(item);
          return null;
        }
        return resolveNumber(file, item, brief, useCount);
      }
      let { matches, author, form } = matchItem(item, index, brief.sources, heads);
      if (item.ibid) return null; // resolved after every other item (resolveIbid)
      // MLA's "(Smith, *Climate Policy*)" also reads as two names: the last may be a short title.
      const comma = item.author.lastIndexOf(",");
      if (matches.length === 0 && item.year === "" && !item.titleHint && comma > 0) {
        const titled = { ...item, author: item.author.slice(0, comma).trim(), authorCandidates: [item.author.slice(0, comma).trim()], titleHint: item.author.slice(comma + 1).trim() };
        const retry = matchItem(titled, index, brief.sources, heads);
        if (retry.matches.length > 0 && retry.matches.every((m) => words(brief.sources[m]?.title ?? "").startsWith(words(titled.titleHint)))) {
          ({ matches, author, form } = retry);
          item.titleHint = titled.titleHint;
        }
      }
      // A link to an entry's anchor names it: it settles what the text leaves open.
      const anchored = target === undefined ? [] : byYear(brief.sources, anchoredEntries(brief.sources, target), item.year);
      if (anchored.length > 0) {
        const both = matches.filter((m) => anchored.includes(m));
        if (both.length === 0 && matches.length === 1 && anchored.length === 1 && (matches[0] ?? 0) !== anchored[0]) {
          // The text names one entry, the link goes to another: a reader clicking lands on the wrong work.
          const [named = 0, linked = 0] = [matches[0], anchored[0]];
          item.sourceIndex = named;
          useCount[named] = (useCount[named] ?? 0) + 1;
          useCount[linked] = (useCount[linked] ?? 0) + 1;
          return diagnostic(file, item.span, "warning", "citation/link-target", `"${`${author} ${item.year}`.trim()}" names "${label(named, forms[named]?.[0] ?? form)}" but links to "#${target}", the entry "${excerpt(brief.sources[linked]?.text ?? "")}"`, ["correct the link or the citation"]);
        }
        if (both.length === 1 || (both.length === 0 && anchored.length === 1)) matches = both.length === 1 ? both : anchored;
      }
      if (matches.length === 0 && !item.speculative) {
        // Not in the list: a full reference in a note may be what the text names.
        const inNote = matchItem(item, noteIndex, noteSources, noteHeads).matches;
        const works = new Set(inNote.map((n) => words(noteSources[n]?.title ?? "")));
        if (inNote.length > 0 && works.size === 1) {
          inNotes.set(item, inNote[0] ?? 0);
          item.author = author;
          return null;
        }
      }
      // Title words that fit several works by the author ("(Smith, *Climate Policy*)") make it a citation.
      if (item.speculative && matches.length !== 1 && !(item.titleHint && matches.length > 1)) {
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
      if (matches.length > 1 && matches.some((m) => !years(m).includes(item.year))) {
        // "2022" for 2022a and 2022b, or MLA's author alone for two works: name them all.
        for (const m of matches) useCount[m] = (useCount[m] ?? 0) + 1;
        // MLA readers know a work by its title, not its year: "Smith, Borders (2020)".
        const names = matches.map((m) => (item.year === "" ? `"${displays[m]?.get(form) ?? author}, ${brief.sources[m]?.title ?? ""} (${brief.sources[m]?.year ?? ""})"` : `"${label(m, form)}"`));
        const fix = item.year === "" ? titleFix(item, matches.map((m) => brief.sources[m]?.title ?? ""), author) : `add the letter: ${matches.map((m) => `${author} ${brief.sources[m]?.year ?? ""}`).join(" or ")}`;
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
      const d = resolver.resolve(brief.file, item, c.target);
      if (d) pairs.push({ item, diagnostic: d });
    }
  }
  // With references in the notes, a citation none of them names is a problem of its own.
  const diagnostics = resolver.notes.length > 0 ? pairs.map((p) => p.diagnostic) : oneForNoList(brief, pairs);
  diagnostics.push(...resolveIbid(brief, resolver.useCount, resolver.notes, resolver.inNotes, resolver.listed));
  countLinkUses(brief, resolver.useCount);
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


/** The first words of an entry, to name it in a message. */
function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 50 ? `${t.slice(0, 50).replace(/\s\S*$/, "")}…` : t;
}
