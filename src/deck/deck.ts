// Everything the deck outputs share, computed once per brief: the deck model and its Marp
// markdown (or the writer's own slides/<slug>.md), the theme, the embedded fonts and the
// HTML.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Brand } from "../brand/brand.js";
import type { Brief } from "../model/brief.js";
import type { FontBook } from "../text/fonts.js";
import type { ImageAsset } from "../model/image.js";
import { deriveDeck } from "./derive.js";
import { renderDeckHtml } from "./marp/html.js";
import { deckMarkdown } from "./marp/marp.js";
import type { Deck, SlideKind } from "./model.js";
import { embeddedFontCss, type FontCache } from "./fonts.js";
import { fitDeck, type FitPlan, type Unfit } from "./fit.js";
import { handSlides } from "./handwritten.js";
import { pptxFonts, type PptxFonts } from "./pptx/fonts.js";
import type { SlideMeasure } from "./overflow.js";

export const THEME_NAME = "briefpress";

export interface DeckSource {
  /** The file the slides come from, for diagnostics: the brief, or slides/<slug>.md. */
  file: string;
  slides: Array<{ title: string; line: number; kind?: SlideKind }>;
  /** The deck model, for derived decks (hand-written ones are Marp only). */
  model?: Deck;
  /** What we write to slides.md: images referenced by relative path, editable. */
  editable: string;
  /** Same deck with each image named by a placeholder that the HTML swaps for its data: URL. */
  embedded: string;
  /** A hand-written deck with absolute image paths, for marp-cli (run with --allow-local-files). */
  absolute?: string;
  themeCss: string;
  fontCss: string;
  /** slides.html, rendered once for the file, the overflow check and slides.pdf. */
  html: string;
  /** Speaker notes of each slide, as Marp collected them (paragraphs). */
  notes: string[][];
  /** Reads a picture the deck names (as written in the brief, or an absolute path). */
  picture(src: string): ImageAsset | null;
  /** A derived deck that was fitted in Chromium: the slides that still overflow (a bug of ours). */
  unfit?: Unfit[];
  /** The faces slides.pptx embeds: slides.html's subsets, made on demand (cached). */
  pptxFonts(): Promise<PptxFonts>;
}

export interface DeckInput {
  brief: Brief;
  /** Name, logo and contact for the title and closing slides. */
  brand?: Pick<Brand, "name" | "logo" | "contact">;
  fonts: FontBook;
  /** Reads an image inside the project (null when missing or outside it). */
  image(path: string): ImageAsset | null;
  /** Absolute path of the brief's output folder. */
  outDir: string;
  /** Absolute path of the folder the brief lives in (its image paths are relative to it). */
  briefDir: string;
  themePath: string;
  /** Adjusts the theme before the deck is rendered (the brand's palette, for one). */
  theme?: (css: string) => string;
  cache?: FontCache;
  /** The writer's own deck, when slides/<slug>.md exists. */
  handDeck?: { file: string; path: string; text: string };
  /** Measures a deck's slides in the build's Chromium: a derived deck is then fitted. */
  measure?: (html: string) => Promise<SlideMeasure[]>;
}

export async function prepareDeck(input: DeckInput): Promise<DeckSource> {
  const { brief } = input;
  const themeCss = (input.theme ?? ((css: string) => css))(readFileSync(input.themePath, "utf8"));
  const picture = (src: string) => input.image(isAbsolute(src) ? src : resolve(input.briefDir, decodeURI(src)));
  const toOut = (abs: string) => relative(input.outDir, abs).split("\\").join("/");
  const render = async (markdown: { editable: string; embedded: (pictures: PicturePlaceholders) => string }) => {
    const pictures = new PicturePlaceholders();
    const embedded = markdown.embedded(pictures);
    const fontCss = await embeddedFontCss(markdown.editable, input.fonts, input.cache);
    const rendered = renderDeckHtml({ markdown: embedded, themeCss, fontCss, title: brief.title, lang: brief.meta.lang ?? "en" });
    return { editable: markdown.editable, embedded, fontCss, html: pictures.fill(rendered.html), notes: rendered.notes };
  };
  const common = { themeCss, picture };
  // The PPTX is written from the deck model, whose text the Marp markdown holds whole.
  const fontsFor = (editable: string) => () => pptxFonts(editable, input.fonts, input.cache);
  if (input.handDeck) {
    const markdown = input.handDeck.text;
    const baseDir = dirname(input.handDeck.path);
    const out = await render({
      editable: rewriteImages(markdown, (src) => toOut(resolve(baseDir, decodeURI(src)))),
      embedded: (pictures) => rewriteImages(markdown, (src) => pictures.name(input.image(resolve(baseDir, decodeURI(src))), src)),
    });
    return {
      ...common,
      ...out,
      pptxFonts: fontsFor(out.editable),
      file: input.handDeck.file,
      slides: handSlides(markdown),
      absolute: rewriteImages(markdown, (src) => encodeURI(resolve(baseDir, decodeURI(src)).split("\\").join("/"))),
    };
  }
  const renderModel = (model: Deck) =>
    render({
      editable: deckMarkdown(model, THEME_NAME, { image: (src) => encodeURI(toOut(isAbsolute(src) ? src : resolve(input.briefDir, decodeURI(src)))) }),
      embedded: (pictures) => deckMarkdown(model, THEME_NAME, { image: (src) => pictures.name(picture(src), src) }),
    });
  const derive = (plan?: FitPlan) => deriveDeck(brief, input.brand, plan);
  let model: Deck;
  let out: Awaited<ReturnType<typeof renderModel>>;
  let unfit: Unfit[] | undefined;
  if (input.measure) ({ deck: model, rendered: out, unfit } = await fitDeck(derive, renderModel, input.measure));
  else out = await renderModel((model = derive()));
  return { ...common, ...out, pptxFonts: fontsFor(out.editable), file: brief.file, model, slides: model.slides.map((s) => ({ title: s.title, line: s.line, kind: s.kind })), ...(unfit ? { unfit } : {}) };
}

/**
 * Pictures go into slides.html as data: URLs, but not through Marp: a photograph is a
 * megabyte of base64 that markdown-it would scan character by character on every build
 * (most of a watch rebuild's time). Marp sees a short unique name instead; the rendered
 * HTML gets the data: URL in its place (in <img src> and in background styles alike).
 */
class PicturePlaceholders {
  private readonly urls: string[] = [];

  name(image: ImageAsset | null, src: string): string {
    if (!image) return src;
    this.urls.push(dataUrl(image));
    return `briefpress-picture-${this.urls.length - 1}.${image.kind === "svg" ? "svg" : "img"}`;
  }

  fill(html: string): string {
    return html.replace(/briefpress-picture-(\d+)\.(?:svg|img)/g, (token, n: string) => this.urls[Number(n)] ?? token);
  }
}

/** Rewrites local image targets in Marp markdown; remote and data: URLs are left alone. */
function rewriteImages(markdown: string, to: (src: string) => string): string {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\s+"[^"]*")?\)/g, (whole, open: string, src: string, title: string | undefined) =>
    /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("/") ? whole : `${open}${to(src)}${title ?? ""})`,
  );
}

export function dataUrl(image: ImageAsset): string {
  if (image.kind === "svg") return `data:image/svg+xml;base64,${Buffer.from(image.svg).toString("base64")}`;
  const png = image.data[0] === 0x89;
  return `data:image/${png ? "png" : "jpeg"};base64,${image.data.toString("base64")}`;
}
