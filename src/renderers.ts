// Output formats behind one interface, in a registry. Each renderer turns the shared
// render context into named outputs in memory; the build writes them all or none.
// Renderers load their engines on first use, so `check` never pays for pdfkit or Marp.
import type { Brand } from "./brand.js";
import { diagnostic, pointSpan, type Diagnostic } from "./diagnostics.js";
import type { Brief } from "./model.js";
import type { FontBook } from "./pdf/fonts.js";
import type { PreparedImages } from "./pdf/images.js";
import type { ImageAsset } from "./pdf/plan.js";
import type { Paper } from "./pdf/style.js";
import type { DeckSource } from "./slides/deck.js";

export const FORMATS = ["pdf", "deck", "deck-pdf", "pptx"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderContext {
  brief: Brief;
  /** The organisation's name, logo and palette: the PDF and the deck read the same one. */
  brand: Brand;
  fonts: FontBook;
  images: ReadonlyMap<string, ImageAsset>;
  /** Pictures resampled for print, kept by content across rebuilds. */
  preparedImages: PreparedImages;
  paper: Paper;
  date: Date;
  chromePath: string | null;
  /** PDF/A-2a instead of plain PDF/UA for brief.pdf. */
  pdfa: boolean;
  /** Measure every slide in Chromium and fail on overflow (needs chromePath). */
  checkOverflow: boolean;
  /** The deck's sources, prepared on first use and shared by the deck formats. */
  deck(): Promise<DeckSource>;
}

export interface Output {
  name: string;
  data: Buffer | string;
}

export interface Rendered {
  outputs: Output[];
  /** Problems only rendering can find (a slide that overflows); errors stop the write. */
  diagnostics: Diagnostic[];
}

export interface Renderer {
  format: Format;
  needsBrowser: boolean;
  render(ctx: RenderContext): Promise<Rendered>;
}

const only = (...outputs: Output[]): Rendered => ({ outputs, diagnostics: [] });

export const RENDERERS: Record<Format, Renderer> = {
  pdf: {
    format: "pdf",
    needsBrowser: false,
    async render(ctx) {
      const { renderPdf } = await import("./pdf/render.js");
      return only({ name: "brief.pdf", data: await renderPdf({ ...ctx, notes: ctx.brief.meta.notes }) });
    },
  },
  deck: {
    format: "deck",
    needsBrowser: false,
    async render(ctx) {
      const deck = await ctx.deck();
      const { renderDeckHtml } = await import("./slides/html.js");
      const { html } = renderDeckHtml({ markdown: deck.embedded, themeCss: deck.themeCss, fontCss: deck.fontCss, title: ctx.brief.title, lang: ctx.brief.meta.lang ?? "en" });
      const diagnostics: Diagnostic[] = [];
      if (ctx.checkOverflow && ctx.chromePath) {
        const { measureOverflow } = await import("./slides/overflow.js");
        for (const o of await measureOverflow(html, ctx.chromePath)) {
          const slide = deck.slides[o.slide];
          diagnostics.push(
            diagnostic(deck.file, pointSpan(slide?.line ?? 1, 1), "error", "slides/overflow", `slide ${o.slide + 1} "${slide?.title ?? ""}" overflows by ${o.px} px`, [
              deck.file === ctx.brief.file ? "shorten its bullets, or mark fewer in a ::: slide block" : "split the slide or shorten it",
            ]),
          );
        }
      }
      return {
        outputs: [
          { name: "slides.md", data: deck.editable },
          { name: "slides.html", data: html },
        ],
        diagnostics,
      };
    },
  },
  "deck-pdf": {
    format: "deck-pdf",
    needsBrowser: true,
    async render(ctx) {
      const deck = await ctx.deck();
      const { exportDeck } = await import("./slides/export.js");
      return only({ name: "slides.pdf", data: await exportDeck({ markdown: deck.absolute, themeCss: `${deck.themeCss}\n${deck.fontCss}`, format: "pdf", chromePath: ctx.chromePath ?? "" }) });
    },
  },
  pptx: {
    format: "pptx",
    needsBrowser: true,
    async render(ctx) {
      const deck = await ctx.deck();
      const { exportDeck } = await import("./slides/export.js");
      return only({ name: "slides.pptx", data: await exportDeck({ markdown: deck.absolute, themeCss: `${deck.themeCss}\n${deck.fontCss}`, format: "pptx", chromePath: ctx.chromePath ?? "" }) });
    },
  },
};
