// Font family names by script, from the coverage table alone (no font is read), so a PPTX
// names the faces the PDF and the deck use (Noto Naskh Arabic for Arabic) and PowerPoint
// or LibreOffice fall back to their own when the venue laptop lacks them.
import { SCRIPT_FONT_INFO, scriptFontOf } from "./font-files.js";
import { covers, fallbackFor } from "./coverage.js";

const LATIN = "Source Sans 3";

/**
 * The font family a deck or PPTX should name for `text`: the script face of its first
 * character the Latin face lacks, else Source Sans 3. Reads the coverage table only.
 */
export function fontFamilyForText(text: string): string {
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (/\s/u.test(char) || covers("sans", cp)) continue;
    const key = fallbackFor(char, false);
    if (key) return SCRIPT_FONT_INFO[scriptFontOf(key)].family;
  }
  return LATIN;
}

/** OOXML theme script tags (ISO 15924) and the faces the PDF and the deck use for them. */
const THEME_SCRIPTS: ReadonlyArray<[string, Parameters<typeof familyOf>[0]]> = [
  ["Arab", "arab"], ["Hebr", "hebr"], ["Mymr", "mymr"], ["Beng", "beng"], ["Taml", "taml"], ["Sinh", "sinh"], ["Deva", "deva"],
  ["Thai", "thai"], ["Khmr", "khmr"], ["Laoo", "laoo"], ["Ethi", "ethi"], ["Geor", "geor"], ["Armn", "armn"],
];

function familyOf(script: keyof typeof SCRIPT_FONT_INFO): string {
  return SCRIPT_FONT_INFO[script].family;
}

/**
 * A PPTX theme's per-script fonts pointed at our Noto faces: PowerPoint and LibreOffice
 * draw a run's complex-script text in the theme's face for its script (the run itself
 * names the Latin face only). Scripts the theme has no entry for get one.
 */
export function themeScriptFaces(themeXml: string): string {
  let xml = themeXml;
  for (const [tag, script] of THEME_SCRIPTS) {
    const entry = `<a:font script="${tag}" typeface="${familyOf(script)}"/>`;
    const existing = new RegExp(`<a:font script="${tag}" typeface="[^"]*"/>`, "g");
    xml = existing.test(xml) ? xml.replace(existing, entry) : xml.replace(/<\/a:(major|minor)Font>/g, `${entry}</a:$1Font>`);
  }
  return xml;
}
