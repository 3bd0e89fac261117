// Pandoc's key citations: "[@a; @b]", "[see @a, pp. 3–5]", "[-@a]", "@a [p. 33]". Keys
// may hold non-ASCII letters and ":.#$%&-+?<>~/"; cross-reference prefixes never start one.
import type { FoundCitation, FoundItem } from "./find.js";

const KEY = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*`;
/** Cross-reference prefixes (Quarto "@fig-map", pandoc-crossref "@fig:map"): never citations. */
const CROSS_REF = /^(fig|tbl|sec|eq|lst)[:-]/;
/** One item of a bracketed citation: "see @a, pp. 3–5", "-@a", "@a p. 33". A prefix ends in a space. */
const ITEM = new RegExp(String.raw`^(\s*)(?:([^@]*?\S)\s+)?(-?)@(${KEY}|\{[^{}]+\})(.*)$`, "su");
/** "@a, @b" inside one pair of brackets (nocite's form, and some writers' for "@a; @b"). */
const COMMA_KEYS = new RegExp(String.raw`^\s*,\s*-?@${KEY}`, "u");

/** "@key." at a sentence end: Pandoc drops trailing punctuation from keys. */
const tidyKey = (k: string) => k.replace(/^\{|\}$/g, "").replace(/[.:,;?]+$/, "");

/**
 * Pandoc keys: "[@yoon2024]", "[see @a; @b, p. 3]", "[-@a]", "@a [p. 33]" and bare
 * "@yoon2024" (narrative). Each item's `authors` holds the key; `key` marks it as a key
 * citation. E-mail addresses and "@" inside URLs are never citations.
 */
export function findKeyCitations(text: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(/\[([^[\]]*@[^[\]]*)\]/gu)) {
    const items = bracketItems(m[1] ?? "", m.index + 1);
    if (items.length === 0) continue;
    found.push({ style: "parenthetical", raw: m[0], start: m.index, end: m.index + m[0].length, items });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}_@.\[/:~+-])-?@(${KEY})`, "gu"))) {
    const key = tidyKey(m[1] ?? "");
    if (!key || CROSS_REF.test(key) || taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    let end = m.index + m[0].length - (m[1] ?? "").length + key.length;
    // "@yoon2024 [p. 33]": a locator in brackets right after a narrative citation.
    const locator = /^ \[([^[\]@]+)\](?![({])/u.exec(text.slice(end));
    if (locator) end += locator[0].length;
    found.push({ style: "narrative", raw: text.slice(m.index, end), start: m.index, end, items: [{ authors: [key], key, year: "", locator: locator?.[1]?.trim() ?? "", prefix: "", start: m.index, end }] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Items of "[see @a, p. 3; @b]": split on ";" (and on ", @" between bare keys). */
function bracketItems(inner: string, base: number): FoundItem[] {
  const items: FoundItem[] = [];
  let offset = base;
  for (const part of inner.split(";")) {
    let rest = part;
    let at = offset;
    while (rest) {
      const km = ITEM.exec(rest);
      const key = tidyKey(km?.[4] ?? "");
      if (!km || !key || CROSS_REF.test(key)) break;
      const prefix = km[2] ?? "";
      let suffix = km[5] ?? "";
      const keyAt = rest.length - suffix.length - (km[4] ?? "").length - 1 - (km[3] ?? "").length;
      let next = "";
      if (COMMA_KEYS.test(suffix)) {
        // "[@a, @b]": the suffix is another key, not a locator.
        next = suffix.replace(/^\s*,/, "");
        suffix = "";
      }
      const own = rest.slice(0, next ? rest.length - next.length - 1 : rest.length).trimEnd();
      items.push({ authors: [key], key, ...(km[3] ? { suppressAuthor: true } : {}), year: "", locator: suffix.replace(/^\s*,?\s*/, "").trim(), prefix: prefix.trim(), start: at + keyAt, end: at + own.length });
      if (!next) break;
      at += rest.length - next.length;
      rest = next;
    }
    offset += part.length + 1;
  }
  return items;
}
