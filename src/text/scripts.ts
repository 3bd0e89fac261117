// Scripts of text: which language tag a run in another script carries (/Lang in the
// PDF, lang= in the deck) and which scripts need a right-to-left paragraph.

/** Language tags for runs by script; "und-Xxxx" (BCP 47) where the script alone cannot tell. */
const SCRIPT_LANGS: ReadonlyArray<[RegExp, string | ((text: string) => string)]> = [
  [/\p{Script=Hangul}/u, "ko"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Han}/u, "zh-Hans"],
  [/\p{Script=Arabic}/u, arabicLang],
  [/\p{Script=Hebrew}/u, "he"],
  [/\p{Script=Myanmar}/u, "my"],
  [/\p{Script=Bengali}/u, "bn"],
  [/\p{Script=Tamil}/u, "ta"],
  [/\p{Script=Sinhala}/u, "si"],
  [/\p{Script=Devanagari}/u, "und-Deva"],
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Khmer}/u, "km"],
  [/\p{Script=Lao}/u, "lo"],
  [/\p{Script=Ethiopic}/u, "und-Ethi"],
  [/\p{Script=Georgian}/u, "ka"],
  [/\p{Script=Armenian}/u, "hy"],
  [/[\u1f00-\u1fff]/u, "grc"],
];

/** Persian and Urdu have letters Arabic lacks; anything else in Arabic script reads as Arabic. */
function arabicLang(text: string): string {
  if (/[ٹڈڑںےۓھ]/u.test(text)) return "ur";
  if (/[پچژگکی]/u.test(text)) return "fa";
  return "ar";
}

/**
 * The language of a run of text when its script says it, else undefined (Latin, Greek,
 * Cyrillic, symbols: the brief's own language applies). `base` is the brief's language:
 * text in the script the brief is written in takes the brief's tag (a Persian brief's
 * Persian runs are "fa", not whatever the letters suggest).
 */
export function scriptLang(text: string, base?: string): string | undefined {
  for (const [script, lang] of SCRIPT_LANGS) {
    if (!script.test(text)) continue;
    const tag = typeof lang === "string" ? lang : lang(text);
    if (base && sameScript(base, tag)) return undefined;
    return tag;
  }
  return undefined;
}

/** A BCP 47-ish language tag, as the front matter's `lang` and a span's `{lang=…}` are checked. */
export const LANG_TAG = /^[a-zA-Z]{2,3}([-_][A-Za-z0-9]+)*$/;

const RTL_LANGS = /^(ar|fa|ur|ps|ckb|ku-Arab|sd|ug|yi|he|iw|dv)(-|$)/i;

/** Languages written right to left (the brief's `lang` makes the whole brief RTL). */
export function isRtlLang(lang: string | undefined): boolean {
  return lang !== undefined && RTL_LANGS.test(lang);
}

/** A brief set right to left: `dir: rtl`, or a right-to-left `lang` without `dir: ltr`. */
export function isRtlBrief(meta: { dir?: "ltr" | "rtl"; lang?: string }): boolean {
  return meta.dir ? meta.dir === "rtl" : isRtlLang(meta.lang);
}

/** The written script of a few languages whose runs need no tag of their own in a brief in that language. */
function sameScript(base: string, tag: string): boolean {
  const family = (t: string) => (/^(ar|fa|ur|ps|ckb|sd|ug)\b/i.test(t) ? "Arab" : /^(he|iw|yi)\b/i.test(t) ? "Hebr" : t.split("-")[0]!.toLowerCase());
  return family(base) === family(tag);
}
