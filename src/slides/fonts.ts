// Fonts for the deck, embedded in its CSS as subset TrueType data URLs so a venue laptop
// without internet shows the same deck. CJK fonts are added only when needed.
import { sha256 } from "../hash.js";
import type subsetFontType from "subset-font";
import { loadPackage } from "../packages.js";
import { INVISIBLE, isFallback, type FontBook, type FontKey } from "../pdf/fonts.js";

const FAMILIES: Array<{ key: FontKey; family: string; weight: number; style: "normal" | "italic" }> = [
  { key: "sans", family: "Source Sans 3", weight: 400, style: "normal" },
  { key: "sans-italic", family: "Source Sans 3", weight: 400, style: "italic" },
  { key: "sans-bold", family: "Source Sans 3", weight: 700, style: "normal" },
  { key: "kr", family: "Noto Sans KR", weight: 400, style: "normal" },
  { key: "kr-bold", family: "Noto Sans KR", weight: 700, style: "normal" },
  { key: "sc", family: "Noto Sans SC", weight: 400, style: "normal" },
  { key: "sc-bold", family: "Noto Sans SC", weight: 700, style: "normal" },
];

export interface FontCache {
  cacheGet(key: string): string | undefined;
  cacheSet(key: string, value: string): void;
}

/**
 * @font-face rules for exactly the characters in `text`. Subsetting starts HarfBuzz in
 * WebAssembly (~0.5 s), so results are cached by font and character set.
 */
export async function embeddedFontCss(text: string, fonts: FontBook, cache?: FontCache): Promise<string> {
  // Invisible controls (zero-width, bidi) need no glyph; the browser just applies them.
  const chars = [...new Set(text.replace(/\s/gu, "").replace(INVISIBLE, ""))].join("") + " ";
  const latin = fonts.segment(chars, "sans");
  const needed = new Map<FontKey, string>();
  for (const piece of latin) needed.set(piece.key, (needed.get(piece.key) ?? "") + piece.text);
  // Every Latin face gets the full character set used; fallbacks only their own share.
  const rules: string[] = [];
  for (const face of FAMILIES) {
    const base = isFallback(face.key) ? needed.get(face.key.replace("-bold", "") as FontKey) : chars;
    if (!base) continue;
    // Plain TrueType: WOFF2's Brotli in WebAssembly costs ~0.8 s a deck and WOFF's
    // deflate ~0.15 s, to shrink a subset that is a few tens of kilobytes anyway.
    const key = sha256(`font-subset-v1\u0000${face.key}\u0000${base}`);
    let data = cache?.cacheGet(key);
    if (!data) {
      const subsetFont = loadPackage<typeof subsetFontType>("subset-font");
      data = (await subsetFont(fonts.bytes(face.key), base, { targetFormat: "sfnt" })).toString("base64");
      cache?.cacheSet(key, data);
    }
    rules.push(
      `@font-face{font-family:"${face.family}";font-weight:${face.weight};font-style:${face.style};font-display:block;src:url(data:font/ttf;base64,${data}) format("truetype")}`,
    );
  }
  return rules.join("\n");
}
