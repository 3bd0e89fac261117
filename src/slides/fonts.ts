// Fonts for the deck, embedded in its CSS as subset WOFF2 data URLs so a venue laptop
// without internet shows the same deck. CJK fonts are added only when needed.
import subsetFont from "subset-font";
import type { FontBook, FontKey } from "../pdf/fonts.js";

const FAMILIES: Array<{ key: FontKey; family: string; weight: number; style: "normal" | "italic" }> = [
  { key: "sans", family: "Source Sans 3", weight: 400, style: "normal" },
  { key: "sans-italic", family: "Source Sans 3", weight: 400, style: "italic" },
  { key: "sans-bold", family: "Source Sans 3", weight: 700, style: "normal" },
  { key: "kr", family: "Noto Sans KR", weight: 400, style: "normal" },
  { key: "kr-bold", family: "Noto Sans KR", weight: 700, style: "normal" },
  { key: "sc", family: "Noto Sans SC", weight: 400, style: "normal" },
  { key: "sc-bold", family: "Noto Sans SC", weight: 700, style: "normal" },
];

/** @font-face rules for exactly the characters in `text`. */
export async function embeddedFontCss(text: string, fonts: FontBook): Promise<string> {
  const chars = [...new Set(text.replace(/\s/gu, ""))].join("") + " ";
  const latin = fonts.segment(chars, "sans");
  const needed = new Map<FontKey, string>();
  for (const piece of latin) needed.set(piece.key, (needed.get(piece.key) ?? "") + piece.text);
  // Every Latin face gets the full character set used; fallbacks only their own share.
  const rules: string[] = [];
  for (const face of FAMILIES) {
    const isFallback = face.key.startsWith("kr") || face.key.startsWith("sc");
    const base = isFallback ? needed.get(face.key.replace("-bold", "") as FontKey) : chars;
    if (!base) continue;
    const woff2 = await subsetFont(fonts.bytes(face.key), base, { targetFormat: "woff2" });
    rules.push(
      `@font-face{font-family:"${face.family}";font-weight:${face.weight};font-style:${face.style};font-display:block;src:url(data:font/woff2;base64,${woff2.toString("base64")}) format("woff2")}`,
    );
  }
  return rules.join("\n");
}
