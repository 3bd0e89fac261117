// Which npm font file each face comes from. No font parsing here: importing this is cheap.

export type Face =
  | "serif" | "serif-italic" | "serif-bold" | "serif-bolditalic"
  | "sans" | "sans-italic" | "sans-semibold" | "sans-bold";
export type FallbackFace = "kr" | "kr-bold" | "sc" | "sc-bold";

export const FACES: readonly Face[] = ["serif", "serif-italic", "serif-bold", "serif-bolditalic", "sans", "sans-italic", "sans-semibold", "sans-bold"];
export type FontKey = Face | FallbackFace;

const FILES: Record<FontKey, string> = {
  serif: "@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf",
  "serif-italic": "@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf",
  "serif-bold": "@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf",
  "serif-bolditalic": "@expo-google-fonts/source-serif-4/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf",
  sans: "@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf",
  "sans-italic": "@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf",
  "sans-semibold": "@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf",
  "sans-bold": "@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf",
  kr: "@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf",
  "kr-bold": "@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf",
  sc: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "sc-bold": "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

export function fontModule(key: FontKey): string {
  return FILES[key];
}

