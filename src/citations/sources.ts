// Turns one free-form Sources entry ("Lina Yoon. (May 8th 2024). Title. Publisher.")
// into structured fields: authors, year, title, URL, DOI. Pure.
import type { SourceAuthor } from "../model/brief.js";
import { readAuthorBlock } from "./names.js";

export interface ParsedEntry {
  authors: SourceAuthor[];
  year: string;
  dateText: string;
  /** [year, month?, day?] when the date could be read. */
  dateParts?: number[];
  title: string;
  /** The part after the title: publisher or container ("Human Rights Watch"). */
  publisher?: string;
  url?: string;
  doi?: string;
  /** A UN-style document symbol ("A/HRC/25/CRP.1"). */
  symbol?: string;
  /** The authors end in "et al.". */
  moreAuthors?: boolean;
  /** Written "———." : the caller gives it the previous entry's authors. */
  sameAuthors?: boolean;
  /** The entry's own number ("[3] …", "3. …"). */
  number?: number;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "May 8th 2024", "7 February 2014", "2024-05-08", "2024" → [y, m, d]. */
export function dateParts(dateText: string): number[] | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(dateText)?.[1];
  if (!year) return undefined;
  const monthIndex = MONTHS.findIndex((m) => new RegExp(`\\b${m.slice(0, 3)}`, "i").test(dateText));
  if (monthIndex < 0) return [Number(year)];
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(dateText.replace(year, ""))?.[1];
  return day ? [Number(year), monthIndex + 1, Number(day)] : [Number(year), monthIndex + 1];
}

