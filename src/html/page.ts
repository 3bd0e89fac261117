// brief.html, the web edition: the same document model as brief.pdf, as one offline
// page. Fonts are subset and embedded, pictures inlined as data URLs, and no script is
// needed to read it. The order is the PDF's: title and cover, summary and key points,
// the body, the notes (linked both ways), then the Sources, each entry an anchor that
// citations link to.
import type { Brand } from "../brand/brand.js";
import { deriveColours } from "../brand/palette.js";
import type { Brief } from "../model/brief.js";
import type { ImageAsset } from "../model/image.js";
import { formatDate } from "../model/dates.js";
import { isRtlBrief } from "../text/scripts.js";
import type { FontBook } from "../text/fonts.js";
import { blocksHtml, type BlockContext } from "./blocks.js";
import { embeddedFonts, type FontCache } from "./fonts.js";
import { dataUrl, esc, inlinesHtml, noteId, noteRefId, sourceId, taggedText } from "./inline.js";
import { pageCss } from "./style.js";

export interface HtmlInput {
  brief: Brief;
  brand: Brand;
  fonts: FontBook;
  images: ReadonlyMap<string, ImageAsset>;
  cache?: FontCache;
}

export async function renderHtml(input: HtmlInput): Promise<string> {
  const { brief, brand } = input;
  const meta = brief.meta;
  const lang = meta.lang ?? "en";
  const ctx: BlockContext = {
    lang,
    picture: (src) => input.images.get(src),
    seenNotes: new Set(),
    figureWord: meta.crossref?.fig ?? "Figure",
    tableWord: meta.crossref?.tbl ?? "Table",
    outline: { last: 1 },
  };
  const title = meta.title ?? brief.title;
  const parts: string[] = [];
  parts.push(`<header class="masthead">${masthead(input, title, ctx)}</header>`);
  parts.push(`<main id="content">`);
  if (meta.summary) parts.push(`<section class="summary" aria-labelledby="summary-heading"><h2 id="summary-heading">Summary</h2><p>${taggedText(meta.summary, lang)}</p></section>`);
  if (meta.key_points?.length) {
    parts.push(`<section class="key-points" aria-labelledby="key-points-heading"><h2 id="key-points-heading">Key points</h2><ul>${meta.key_points.map((p) => `<li>${taggedText(p, lang)}</li>`).join("")}</ul></section>`);
  }
  if (meta.key_figures?.length) parts.push(keyFigures(meta.key_figures, lang));
  parts.push(blocksHtml(brief.blocks, ctx));
  if (brief.footnotes.length) {
    const notes = brief.footnotes.map(
      (n) => `<li id="${noteId(n.number)}" value="${n.number}">${blocksHtml(n.blocks, ctx)} <a class="back" href="#${noteRefId(n.number)}" aria-label="Back to the text of note ${n.number}">↩</a></li>`,
    );
    // Two landmarks of one name are one too many (axe: landmark-unique): a brief whose
    // Sources heading is "Notes" keeps it, and its own notes are its footnotes.
    const notesName = /^\s*notes\s*$/i.test(brief.sourcesHeading ?? "") ? "Footnotes" : "Notes";
    parts.push(`<section class="notes" aria-labelledby="notes-heading" role="doc-endnotes"><h2 id="notes-heading">${notesName}</h2><ol>${notes.join("\n")}</ol></section>`);
  }
  if (brief.sourcesHeading || brief.sources.length) {
    const entries = brief.sources.map((s, i) => `<li id="${sourceId(i)}">${inlinesHtml(s.inlines, ctx)}</li>`);
    parts.push(`<section class="sources" aria-labelledby="sources"><h2 id="sources">${esc(brief.sourcesHeading ?? "References")}</h2><ol class="source-list">${entries.join("\n")}</ol></section>`);
  }
  parts.push(`</main>`);
  if (brand.contact || brand.name) parts.push(`<footer class="colophon"><p>${taggedText(brand.contact ?? brand.name ?? "", lang)}</p></footer>`);
  const body = parts.join("\n");
  const fontCss = await embeddedFonts(textOf(body), input.fonts, input.cache);
  const dir = isRtlBrief(meta) ? "rtl" : "ltr";
  return `<!DOCTYPE html>
<html lang="${esc(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${meta.summary ? `<meta name="description" content="${esc(meta.summary)}">\n` : ""}<meta name="generator" content="briefpress">
<style>
${fontCss}
${pageCss(deriveColours(brand.colors))}
</style>
</head>
<body>
<a class="skip" href="#content">Skip to the text</a>
${body}
</body>
</html>
`;
}

function masthead(input: HtmlInput, title: string, ctx: BlockContext): string {
  const { brief, brand } = input;
  const meta = brief.meta;
  const out: string[] = [];
  const logo = brand.logo ? input.images.get(brand.logo) : undefined;
  if (logo) out.push(`<img class="logo" src="${dataUrl(logo)}" alt="${esc(brand.name ?? "Logo")}">`);
  else if (brand.name) out.push(`<p class="organisation">${taggedText(brand.name, ctx.lang)}</p>`);
  out.push(`<h1>${taggedText(title, ctx.lang)}</h1>`);
  if (meta.subtitle) out.push(`<p class="subtitle">${taggedText(meta.subtitle, ctx.lang)}</p>`);
  const byline = meta.authors.map((a) => [a.name, a.role, a.affiliation].filter(Boolean).join(", ")).join("; ");
  const date = meta.date ? `<time datetime="${esc(meta.date)}">${esc(formatDate(meta.date, meta["date-format"]))}</time>` : "";
  if (byline || date) out.push(`<p class="byline">${[byline && taggedText(byline, ctx.lang), date].filter(Boolean).join(" · ")}</p>`);
  const cover = meta.cover ? input.images.get(meta.cover.image) : undefined;
  if (meta.cover && cover) {
    const credit = meta.cover.credit ? `<figcaption>${taggedText(meta.cover.credit, ctx.lang)}</figcaption>` : "";
    out.push(`<figure class="cover"><img src="${dataUrl(cover)}" alt="${esc(meta.cover.alt)}" width="${Math.round(cover.width)}" height="${Math.round(cover.height)}">${credit}</figure>`);
  }
  return out.join("\n");
}

function keyFigures(figures: NonNullable<Brief["meta"]["key_figures"]>, lang: string): string {
  const items = figures.map((f) =>
    typeof f === "string" ? `<li>${taggedText(f, lang)}</li>` : `<li><span class="figure-value">${taggedText(String(f.value), lang)}</span> <span class="figure-label">${taggedText(f.label, lang)}</span></li>`,
  );
  return `<section class="key-figures" aria-labelledby="key-figures-heading"><h2 id="key-figures-heading">Key figures</h2><ul>${items.join("")}</ul></section>`;
}

/** The characters the page shows, to subset the fonts to: markup and data URLs left out. */
function textOf(html: string): string {
  return html
    .replace(/data:[^"]+/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot);/g, (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e] ?? "");
}
