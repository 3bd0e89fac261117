// Which bundled face has a glyph for a code point, from the table the compile step wrote
// (tools/font-data.mjs): no font file is read or parsed to answer.
import { readFileSync } from "node:fs";
import { coveragePath, type FallbackFace, type FontKey } from "./font-files.js";

/** Flattened ranges (start, end, start, end…), or the key whose table a face shares. */
type Entry = number[] | FontKey;

let table: Partial<Record<FontKey, Entry>> | undefined;

function ranges(key: FontKey): readonly number[] {
  table ??= JSON.parse(readFileSync(coveragePath(), "utf8")) as Partial<Record<FontKey, Entry>>;
  const entry = table[key] ?? [];
  return typeof entry === "string" ? ranges(entry) : entry;
}

/** Does `key`'s cmap map `cp`? Binary search over its ranges. */
export function covers(key: FontKey, cp: number): boolean {
  const r = ranges(key);
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = r[2 * mid]!;
    const end = r[2 * mid + 1]!;
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return true;
  }
  return false;
}

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;

/**
 * Fallback order after the Latin face: Korean (Hangul + traditional Hanja), then
 * simplified Chinese, for East Asian text; for everything else the script faces first,
 * then symbols and emoji, and the big CJK faces last (they cover many symbols too, but
 * cost 6–10 MB to load).
 */
const CJK_ORDER = ["kr", "sc"] as const;
const OTHER_ORDER = ["arab", "hebr", "mymr", "beng", "taml", "sinh", "deva", "thai", "khmr", "laoo", "ethi", "geor", "armn", "greek", "sym", "sym2", "emoji", "latx", "kr", "sc"] as const;

/** The first fallback face that has `char`, in bold or regular weight; undefined if none. */
export function fallbackFor(char: string, bold: boolean): FallbackFace | undefined {
  const cp = char.codePointAt(0) ?? 0;
  const order = CJK.test(char) ? CJK_ORDER : OTHER_ORDER;
  const found = order.find((s) => covers(bold ? `${s}-bold` : s, cp));
  return found && (bold ? `${found}-bold` : found);
}
