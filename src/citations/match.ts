// How a typed citation item finds its entries: every way of naming an entry's authors
// (forms.ts), indexed with each year it may be cited by, then the names looked for in the
// words the entry opens with (loose.ts), then MLA's title words. Pure: items and entries in,
// entry indexes out. Used for the sources list and for references kept in notes alike.
import type { CiteItem, SourceEntry } from "../model/brief.js";
import { editDistance } from "../text/edit-distance.js";
import { canonicalAuthor, fold, isShortName } from "./forms.js";
import { looseMatches, words } from "./loose.js";
import { citableYears } from "./sources.js";

/** "name\u0000year" (and "name" alone) → entry indexes: one lookup per citation item, not a scan. */
export type FormIndex = Map<string, number[]>;

export function indexForms(sources: readonly SourceEntry[], forms: readonly string[][]): FormIndex {
  const index: FormIndex = new Map();
  sources.forEach((s, i) => {
    for (const form of new Set(forms[i] ?? [])) {
      // An entry with several years ("2016, 2017", "1867 [1990]") is found by each.
      for (const key of [...citableYears(s.year, s.dateText, s.text).map((y) => `${form}\u0000${y}`), form]) {
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      }
    }
  });
  return index;
}

export function matchItem(item: CiteItem, index: FormIndex, sources: readonly SourceEntry[], heads: readonly string[]): { matches: number[]; author: string; form: string } {
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

/**
 * MLA tells two works by one author apart by a short title; when the short titles are the
 * same ("Climate Policy" for both), by more of the title, as the MLA Handbook does.
 */
export function titleFix(item: CiteItem, titles: readonly string[], author: string): string {
  const split = titles.map((t) => t.split(/\s+/).filter(Boolean));
  const longer = split.map((ws, k) => {
    for (let n = 1; n <= ws.length; n++) {
      const head = words(ws.slice(0, n).join(" "));
      if (split.every((other, j) => j === k || !words(other.join(" ")).startsWith(head))) return ws.slice(0, n).join(" ").replace(/[,:;.]$/, "");
    }
    return ws.join(" ");
  });
  const distinct = new Set(longer.map((t) => words(t))).size === longer.length;
  if (!distinct) return "the works have the same title: name the one meant by its year or where it appeared";
  const lead = item.titleHint ? "write more of the title" : "add a few words of the title";
  return `${lead}: ${longer.map((t) => `(${author}, ${t} …)`).join(" or ")}`;
}

/** Close candidates: a near name with the same year, the same name a year off, or the long name of an organisation. */
export function suggestions(item: CiteItem, sources: SourceEntry[], forms: string[][], displays: Array<Map<string, string>>): Array<{ label: string; index: number }> {
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
