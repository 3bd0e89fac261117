// Output formats behind one interface, in a registry. Each renderer turns the shared
// render context into named outputs in memory; the build writes them all or none.
// Renderers load their engines on first use, so `check` never pays for pdfkit or Marp.
import type { Brand } from "../brand/brand.js";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import type { Brief } from "../model/brief.js";
import type { FontBook } from "../text/fonts.js";
import type { PreparedImages } from "../pdf/draw/images.js";
import type { ImageAsset } from "../model/image.js";
import type { Paper } from "../pdf/layout/style.js";
import type { DeckBrowser } from "../deck/browser.js";
import type { DeckSource } from "../deck/deck.js";
import type { SlideKind } from "../deck/model.js";

export const FORMATS = ["pdf", "deck", "deck-pdf", "pptx", "html"] as const;
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
  /** The build's one Chromium session (null without Chromium or when nothing needs it). */
  browser: DeckBrowser | null;
  /** Issue 24: a persistent cache (the workspace's) for brief.html's font subsets. */
  cache?: { cacheGet(key: string): string | undefined; cacheSet(key: string, value: string): void };
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
  /** An error in one family withholds that family's outputs only: a deck problem is the deck's. */
  family: "brief" | "deck";
  render(ctx: RenderContext): Promise<Rendered>;
}

const only = (...outputs: Output[]): Rendered => ({ outputs, diagnostics: [] });

/** What to do about a slide that overflows, by what kind of slide it is. */
function overflowHint(kind: SlideKind | undefined, derived: boolean): string {
  if (!derived) return "split the slide or shorten it";
  switch (kind) {
    case "figure":
      return "shorten the figure's caption or credit, or use a wider picture";
    case "table":
      return "shorten the table's cells (long tables are already split by rows)";
    case "quote":
      return "shorten the quotation, or quote a part of it";
    case "stat":
      return "shorten the key figures' labels";
    case "title":
    case "closing":
      return "shorten the title, subtitle or contact line";
    case "sources":
      return "shorten the source entries";
    default:
      return "shorten its bullets, or mark fewer in a ::: slide block";
  }
}

export const RENDERERS: Record<Format, Renderer> = {
  pdf: {
    format: "pdf",
    needsBrowser: false,
    family: "brief",
    async render(ctx) {
      const { renderPdf } = await import("../pdf/render.js");
      return only({ name: "brief.pdf", data: await renderPdf({ ...ctx, notes: ctx.brief.meta.notes }) });
    },
  },
  deck: {
    format: "deck",
    needsBrowser: false,
    family: "deck",
    async render(ctx) {
      const deck = await ctx.deck();
      const diagnostics: Diagnostic[] = [];
      if (ctx.checkOverflow && ctx.browser) {
        for (const o of await ctx.browser.overflow(deck.html)) {
          const slide = deck.slides[o.slide];
          diagnostics.push(
            diagnostic(deck.file, pointSpan(slide?.line ?? 1, 1), "error", "slides/overflow", `slide ${o.slide + 1} "${slide?.title ?? ""}" overflows by ${o.px} px`, [
              overflowHint(slide?.kind, deck.model !== undefined),
            ]),
          );
        }
      }
      return {
        outputs: [
          { name: "slides.md", data: deck.editable },
          { name: "slides.html", data: deck.html },
        ],
        diagnostics,
      };
    },
  },
  "deck-pdf": {
    format: "deck-pdf",
    needsBrowser: true,
    family: "deck",
    async render(ctx) {
      const deck = await ctx.deck();
      if (!ctx.browser) return only();
      const { withNotes } = await import("../deck/pdf-notes.js");
      return only({ name: "slides.pdf", data: await withNotes(await ctx.browser.pdf(deck.html), deck, ctx.date) });
    },
  },
  pptx: {
    format: "pptx",
    needsBrowser: false,
    family: "deck",
    async render(ctx) {
      const deck = await ctx.deck();
      if (deck.model) {
        const { writePptx } = await import("../deck/pptx/pptx.js");
        return only({ name: "slides.pptx", data: await writePptx(deck.model, { brand: ctx.brand, picture: deck.picture, date: ctx.date }) });
      }
      // A hand-written deck is Marp only: its PPTX is marp-cli's, one picture a slide.
      if (!ctx.chromePath) {
        return { outputs: [], diagnostics: [diagnostic(deck.file, pointSpan(1, 1), "warning", "slides/no-browser", "slides.pptx of a hand-written deck is made by marp-cli, which needs Chromium: not made", ["install it: apt-get install chromium, or set CHROME_PATH"])] };
      }
      const { exportDeck } = await import("../deck/marp/export.js");
      return only({ name: "slides.pptx", data: await exportDeck({ markdown: deck.absolute ?? deck.editable, themeCss: `${deck.themeCss}\n${deck.fontCss}`, format: "pptx", chromePath: ctx.chromePath }) });
    },
  },
  // Issue 24: brief.html, the web edition, from the same model as brief.pdf.
  html: {
    format: "html",
    needsBrowser: false,
    family: "brief",
    async render(ctx) {
      const { renderHtml } = await import("../html/page.js");
      return only({ name: "brief.html", data: await renderHtml(ctx) });
    },
  },
};
