// Everything the three deck outputs share, computed once per brief: the Marp markdown
// (derived from the model, or the writer's own slides/<slug>.md), the theme, and the
// embedded fonts.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Brief } from "../model.js";
import type { FontBook } from "../pdf/fonts.js";
import type { ImageAsset } from "../pdf/plan.js";
import { deriveSlides, slidesMarkdown } from "./derive.js";
import { embeddedFontCss, type FontCache } from "./fonts.js";
import { handSlides } from "./handwritten.js";

export const THEME_NAME = "briefpress";

export interface DeckSource {
  /** The file the slides come from, for diagnostics: the brief, or slides/<slug>.md. */
  file: string;
  slides: Array<{ title: string; line: number; cites?: number[] }>;
  /** What we write to slides.md: images referenced by relative path, editable. */
  editable: string;
  /** Same deck with images as data: URLs, for the self-contained HTML. */
  embedded: string;
  /** Same deck with absolute image paths, for marp-cli (run with --allow-local-files). */
  absolute: string;
  themeCss: string;
  fontCss: string;
}

export interface DeckInput {
  brief: Brief;
  fonts: FontBook;
  /** Reads an image inside the project (null when missing or outside it). */
  image(path: string): ImageAsset | null;
  /** Absolute path of the brief's output folder. */
  outDir: string;
  /** Absolute path of the cover image, when the brief has one. */
  coverPath?: string;
  themePath: string;
  cache?: FontCache;
  /** The writer's own deck, when slides/<slug>.md exists. */
  handDeck?: { file: string; path: string; text: string };
}

export async function prepareDeck(input: DeckInput): Promise<DeckSource> {
  const { brief } = input;
  let markdown: string;
  let baseDir: string;
  let file: string;
  let slides: DeckSource["slides"];
  if (input.handDeck) {
    markdown = input.handDeck.text;
    baseDir = dirname(input.handDeck.path);
    file = input.handDeck.file;
    slides = handSlides(markdown);
  } else {
    const cover = input.coverPath ? relative(input.outDir, input.coverPath).split("\\").join("/") : undefined;
    const derived = deriveSlides(brief, { coverSrc: cover });
    markdown = slidesMarkdown(brief, derived, THEME_NAME);
    baseDir = input.outDir;
    file = brief.file;
    slides = derived;
  }
  const editable = rewriteImages(markdown, (src) => {
    const abs = resolve(baseDir, decodeURI(src));
    return relative(input.outDir, abs).split("\\").join("/");
  });
  const embedded = rewriteImages(markdown, (src) => {
    const image = input.image(resolve(baseDir, decodeURI(src)));
    return image ? dataUrl(image) : src;
  });
  const absolute = rewriteImages(markdown, (src) => encodeURI(resolve(baseDir, decodeURI(src)).split("\\").join("/")));
  const themeCss = readFileSync(input.themePath, "utf8");
  const fontCss = await embeddedFontCss(editable, input.fonts, input.cache);
  return { file, slides, editable, embedded, absolute, themeCss, fontCss };
}

/** Rewrites local image targets in Marp markdown; remote and data: URLs are left alone. */
function rewriteImages(markdown: string, to: (src: string) => string): string {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\s+"[^"]*")?\)/g, (whole, open: string, src: string, title: string | undefined) =>
    /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") ? whole : `${open}${to(src)}${title ?? ""})`,
  );
}

function dataUrl(image: ImageAsset): string {
  if (image.kind === "svg") return `data:image/svg+xml;base64,${Buffer.from(image.svg).toString("base64")}`;
  const png = image.data[0] === 0x89;
  return `data:image/${png ? "png" : "jpeg"};base64,${image.data.toString("base64")}`;
}