const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?`;
/** A date right after the authors: "(2019)", "(2019, May 3)", "(n.d.)" (APA, Harvard, free form). */
const PAREN_DATE = new RegExp(String.raw`^\s*[.,]?\s*\((?<date>[^()]*?(?:\b${YEAR}\b|n\.\s?d\.|no date)[^()]*)\)`, "u");
/** A bare one: ". 2019." (Chicago, ASA), ", 2019." (Elsevier-Harvard), ". n.d. " */
const BARE_DATE = new RegExp(String.raw`^\s*[.,]?\s*(?<date>(?:\[${YEAR}\]\s)?${YEAR}|n\.\s?d\.(?:-[a-z])?)(?=[.,;:\s]|$)`, "u");
/** Chicago's reprint "(1867) 1990." after the names: the original year, then the edition's. */
const REPRINT = new RegExp(String.raw`^\s+(?<year>${YEAR})(?=[.,])`, "u");
/** The first date that may close a run of names: "(2019)", "(n.d.)", ", 2002." */
const LATE_EARLY_DATE = new RegExp(String.raw`[.,]?\s*\((?:[^()]*?(?:\b${YEAR}\b|n\.\s?d\.|no date)[^()]*)\)|[.,]\s(?:${YEAR})(?=\.\s|\.$)`, "u");
/** Numbered entries: "[3] …" (IEEE) or "3. …" (Vancouver, Nature) when not a list item. */
const NUMBER = /^\s*(?:\[(?<b>\d{1,4})\]\s*|(?<d>\d{1,4})\.\s+)/u;
/** "———." / "---." (Chicago, MLA): the same authors as the entry above. */
const SAME_AUTHORS = /^\s*(?:[—―–]{2,}|-{2,}|_{3,})\s*[.,]?\s*/u;

export function parseSourceEntry(text: string): ParsedEntry {
  let flat = text.replace(/\s+/g, " ").trim();
  const numbered = NUMBER.exec(flat);
  if (numbered) flat = flat.slice(numbered[0].length);
  const same = SAME_AUTHORS.exec(flat);
  const block = same ? { authors: [], more: false, end: same[0].length } : readAuthorBlock(flat);
  let after = flat.slice(block.end);
  let early = PAREN_DATE.exec(after) ?? BARE_DATE.exec(after);
  if (!early) {
    // The names ran on past what the reader took ("…, Spinu, V., … Yutani, H. (2019)",
    // "Susan Lund, J. M., Anu Madgavkar, & Robinson, O. (2021)"): the date after them is still
    // the entry's date, if nothing between reads as a title.
    const late = LATE_EARLY_DATE.exec(after);
    const gap = after.slice(0, late?.index ?? 0);
    // Names go on after a comma, "&", "and" or "…" (or open the entry, when none were read).
    const continues = block.authors.length === 0 || /^[\s.]*(?:,|&|and\s|\u2026|\(\p{Lu}[\p{Lu}\p{N}&-]+\))/u.test(after);
    // "(2020)" right after the names is APA's mark: any names before it will do; a bare ", 2002." needs names only.
    const paren = late?.[0].includes("(") === true && !/[\u201c"\u2018]|:\s|\p{L}\p{Ll}\.\s+\p{Lu}/u.test(gap);
    if (late && continues && (paren || readsAsNames(gap))) {
      after = after.slice(late.index);
      early = PAREN_DATE.exec(after) ?? BARE_DATE.exec(after);
    }
  }
  let rest = early ? after.slice(early[0].length) : after;
  const reprint = early?.[0].includes("(") ? REPRINT.exec(rest) : null;
  if (reprint) rest = rest.slice(reprint[0].length);
  const titlePart = rest.replace(/^[\s.,:]+/, "");
  let title = readTitle(titlePart);
  const afterTitle = titlePart.slice(titlePart.indexOf(title) + title.length).replace(/^[\s.,”"’]+/, "");
  let dateText = early?.groups?.date?.trim() ?? lateDate(afterTitle) ?? "";
  if (reprint) dateText = `${dateText} [${reprint.groups?.year ?? ""}]`;
  // Chicago's "*Reprex: …*, 2024. <url>": the year closes the title's sentence.
  const closing = new RegExp(String.raw`,\s*(${YEAR}|n\.\s?d\.)$`, "u").exec(title);
  if (!dateText && closing) {
    dateText = closing[1] ?? "";
    title = title.slice(0, closing.index);
  }
  // "1867 [1990]": the entry is filed under the edition's year, and cited by either.
  const year = reprint ? yearOf(reprint.groups?.year ?? "") : yearOf(dateText.replace(/^\[[^\]]*\]\s*/, ""));
  const url = /https?:\/\/[^\s<>]+/u.exec(flat)?.[0]?.replace(/[.,;)]+$/, "");
  // Anything written as a DOI is captured, well formed or not; the source/doi rule judges it.
  const doi = (/(?:\bdoi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(\S+)/iu.exec(flat)?.[1] ?? /\b(10\.\d+\/[^\s<>]+)/u.exec(flat)?.[1])?.replace(/[.,;]+$/, "");
  const symbol = /\b[A-Z]{1,6}(?:\/[A-Z0-9.]+){2,}[A-Z0-9]\b/.exec(afterTitle)?.[0];
  const publisher = afterTitle
    .split(/\.\s+(?=\p{Lu}|https?:|doi:)/u)
    .map((p) => p.trim().replace(/\.$/, ""))
    .find((p) => p && !/^https?:/.test(p) && p !== symbol && !/^doi:/i.test(p));
  const number = numbered ? Number(numbered.groups?.b ?? numbered.groups?.d) : undefined;
  return {
    authors: block.authors,
    year,
    dateText,
    dateParts: dateParts(dateText),
    title,
    publisher,
    url,
    doi,
    symbol,
    ...(block.more ? { moreAuthors: true } : {}),
    ...(same ? { sameAuthors: true } : {}),
    ...(number !== undefined ? { number } : {}),
  };
}

/** Text that can only be more names: capitalised words, initials, "and", "&", "…", "et al.". */
function readsAsNames(gap: string): boolean {
  const tokens = gap.split(/[\s,;]+/u).filter(Boolean);
  return tokens.every((t) => /^(?:\p{Lu}[\p{L}\p{M}'\u2019-]*|\p{Lu}\.(?:-?\p{Lu}\.)*|and|&|et\.?|al\.?|\u2026|\.\.\.|\.|van|von|de|der|den|du|da|di|la|le|del|dos)$/u.test(t));
}

/** A quoted title (“…,” or "…."), or the text up to the first full stop that ends a sentence. */
function readTitle(part: string): string {
  const quoted = /^[“"](?<t>[^”"]+?)[,.]?[”"]/u.exec(part);
  if (quoted?.groups?.t) return quoted.groups.t.trim();
  const plain = (/^(.+?[^\s.A-Z])\.(?:\s|$)/u.exec(part)?.[1] ?? part).trim();
  return plain.replace(/\s*\[(?:Internet|Online)\]$/iu, "");
}

/** A date after the title (MLA, Vancouver, IEEE, Nature): the first year outside URLs and DOIs. */
function lateDate(part: string): string | undefined {
  const clean = part.replace(/https?:\/\/\S+|doi:\s*\S+|\b10\.\d+\/\S+/giu, " ");
  const m = new RegExp(String.raw`(?<![\d\u2013-])\b(${YEAR})\b(?![\u2013-]\d)|\bn\.\s?d\.`, "u").exec(clean);
  return m?.[0];
}

/** "May 8th 2024" → "2024"; "2024a" keeps its suffix; "n.d." stays "n.d."; "n.d. a" → "n.d.-a" (APA's form). */
export function yearOf(dateText: string): string {
  const undated = /^(?:n\.\s?d\.?|no date)(?:\s*-?\s*(?<letter>[a-z])\.?)?$/u.exec(dateText.trim());
  if (undated) return undated.groups?.letter ? `n.d.-${undated.groups.letter}` : "n.d.";
  return /\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b/u.exec(dateText)?.[0] ?? "";
}

const ONE_YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?`;
/** "2016, 2017, 2018", "2019/2020", "1867 [1990]": a date that is only years. */
const YEAR_LIST = new RegExp(String.raw`^\s*${ONE_YEAR}(?:\s*(?:,|/|and|&|[\u2013-])\s*${ONE_YEAR})+\s*$|^\s*${ONE_YEAR}\s*\[${ONE_YEAR}\]\s*$`, "u");

/**
 * Every year an entry may be cited by. One entry can carry several: a serial ("2016, 2017,
 * 2018"), a season ("2019/2020") or a reprint ("1867 [1990]", cited "1867/1990" in APA or
 * by either year). Pure: the entry's year and the date as written.
 */
export function citableYears(year: string, dateText: string, text = ""): string[] {
  // APA prints the reprint's year and "(Original work published 1867)", and cites "1867/1990".
  const original = /original(?:ly)? (?:work )?published(?: in)? (1[5-9]\d\d|20\d\d)/iu.exec(text)?.[1];
  if (original && /^\d{4}[a-z]?$/u.test(year)) return [year, original, `${original}/${year}`];
  if (!YEAR_LIST.test(dateText) && !/^\s*\[(?:1[5-9]\d\d|20\d\d)\]\s/u.test(dateText)) return [year];
  const all = [...dateText.matchAll(new RegExp(ONE_YEAR, "gu"))].map((m) => m[0]);
  const out = [year, ...all];
  if (all.length === 2) out.push(`${all[0]}/${all[1]}`);
  return [...new Set(out)];
}
