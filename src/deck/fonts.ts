// Fonts for the deck, embedded in its CSS as subset TrueType data URLs so a venue laptop
// without internet shows the same deck. CJK fonts are added only when needed, and so are
// the script faces (Arabic, Burmese, Thai…), as further faces of "Source Sans 3" limited
// by unicode-range to the characters they draw: the theme's font stacks need no change.
import { sha256 } from "../world/hash.js";
import type subsetFontType from "subset-font";
import { loadPackage } from "../world/packages.js";
import { INVISIBLE, isCjk, isFallback, type FontBook, type FontKey } from "../text/fonts.js";
import { SCRIPT_FONT_INFO, scriptFontOf, type FallbackFace } from "../text/font-files.js";
import { paragraphDirection } from "../text/bidi.js";

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

/** CSS unicode-range of exactly these characters. */
function unicodeRange(chars: string): string {
  return [...new Set(chars)].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(",");
}

/** The subset of one face as base64 TrueType, cached by face and characters. */
export async function subset(fonts: FontBook, key: FontKey, chars: string, cache?: FontCache): Promise<string> {
  // Plain TrueType: WOFF2's Brotli in WebAssembly costs ~0.8 s a deck and WOFF's
  // deflate ~0.15 s, to shrink a subset that is a few tens of kilobytes anyway.
  const id = sha256(`font-subset-v1\u0000${key}\u0000${chars}`);
  let data = cache?.cacheGet(id);
  if (!data) {
    const subsetFont = loadPackage<typeof subsetFontType>("subset-font");
    data = (await subsetFont(fonts.bytes(key), chars, { targetFormat: "sfnt" })).toString("base64");
    cache?.cacheSet(id, data);
  }
  return data;
}

const fontFace = (family: string, weight: number | string, style: string, data: string, range?: string): string =>
  `@font-face{font-family:"${family}";font-weight:${weight};font-style:${style};font-display:block;src:url(data:font/ttf;base64,${data}) format("truetype")${range ? `;unicode-range:${range}` : ""}}`;

/** One face the deck uses and the characters it draws (its subset). */
export interface DeckFace {
  key: FontKey;
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** The characters to subset it to. */
  chars: string;
  /** A script face standing in as further faces of "Source Sans 3": the range it draws. */
  range?: string;
}

/**
 * The faces `text` needs and each one's characters: the Latin faces draw everything, the
 * script faces their own share. The HTML deck and the PPTX subset from this one plan, so
 * the PPTX's subsets are the HTML's, cached.
 */
export function deckFaces(text: string, fonts: FontBook): DeckFace[] {
  // Invisible controls (zero-width, bidi) need no glyph; the browser just applies them.
  const chars = [...new Set(text.replace(/\s/gu, "").replace(INVISIBLE, ""))].join("") + " ";
  const latin = fonts.segment(chars, "sans");
  const needed = new Map<FontKey, string>();
  for (const piece of latin) needed.set(piece.key, (needed.get(piece.key) ?? "") + piece.text);
  // Every Latin face gets the full character set used; fallbacks only their own share.
  const faces: DeckFace[] = [];
  for (const face of FAMILIES) {
    const base = isFallback(face.key) ? needed.get(face.key.replace("-bold", "") as FontKey) : chars;
    if (base) faces.push({ ...face, chars: base });
  }
  for (const [key, share] of needed) {
    if (!isFallback(key) || isCjk(key)) continue;
    // The same characters in bold for headings (the weight the face has; one-weight faces repeat).
    const ownShare = share + (JOINERS.test(text) ? "\u200c\u200d" : "");
    const family = SCRIPT_FONT_INFO[scriptFontOf(key)].family;
    const range = unicodeRange(share);
    faces.push({ key, family, weight: 400, style: "normal", chars: ownShare, range });
    faces.push({ key: `${key}-bold` as FallbackFace, family, weight: 700, style: "normal", chars: ownShare, range });
  }
  return faces;
}

/**
 * @font-face rules for exactly the characters in `text`. Subsetting starts HarfBuzz in
 * WebAssembly (~0.5 s), so results are cached by font and character set. A deck written
 * mostly right to left is set right to left.
 */
export async function embeddedFontCss(text: string, fonts: FontBook, cache?: FontCache): Promise<string> {
  const rules: string[] = [];
  let regular = "";
  for (const face of deckFaces(text, fonts)) {
    const data = await subset(fonts, face.key, face.chars, cache);
    if (!face.range) {
      rules.push(fontFace(face.family, face.weight, face.style, data));
      continue;
    }
    // Script faces are further faces of "Source Sans 3", limited to their characters.
    rules.push(fontFace("Source Sans 3", face.weight, "normal", data, face.range));
    if (face.weight === 400) regular = data;
    // Italic too (quote slides), upright and regular (bold italic stays unmatched): these
    // scripts have no italic, and without an italic face of their own the browser would
    // take a system font for them.
    else rules.push(fontFace("Source Sans 3", 400, "italic", regular, face.range));
  }
  if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/u.test(text)) {
    // Paragraphs and list items take their direction from their own text (an Arabic
    // sentence in an English deck); a deck in Arabic or Hebrew is right to left as a whole.
    // The running header, footer and page number swap sides with it (the theme places them
    // with higher specificity, hence !important).
    rules.push(
      paragraphDirection(text) === "rtl"
        ? "section{direction:rtl}\nsection header,section footer{left:auto!important;right:30px!important}\nsection::after{right:auto!important;left:30px!important}"
        : "section p,section li{unicode-bidi:plaintext}",
    );
  }
  return rules.join("\n");
}

const JOINERS = /[\u200c\u200d]/u;

export { fontFamilyForText } from "../text/families.js";
