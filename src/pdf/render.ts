// The PDF renderer: measure (flow) → place (cover + paginate) → draw (write).
import type { Brief } from "../model.js";
import { loadPackage } from "../packages.js";
import { coverPage } from "./cover.js";
import { flowBrief, flowFootnotes } from "./flow.js";
import { downsampleImages } from "./images.js";
import type { FontBook } from "./fonts.js";
import { paginate } from "./paginate.js";
import { StructIds, type ImageAsset, type PagePlan } from "./plan.js";
import { pageGeometry, type Paper } from "./style.js";
import { writePdf } from "./write.js";

export interface PdfInput {
  brief: Brief;
  fonts: FontBook;
  images: ReadonlyMap<string, ImageAsset>;
  paper: Paper;
  date: Date;
  /** Footnotes at the foot of their page (default) or gathered as endnotes. */
  notes?: "foot" | "end";
  pdfa?: boolean;
}

/** hyphen's patterns for the brief's language (British English unless it says en-US). */
function loadHyphenator(lang = "en"): (text: string) => string {
  const module = /^en-us$/i.test(lang) ? "hyphen/en-us/index.js" : "hyphen/en-gb/index.js";
  const { hyphenateSync } = loadPackage<{ hyphenateSync: (text: string, options?: { minWordLength?: number }) => string }>(module);
  // Only words that start lower-case: proper names keep their shape.
  return (text) => text.replace(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}]{6,}/gu, (word) => hyphenateSync(word, { minWordLength: 7 }));
}

export function planPdf(input: PdfInput): PagePlan[] {
  const geo = pageGeometry(input.paper);
  const ids = new StructIds();
  const { brief } = input;
  const withCover = hasCover(brief);
  const cover = withCover ? coverPage(brief, input.fonts, geo, brief.meta.cover ? input.images.get(brief.meta.cover.image) : undefined, ids) : undefined;
  const ctx = { fonts: input.fonts, width: geo.textWidth, images: input.images, ids, hyphenate: brief.meta.hyphenate ? loadHyphenator(brief.meta.lang) : undefined };
  const notes = input.notes ?? "foot";
  const footnotes = notes === "foot" ? flowFootnotes(brief, ctx) : new Map();
  // Without a cover the title heads the first page, as a letter's would (before any contents).
  const title: Brief = { ...brief, blocks: [{ kind: "heading", level: 1, inlines: [{ kind: "text", text: brief.title }], id: "title", at: { line: 1, column: 1 } }], sources: [], sourcesHeading: null, footnotes: [] };
  const head = withCover ? [] : flowBrief(title, ctx, notes);
  const body = paginate([...head, ...flowBrief(brief, ctx, notes)], geo, { footnotes });
  return cover ? [cover, ...body] : body;
}

/** A cover is for a brief with something to put on it: a summary, key points or a cover image (issue 12). */
export function hasCover(brief: Brief): boolean {
  const meta = brief.meta;
  if (meta.cover === false) return false;
  return Boolean(meta.summary?.trim() || meta.key_points?.length || meta.cover);
}

export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const pages = planPdf(input);
  await downsampleImages(pages);
  return writePdf({ brief: input.brief, pages, geo: pageGeometry(input.paper), fonts: input.fonts, date: input.date, pdfa: input.pdfa });
}
