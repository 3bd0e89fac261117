// Font family names for text, by script, from the coverage table alone (no font is read):
// what a PPTX names per run so PowerPoint or LibreOffice picks the face the PDF and the
// deck use (Noto Naskh Arabic for a name in Arabic), falling back to its own if missing.
import { SCRIPT_FONT_INFO, scriptFontOf } from "../pdf/font-files.js";
import { covers, fallbackFor } from "./coverage.js";

const LATIN = "Source Sans 3";
/** Text Source Sans 3 surely has (Latin-1, Latin Extended-A, common punctuation). */
const PLAIN = /^[\u0000-\u017f\u2000-\u201e\u2020-\u2027]*$/;

/**
 * `text` cut into runs that one family each draws (Source Sans 3, or the script face for a
 * name in Arabic, Burmese…), for a PPTX to name per run. Spaces go with the run before.
 */
export function fontRuns(text: string): Array<{ text: string; family: string }> {
  if (PLAIN.test(text)) return [{ text, family: LATIN }];
  const out: Array<{ text: string; family: string }> = [];
  for (const char of text) {
    const last = out[out.length - 1];
    const family = last && (/[\s\p{M}\u200c\u200d\ufe0f]/u.test(char) || (/\p{Script=Common}/u.test(char) && last.family !== LATIN && fontFamilyForText(char) === LATIN)) ? last.family : fontFamilyForText(char);
    if (last && last.family === family) last.text += char;
    else out.push({ text: char, family });
  }
  return out;
}

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
