// Turns one free-form Sources entry ("Lina Yoon. (May 8th 2024). Title. Publisher.")
// into structured fields: authors, year, title, URL, DOI. Pure.
import type { SourceAuthor } from "../model.js";

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

const ORG_WORDS =
  /\b(Council|Watch|Nations|Commission|Committee|Office|Agency|Ministry|Government|International|Institute|Organi[sz]ation|Assembly|Congress|Parliament|Court|Amnesty|Bank|Union|Foundation|Centre|Center|Network|Programme|Program|Department|Bureau|Secretariat|Society|Association|Group|Federation|Republic|Fund|Board|People’s|People's|UNHCR|OHCHR|UN)\b/u;

const DATE_IN_PARENS = /\((?<date>[^()]*?(?:\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|n\.\s?d\.)[^()]*)\)/u;
const BARE_YEAR = /(?:^|[.,]\s+)(?<date>(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)(?=[.,])/u;

export function parseSourceEntry(text: string): ParsedEntry {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = DATE_IN_PARENS.exec(flat) ?? BARE_YEAR.exec(flat);
  const dateText = m?.groups?.date?.trim() ?? "";
  const year = yearOf(dateText);
  const authorText = m ? flat.slice(0, m.index).replace(/[\s.,]+$/, "") : "";
  const rest = m ? flat.slice(m.index + m[0].length).replace(/^[\s.,]+/, "") : flat;
  const url = /https?:\/\/[^\s<>]+/u.exec(flat)?.[0]?.replace(/[.,;)]+$/, "");
  // Anything written as a DOI is captured, well formed or not; the source/doi rule judges it.
  const doi = (/(?:\bdoi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(\S+)/iu.exec(flat)?.[1] ?? /\b(10\.\d+\/[^\s<>]+)/u.exec(flat)?.[1])?.replace(/[.,;]+$/, "");
  const title = (/^(.+?[^\s.A-Z])\.(?:\s|$)/u.exec(rest)?.[1] ?? rest).trim();
  const afterTitle = rest.slice(title.length).replace(/^[\s.]+/, "");
  const symbol = /\b[A-Z]{1,6}(?:\/[A-Z0-9.]+){2,}[A-Z0-9]\b/.exec(afterTitle)?.[0];
  const publisher = afterTitle
    .split(/\.\s+(?=\p{Lu}|https?:|doi:)/u)
    .map((p) => p.trim().replace(/\.$/, ""))
    .find((p) => p && !/^https?:/.test(p) && p !== symbol && !/^doi:/i.test(p));
  return { authors: parseAuthors(authorText), year, dateText, dateParts: dateParts(dateText), title, publisher, url, doi, symbol };
}

/** "May 8th 2024" → "2024"; "2024a" keeps its suffix; "n.d." stays "n.d.". */
export function yearOf(dateText: string): string {
  if (/^n\.\s?d\.$/u.test(dateText)) return "n.d.";
  return /\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b/u.exec(dateText)?.[0] ?? "";
}

export function parseAuthors(text: string): SourceAuthor[] {
  if (!text) return [];
  const acronymMatch = /^(?<name>.*?)\s*\((?<acr>[\p{Lu}][\p{L}&.\-]{1,15})\)$/u.exec(text);
  if (acronymMatch?.groups) {
    const name = acronymMatch.groups.name ?? "";
    return [{ family: name, literal: name, acronym: acronymMatch.groups.acr }];
  }
  const chunks = text.split(/\s*(?:;|\s&\s|,?\s+and\s+)\s*/u).filter(Boolean);
  const personList = chunks.every((c) => c.split(/\s*,\s*/u).every((p) => p.split(/\s+/).length <= 3 && !ORG_WORDS.test(p)));
  if (!personList && looksLikeOrganisation(text)) return [{ family: text, literal: text }];
  const authors: SourceAuthor[] = [];
  for (const chunk of chunks) {
    const pieces = chunk.split(/\s*,\s*/u).filter(Boolean);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? "";
      const next = pieces[i + 1];
      // "Yoon, L." / "Yoon, Lina": family first, then given names or initials.
      if (next !== undefined && !piece.includes(" ") && isGivenPart(next)) {
        authors.push({ family: piece, given: next });
        i++;
      } else {
        authors.push(personFromDisplay(piece));
      }
    }
  }
  return authors;
}

function isGivenPart(s: string): boolean {
  return /^(?:[\p{Lu}]\.?\s?)+$/u.test(s) || (/^[\p{Lu}][\p{Ll}]+(?:\s[\p{Lu}]\.?)*$/u.test(s) && !s.includes(" "));
}

/** Korean and Chinese names written without spaces put the family name first: 윤석열, 赵乐际. */
const CJK_NAME = /^[\p{Script=Hangul}\p{Script=Han}]{2,4}$/u;

function personFromDisplay(name: string): SourceAuthor {
  if (looksLikeOrganisation(name)) return { family: name, literal: name };
  if (CJK_NAME.test(name)) {
    const [family = "", ...given] = [...name];
    return { family, given: given.join("") };
  }
  const words = name.split(/\s+/);
  if (words.length === 1) return { family: name };
  // Particles stay with the family name: "Ruud van Dijk" → family "van Dijk".
  let split = words.length - 1;
  while (split > 1 && /^(van|von|de|del|der|den|du|la|le|da|di)$/u.test(words[split - 1] ?? "")) split--;
  return { family: words.slice(split).join(" "), given: words.slice(0, split).join(" ") };
}

function looksLikeOrganisation(name: string): boolean {
  const words = name.split(/\s+/);
  return ORG_WORDS.test(name) || words.length > 3 || /^[\p{Lu}]{2,}$/u.test(name);
}
