// The PDF renderer: measure (flow) → place (cover + paginate) → draw (write).
import type { Brand } from "../brand/brand.js";
import type { Block, Brief } from "../model/brief.js";
import { loadPackage } from "../world/packages.js";
import { bylineText, coverPage } from "./layout/cover.js";
import { flowBrief, flowFootnotes } from "./layout/flow.js";
import { downsampleImages, type PreparedImages } from "./draw/images.js";
import type { FontBook } from "../text/fonts.js";
import { paginate } from "./layout/paginate.js";
import { LONGEST_WORD } from "./layout/table.js";
import { shaperFor } from "../text/shaping.js";
import { isRtlBrief } from "../text/scripts.js";
import { StructIds, type ImageAsset, type PagePlan, type Placed } from "./layout/plan.js";
import { lookFor, pageGeometry, type PageGeometry, type Paper } from "./layout/style.js";
import { writePdf } from "./draw/write.js";

export interface PdfInput {
  brief: Brief;
  /** The organisation's name, logo (a key of `images`) and palette. */
  brand: Brand;
  fonts: FontBook;
  images: ReadonlyMap<string, ImageAsset>;
  paper: Paper;
  date: Date;
  /** Footnotes at the foot of their page (default) or gathered as endnotes. */
  notes?: "foot" | "end";
  pdfa?: boolean;
  /** Resampled pictures kept across builds (watch mode); a fresh one otherwise. */
  preparedImages?: PreparedImages;
}

/** hyphen's patterns for the brief's language (British English unless it says en-US). */
function loadHyphenator(lang = "en"): (text: string) => string {
  const module = /^en-us$/i.test(lang) ? "hyphen/en-us/index.js" : "hyphen/en-gb/index.js";
  const { hyphenateSync } = loadPackage<{ hyphenateSync: (text: string, options?: { minWordLength?: number }) => string }>(module);
  // Only words that start lower-case: proper names keep their shape.
  return (text) => text.replace(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}]{6,}/gu, (word) => (word.length > LONGEST_WORD ? word : hyphenateSync(word, { minWordLength: 7 })));
}

export function planPdf(input: PdfInput): PagePlan[] {
  const geo = pageGeometry(input.paper);
  const ids = new StructIds();
  const look = lookFor(input.brand.colors);
  const { brief, brand, images } = input;
  const withCover = hasCover(brief);
  const cover = withCover ? coverPage({ brief, fonts: input.fonts, geo, look, brand, image: brief.meta.cover ? images.get(brief.meta.cover.image) : undefined, logo: brand.logo ? images.get(brand.logo) : undefined, ids }) : undefined;
  const ctx = { fonts: input.fonts, width: geo.textWidth, images, ids, look, hyphenate: brief.meta.hyphenate ? loadHyphenator(brief.meta.lang) : undefined, direction: isRtlBrief(brief.meta) ? ("rtl" as const) : undefined, numberSections: brief.meta["number-sections"] ?? brief.xrefs.uses.some((u) => u.target?.kind === "sec" && u.target.number !== "") };
  const notes = input.notes ?? "foot";
  const footnotes = notes === "foot" ? flowFootnotes(brief, ctx) : new Map();
  // Without a cover the title heads the first page, as a letter's would (before any contents).
  // The subtitle, authors and date go under it, as they would on the cover.
  const at = { line: 1, column: 1 };
  const byline = bylineText(brief.meta);
  const under: Block[] = [
    ...(brief.meta.subtitle ? [{ kind: "paragraph" as const, inlines: [{ kind: "em" as const, children: [{ kind: "text" as const, text: brief.meta.subtitle }] }], at }] : []),
    ...(byline ? [{ kind: "paragraph" as const, inlines: [{ kind: "text" as const, text: byline }], at }] : []),
  ];
  const title: Brief = { ...brief, blocks: [{ kind: "heading", level: 1, inlines: [{ kind: "text", text: brief.title }], id: "title", at }, ...under], sources: [], sourcesHeading: null, footnotes: [] };
  const head = withCover ? [] : flowBrief(title, ctx, notes);
  const body = paginate([...head, ...flowBrief(brief, ctx, notes)], geo, { footnotes, colours: look.colours });
  const logo = brand.logo ? images.get(brand.logo) : undefined;
  if (logo) for (const page of body) page.items.push(headerLogo(logo, geo));
  return cover ? [...cover, ...body] : body;
}

/** A cover is for a brief with something to put on it: a summary, key points or a cover image (issue 12). */
export function hasCover(brief: Brief): boolean {
  const meta = brief.meta;
  if (meta.cover === false) return false;
  return Boolean(meta.summary?.trim() || meta.key_points?.length || meta.cover);
}

/** The logo, small, at the right end of the running header: decoration, like the header. */
function headerLogo(logo: ImageAsset, geo: PageGeometry): Placed {
  const h = 12;
  const w = Math.min((logo.width / logo.height) * h, 60);
  return { type: "image", x: geo.left + geo.textWidth - w, y: geo.top - 37, w, h: (logo.height / logo.width) * w, image: logo, alt: "", tag: "artifact" };
}

export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const shaper = await shaperFor(input.fonts);
  input.fonts.measureShapedWith((key, text) => shaper.ems(key, text));
  const pages = planPdf(input);
  await downsampleImages(pages, input.preparedImages);
  return writePdf({ brief: input.brief, brand: input.brand, pages, geo: pageGeometry(input.paper), fonts: input.fonts, date: input.date, pdfa: input.pdfa });
}
