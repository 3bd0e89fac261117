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
  const cover = coverPage(input.brief, input.fonts, geo, input.brief.meta.cover ? input.images.get(input.brief.meta.cover.image) : undefined, ids);
  const ctx = { fonts: input.fonts, width: geo.textWidth, images: input.images, ids, hyphenate: input.brief.meta.hyphenate ? loadHyphenator(input.brief.meta.lang) : undefined, numberSections: input.brief.meta["number-sections"] ?? input.brief.xrefs.uses.some((u) => u.target?.kind === "sec" && u.target.number !== "") };
  const notes = input.notes ?? "foot";
  const footnotes = notes === "foot" ? flowFootnotes(input.brief, ctx) : new Map();
  const body = paginate(flowBrief(input.brief, ctx, notes), geo, { footnotes });
  return [cover, ...body];
}

export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const pages = planPdf(input);
  await downsampleImages(pages);
  return writePdf({ brief: input.brief, pages, geo: pageGeometry(input.paper), fonts: input.fonts, date: input.date, pdfa: input.pdfa });
}
