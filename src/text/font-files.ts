// Which npm font file each face comes from. No font parsing here: importing this is cheap.
//
// The script faces are Noto, from @expo-google-fonts (TrueType) and @fontsource (WOFF,
// one file per Unicode subset). HarfBuzz reads only sfnt, so the compile step
// (tools/font-data.mjs) unpacks each WOFF once into build/fonts/<key>.ttf and writes the
// coverage table every face's cmap gives (build/fonts/coverage.json) for `check`.
import { existsSync } from "node:fs";
import { ownFile, resolvePackage } from "../world/packages.js";

export type Face =
  | "serif" | "serif-italic" | "serif-bold" | "serif-bolditalic"
  | "sans" | "sans-italic" | "sans-semibold" | "sans-bold";

/** Script faces, by ISO 15924 code (greek: polytonic Greek, which Source Serif 4 lacks). */
export const SCRIPT_FONTS = [
  "kr", "sc", "arab", "hebr", "mymr", "beng", "taml", "sinh", "deva", "thai", "khmr", "laoo", "ethi", "geor", "armn", "greek", "sym", "sym2", "emoji", "latx",
] as const;
export type ScriptFont = (typeof SCRIPT_FONTS)[number];
export type FallbackFace = ScriptFont | `${ScriptFont}-bold`;

export const FACES: readonly Face[] = ["serif", "serif-italic", "serif-bold", "serif-bolditalic", "sans", "sans-italic", "sans-semibold", "sans-bold"];
export type FontKey = Face | FallbackFace;

const expo = (pkg: string, name: string, weight: "400Regular" | "700Bold") => `@expo-google-fonts/${pkg}/${weight}/${name}_${weight}.ttf`;
const fontsource = (pkg: string, subset: string, weight: 400 | 700) => `@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`;

const FACE_FILES: Record<Face, string> = {
  serif: "@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf",
  "serif-italic": "@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf",
  "serif-bold": "@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf",
  "serif-bolditalic": "@expo-google-fonts/source-serif-4/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf",
  sans: "@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf",
  "sans-italic": "@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf",
  "sans-semibold": "@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf",
  "sans-bold": "@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf",
};

interface ScriptFontInfo {
  /** The family name browsers and PowerPoint know the face by. */
  family: string;
  /** npm file of the regular and bold weight (WOFF files are unpacked at compile time). */
  files: { 400: string; 700?: string };
}

const ts = (pkg: string, name: string, family: string): ScriptFontInfo => ({ family, files: { 400: expo(pkg, name, "400Regular"), 700: expo(pkg, name, "700Bold") } });
const woff = (pkg: string, subset: string, family: string): ScriptFontInfo => ({ family, files: { 400: fontsource(pkg, subset, 400), 700: fontsource(pkg, subset, 700) } });

export const SCRIPT_FONT_INFO: Record<ScriptFont, ScriptFontInfo> = {
  kr: ts("noto-sans-kr", "NotoSansKR", "Noto Sans KR"),
  sc: ts("noto-sans-sc", "NotoSansSC", "Noto Sans SC"),
  arab: ts("noto-naskh-arabic", "NotoNaskhArabic", "Noto Naskh Arabic"),
  hebr: woff("noto-sans-hebrew", "hebrew", "Noto Sans Hebrew"),
  mymr: woff("noto-sans-myanmar", "myanmar", "Noto Sans Myanmar"),
  beng: woff("noto-sans-bengali", "bengali", "Noto Sans Bengali"),
  taml: woff("noto-sans-tamil", "tamil", "Noto Sans Tamil"),
  sinh: ts("noto-sans-sinhala", "NotoSansSinhala", "Noto Sans Sinhala"),
  deva: ts("noto-sans-devanagari", "NotoSansDevanagari", "Noto Sans Devanagari"),
  thai: ts("noto-sans-thai", "NotoSansThai", "Noto Sans Thai"),
  khmr: ts("noto-sans-khmer", "NotoSansKhmer", "Noto Sans Khmer"),
  laoo: ts("noto-sans-lao", "NotoSansLao", "Noto Sans Lao"),
  ethi: woff("noto-sans-ethiopic", "ethiopic", "Noto Sans Ethiopic"),
  geor: woff("noto-sans-georgian", "georgian", "Noto Sans Georgian"),
  armn: woff("noto-sans-armenian", "armenian", "Noto Sans Armenian"),
  // Source Serif 4 has no polytonic Greek; its companion Source Sans 3 has it all.
  greek: { family: "Source Sans 3", files: { 400: FACE_FILES.sans, 700: FACE_FILES["sans-bold"] } },
  sym: woff("noto-sans-symbols", "symbols", "Noto Sans Symbols"),
  // Symbols 2 comes in one weight only.
  sym2: { family: "Noto Sans Symbols 2", files: { 400: fontsource("noto-sans-symbols-2", "symbols", 400) } },
  emoji: ts("noto-emoji", "NotoEmoji", "Noto Emoji"),
  // Latin letters Source Serif 4 lacks: the hooked and open letters of Hausa, Fula, Twi,
  // Ewe, Lingala, Bambara… (ƙ ɗ ɓ ƴ ɛ ɔ ŋ ǝ), in the serif that matches the body best.
  latx: ts("noto-serif", "NotoSerif", "Noto Serif"),
};

const FACE_SET: ReadonlySet<string> = new Set(FACES);

export function isFallbackKey(key: FontKey): key is FallbackFace {
  return !FACE_SET.has(key);
}

/** The script face a fallback key belongs to: "arab-bold" → "arab". */
export function scriptFontOf(key: FallbackFace): ScriptFont {
  return key.replace(/-bold$/, "") as ScriptFont;
}

/** Every key there is, Latin faces first (the compile step writes coverage for each). */
export const ALL_KEYS: readonly FontKey[] = [...FACES, ...SCRIPT_FONTS.flatMap((s): FallbackFace[] => [s, `${s}-bold`])];

/** The npm file a key is read from (for WOFF keys: the file the compile step unpacks). */
export function fontModule(key: FontKey): string {
  if (!isFallbackKey(key)) return FACE_FILES[key];
  const files = SCRIPT_FONT_INFO[scriptFontOf(key)].files;
  return (key.endsWith("-bold") ? files[700] : undefined) ?? files[400];
}

/** Where the bytes of `key` are on disk: the npm TrueType file, or its unpacked WOFF. */
export function fontPath(key: FontKey): string {
  const module = fontModule(key);
  if (!module.endsWith(".woff")) return resolvePackage(module);
  const path = unpackedFontPath(key);
  if (!existsSync(path)) throw new Error(`${path} is missing (npm run compile unpacks it)`);
  return path;
}

export function unpackedFontPath(key: FontKey): string {
  return ownFile("build", "fonts", `${key}.ttf`);
}

export function coveragePath(): string {
  return ownFile("build", "fonts", "coverage.json");
}
