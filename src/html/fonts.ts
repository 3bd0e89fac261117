// The web edition's fonts, embedded as subset TrueType data URLs (as the deck's are, see
// deck/fonts.ts) so the page reads the same offline: Source Serif 4 for the text, Source
// Sans 3 bold for headings, and the Noto face of any other script as further faces of
// the same families, limited by unicode-range to the characters it draws.
import type subsetFontType from "subset-font";
import { isCjk, isFallback, INVISIBLE, type FontBook, type FontKey } from "../text/fonts.js";
import type { Face, FallbackFace } from "../text/font-files.js";
import { sha256 } from "../world/hash.js";
import { loadPackage } from "../world/packages.js";

export interface FontCache {
  cacheGet(key: string): string | undefined;
  cacheSet(key: string, value: string): void;
}

export const SERIF = "BP Serif";
export const SANS = "BP Sans";

const LATIN: Array<{ key: Face; family: string; weight: number; style: "normal" | "italic" }> = [
  { key: "serif", family: SERIF, weight: 400, style: "normal" },
  { key: "serif-italic", family: SERIF, weight: 400, style: "italic" },
  { key: "serif-bold", family: SERIF, weight: 700, style: "normal" },
  { key: "serif-bolditalic", family: SERIF, weight: 700, style: "italic" },
  { key: "sans-bold", family: SANS, weight: 700, style: "normal" },
];

/** Subsets made in this process: preview and watch rebuild the same page many times. */
const memory = new Map<string, string>();

async function subset(fonts: FontBook, key: FontKey, chars: string, cache?: FontCache): Promise<string> {
  const id = sha256(`html-font-subset-v1\u0000${key}\u0000${chars}`);
  let data = memory.get(id) ?? cache?.cacheGet(id);
  if (!data) {
    const subsetFont = loadPackage<typeof subsetFontType>("subset-font");
    data = (await subsetFont(fonts.bytes(key), chars, { targetFormat: "sfnt" })).toString("base64");
    cache?.cacheSet(id, data);
  }
  memory.set(id, data);
  return data;
}

const unicodeRange = (chars: string): string => [...new Set(chars)].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(",");

const fontFace = (family: string, weight: number, style: string, data: string, range?: string): string =>
  `@font-face{font-family:"${family}";font-weight:${weight};font-style:${style};font-display:swap;src:url(data:font/ttf;base64,${data}) format("truetype")${range ? `;unicode-range:${range}` : ""}}`;

/** @font-face rules for exactly the characters of `text`. */
export async function embeddedFonts(text: string, fonts: FontBook, cache?: FontCache): Promise<string> {
  const chars = [...new Set(text.replace(/\s/gu, "").replace(INVISIBLE, ""))].sort().join("") + " ";
  const needed = new Map<FontKey, string>();
  for (const piece of fonts.segment(chars, "serif")) needed.set(piece.key, (needed.get(piece.key) ?? "") + piece.text);
  const latin = [...needed].filter(([k]) => !isFallback(k)).map(([, t]) => t).join("") + " ";
  const rules = await Promise.all(LATIN.map(async (f) => fontFace(f.family, f.weight, f.style, await subset(fonts, f.key, latin, cache))));
  for (const [key, share] of needed) {
    if (!isFallback(key)) continue;
    const range = unicodeRange(share);
    const own = share + "\u200c\u200d";
    const regular = await subset(fonts, key, own, cache);
    const bold = await subset(fonts, (isCjk(key) ? `${key.replace(/-bold$/, "")}-bold` : `${key}-bold`) as FallbackFace, own, cache);
    for (const family of [SERIF, SANS]) {
      rules.push(fontFace(family, 400, "normal", regular, range), fontFace(family, 700, "normal", bold, range), fontFace(family, 400, "italic", regular, range));
    }
  }
  return rules.join("\n");
}
