// Everything the three deck outputs share, computed once per brief: the derived (or
// hand-written) Marp markdown, the theme, and the embedded fonts.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Brief } from "../model.js";
import type { FontBook } from "../pdf/fonts.js";
import type { ImageAsset } from "../pdf/plan.js";
import { deriveSlides, slidesMarkdown, type Slide } from "./derive.js";
import { embeddedFontCss } from "./fonts.js";

export const THEME_NAME = "briefpress";

export interface DeckSource {
  slides: Slide[];
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
  images: ReadonlyMap<string, ImageAsset>;
  /** Absolute path of the brief's output folder and of the cover image file. */
  outDir: string;
  coverPath?: string;
  themePath: string;
}

export async function prepareDeck(input: DeckInput): Promise<DeckSource> {
  const { brief } = input;
  const cover = brief.meta.cover ? input.images.get(brief.meta.cover.image) : undefined;
  const relativeCover = input.coverPath ? relative(input.outDir, input.coverPath).split("\\").join("/") : undefined;
  const slides = deriveSlides(brief, { coverSrc: relativeCover });
  const editable = slidesMarkdown(brief, slides, THEME_NAME);
  const swap = (to: string) => (relativeCover ? editable.split(`(${relativeCover})`).join(`(${to})`) : editable);
  const embedded = cover ? swap(dataUrl(cover)) : editable;
  const absolute = input.coverPath ? swap(encodeURI(input.coverPath.split("\\").join("/"))) : editable;
  const themeCss = readFileSync(input.themePath, "utf8");
  const fontCss = await embeddedFontCss(editable, input.fonts);
  return { slides, editable, embedded, absolute, themeCss, fontCss };
}

function dataUrl(image: ImageAsset): string {
  if (image.kind === "svg") return `data:image/svg+xml;base64,${Buffer.from(image.svg).toString("base64")}`;
  const png = image.data[0] === 0x89;
  return `data:image/${png ? "png" : "jpeg"};base64,${image.data.toString("base64")}`;
}
