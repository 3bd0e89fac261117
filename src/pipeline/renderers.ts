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
import type { SlideMeasure } from "../deck/overflow.js";

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
  /** Renders nothing without Chromium. */
  needsBrowser: boolean;
  /** Measures or prints in the build's Chromium when there is one; once these are done, it may close. */
  usesBrowser: boolean;
  /** An error in one family withholds that family's outputs only: a deck problem is the deck's. */
  family: "brief" | "deck";
  render(ctx: RenderContext): Promise<Rendered>;
}

const only = (...outputs: Output[]): Rendered => ({ outputs, diagnostics: [] });

/** What a writer can do about a slide of their own deck that overflows, from what it holds. */
function overflowHint(m: SlideMeasure | undefined): string {
  if (m && m.picture > 0) return `give the picture a height that leaves room for the rest, e.g. ![w:… h:${Math.max(120, Math.floor(m.picture - m.px - 8))}](…), or move its text to another slide`;
  if (m && m.rows > 1) return `split the table's ${m.rows} rows over two slides (--- between), its header on each`;
  if (m && m.items > 1) return `split its ${m.items} bullets over two slides (--- between), or shorten them`;
  return "shorten it, or split it over two slides (--- between)";
}

export const RENDERERS: Record<Format, Renderer> = {
  pdf: {
    format: "pdf",
    needsBrowser: false,
    usesBrowser: false,
    family: "brief",
    async render(ctx) {
      const { renderPdf } = await import("../pdf/render.js");
      return only({ name: "brief.pdf", data: await renderPdf({ ...ctx, notes: ctx.brief.meta.notes }) });
    },
  },
  deck: {
    format: "deck",
    needsBrowser: false,
    usesBrowser: true,
    family: "deck",
    async render(ctx) {
      const deck = await ctx.deck();
      const diagnostics: Diagnostic[] = [];
      if (deck.model) {
        // The derived deck is ours: fitted in Chromium already, so what still overflows is a
        // bug of briefpress, said as one and never blamed on the brief; the deck is written.
        for (const o of deck.unfit ?? []) {
          const slide = deck.slides[o.slide];
          diagnostics.push(
            diagnostic(deck.file, pointSpan(slide?.line ?? 1, 1), "warning", "slides/unfit", `briefpress could not fit slide ${o.slide + 1} "${slide?.title ?? ""}" of the deck it derives (${o.px} px over): the deck is written as it is`, [
              "this is a bug in briefpress, not in the brief: please report it with the brief attached",
            ]),
          );
        }
      } else if (ctx.checkOverflow && ctx.browser) {
        const measures = await ctx.browser.measure(deck.html);
        for (const m of measures.filter((x) => x.px > 0)) {
          const slide = deck.slides[m.slide];
          diagnostics.push(
            diagnostic(deck.file, pointSpan(slide?.line ?? 1, 1), "error", "slides/overflow", `slide ${m.slide + 1} "${slide?.title ?? ""}" overflows by ${m.px} px`, [overflowHint(m)]),
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
    usesBrowser: true,
    family: "deck",
    async render(ctx) {
      const deck = await ctx.deck();
      if (!ctx.browser) return only();
      const { dated } = await import("../deck/pdf-notes.js");
      // The audience's copy and the speaker's, from the same Chromium session.
      const [slides, handout] = await Promise.all([ctx.browser.pdf(deck.html), ctx.browser.handout(deck.html, deck.notes)]);
      return only({ name: "slides.pdf", data: await dated(slides, ctx.date) }, { name: "slides-notes.pdf", data: await dated(handout, ctx.date) });
    },
  },
  pptx: {
    format: "pptx",
    needsBrowser: false,
    usesBrowser: false,
    family: "deck",
    async render(ctx) {
      // The brief's drawings are drawn for PowerPoint while the deck is fitted in Chromium.
      void import("../deck/pptx/pictures.js").then(({ pptxPicture }) => {
        for (const asset of ctx.images.values()) if (asset.kind === "svg") pptxPicture(asset).catch(() => undefined);
      });
      const deck = await ctx.deck();
      if (deck.model) {
        const { writePptx } = await import("../deck/pptx/pptx.js");
        // Issue 21: the deck's faces embedded; a face that may not be, named in an info.
        const [{ fontFallbackNotes }, fonts] = await Promise.all([import("../deck/pptx/fonts.js"), deck.pptxFonts()]);
        return { outputs: [{ name: "slides.pptx", data: await writePptx(deck.model, { brand: ctx.brand, picture: deck.picture, date: ctx.date, fonts }) }], diagnostics: fontFallbackNotes(deck.file, fonts) };
      }
      // A hand-written deck is Marp only: its PPTX is marp-cli's, one picture a slide.
      if (!ctx.chromePath) {
        return { outputs: [], diagnostics: [diagnostic(deck.file, pointSpan(1, 1), "warning", "slides/no-browser", "slides.pptx of a hand-written deck is made by marp-cli, which needs Chromium: not made", ["install it: apt-get install chromium, or set CHROME_PATH"])] };
      }
      const { exportDeck } = await import("../deck/marp/export.js");
      const { handDeckForExport } = await import("../deck/handwritten.js");
      const { dataUrl } = await import("../deck/deck.js");
      const markdown = handDeckForExport(deck.absolute ?? deck.editable, (src) => {
        const image = deck.picture(src);
        return image ? { dataUrl: dataUrl(image) } : null;
      });
      return only({ name: "slides.pptx", data: await exportDeck({ markdown, themeCss: `${deck.themeCss}\n${deck.fontCss}`, format: "pptx", chromePath: ctx.chromePath }) });
    },
  },
  // Issue 24: brief.html, the web edition, from the same model as brief.pdf.
  html: {
    format: "html",
    needsBrowser: false,
    usesBrowser: false,
    family: "brief",
    async render(ctx) {
      const { renderHtml } = await import("../html/page.js");
      return only({ name: "brief.html", data: await renderHtml(ctx) });
    },
  },
};
