// build(): prepare() (pipeline/prepare.ts) and then the renderers, per brief:
//   prepare → render (pdf, deck, deck-pdf, pptx, all in memory) → write (all or none)
// A brief with an error from prepare() renders nothing; a renderer that still fails
// becomes a diagnostic, never a raw error. cli/main.ts maps results to exit codes.
import { join, relative, resolve } from "node:path";
import { decodeImage } from "../assets/images.js";
import type { Brand } from "../brand/brand.js";
import { deckPaletteCss } from "../brand/palette.js";
import type { DeckBrowser } from "../deck/browser.js";
import type { DeckSource } from "../deck/deck.js";
import { briefEpoch } from "../model/dates.js";
import { diagnostic, hasErrors, internalError, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import { isUserFacing, UsageError } from "../model/errors.js";
import type { Paper } from "../pdf/layout/style.js";
import { FACES, type FontKey } from "../text/font-files.js";
import type { FontBook } from "../text/fonts.js";
import { MissingGlyphError } from "../text/missing-glyph.js";
import { ownFile } from "../world/packages.js";
import type { Workspace } from "../world/workspace.js";
import { prepare, type CitationOptions } from "./prepare.js";
import { RENDERERS, type Format, type Output, type RenderContext } from "./renderers.js";

export type { CitationOptions } from "./prepare.js";

export interface BuildOptions {
  outDir: string;
  paper?: Paper;
  formats: Format[];
  /** Where Chromium lives, or null when there is none (deck-pdf and pptx are skipped). */
  chromePath: string | null;
  /** Open the deck in Chromium and fail on slides that overflow (default: when Chromium exists). */
  checkOverflow?: boolean;
  /** Write brief.pdf as PDF/A-2a (archival) while keeping its PDF/UA tagging. */
  pdfa?: boolean;
  /** Render in memory only (watch mode's warm-up); default true. */
  write?: boolean;
  /** --bibliography and --csl from the command line (project-relative or absolute). */
  citations?: CitationOptions;
  /**
   * A Chromium kept open across builds (watch and preview start one for all their
   * rebuilds); without it a build that needs one starts its own and closes it.
   */
  browser?: DeckBrowser;
}

export interface BriefBuild {
  file: string;
  slug: string;
  written: string[];
  diagnostics: Diagnostic[];
}

/** Markdown briefs, and Quarto / R Markdown sources, which are markdown too. */
const BRIEF_EXTENSION = /\.(?:md|qmd|rmd)$/i;

export function defaultBriefs(ws: Workspace): string[] {
  const dir = ws.projectFile("report");
  if (!ws.exists(dir)) throw new UsageError("no report/ folder here: pass the markdown files to build");
  // "_methods.qmd" is a part for {{< include >}}, not a brief (Quarto's convention).
  const files = ws.list(dir).filter((f) => BRIEF_EXTENSION.test(f) && !f.startsWith("_")).sort().map((f) => join("report", f));
  if (files.length === 0) throw new UsageError("report/ holds no .md, .qmd or .Rmd files");
  return files;
}










/** Which format made each output file, by name (others in the folder are the user's). */
const OUTPUT_FORMATS: ReadonlyArray<readonly [Format, RegExp]> = [
  ["pdf", /^brief\.pdf$/],
  ["deck", /^slides\.(?:md|html)$/],
  ["deck-pdf", /^slides(?:-notes)?\.pdf$/],
  ["pptx", /^slides\.pptx$/],
];

/** The project's own deck theme when it keeps one, else the theme briefpress ships. */
function deckTheme(ws: Workspace): string {
  const own = ws.projectFile("slides", "themes", "briefpress.css");
  return ws.exists(own) ? own : ownFile("slides", "themes", "briefpress.css");
}

/** The palette's CSS variables go first: the theme file may still override them. */
function withPalette(themeCss: string, brand: Brand): string {
  return `${deckPaletteCss(brand.colors)}\n${themeCss}`;
}

/**
 * The PDF engine's slow starts, begun on other threads while this one checks the brief:
 * font files are read on libuv's thread pool and HarfBuzz's WebAssembly compiles in V8's
 * background. The Korean and Chinese faces only for briefs with such characters.
 */
function warmPdfEngine(source: string, fonts: FontBook): Promise<unknown> {
  const keys: FontKey[] = [...FACES];
  if (/\p{Script=Hangul}|\p{Script=Han}/u.test(source)) keys.push("kr");
  if (/\p{Script=Han}/u.test(source)) keys.push("sc");
  const shaper = import("../text/shaping.js").then(({ shaperFor }) => shaperFor(fonts));
  // Failures resurface where the renderer needs the same thing, with their own errors.
  return Promise.all([fonts.prefetch(keys), shaper]).catch(() => undefined);
}

/** Whether this build will need Chromium at all (the deck's PDF, or its overflow check). */
export function needsBrowser(options: BuildOptions): boolean {
  const overflow = options.checkOverflow ?? options.chromePath !== null;
  return options.chromePath !== null && (options.formats.includes("deck-pdf") || (overflow && options.formats.includes("deck")));
}

/**
 * The build's Chromium: opened once the brief has checked clean (a brief with errors
 * renders nothing, and never starts one), released once the deck is printed.
 */
interface BrowserLease {
  open(): DeckBrowser | null;
  release(): void;
}

export async function buildBrief(file: string, ws: Workspace, options: BuildOptions, fonts: FontBook): Promise<BriefBuild> {
  const needed = needsBrowser(options);
  if (options.browser) {
    const shared = needed ? options.browser : null;
    return buildWith(file, ws, options, fonts, { open: () => shared, release: () => undefined });
  }
  // Loading playwright started with the process (cli/start.ts); Chromium itself starts
  // when the brief has checked clean, still long before that load ends.
  const start = needed ? (await import("../deck/browser.js")).startDeckBrowser : null;
  let browser: DeckBrowser | null = null;
  // Closed as soon as the deck is printed: Chromium's shutdown runs beside the PPTX's
  // writing and the files' (a fifth of a second at the end of every build otherwise).
  let closing: Promise<void> | undefined;
  const release = () => (closing ??= browser ? browser.close() : Promise.resolve());
  const lease: BrowserLease = { open: () => (browser ??= start && options.chromePath ? start(options.chromePath) : null), release: () => void release().catch(() => undefined) };
  try {
    return await buildWith(file, ws, options, fonts, lease);
  } finally {
    await release();
  }
}

async function buildWith(file: string, ws: Workspace, options: BuildOptions, fonts: FontBook, lease: BrowserLease): Promise<BriefBuild> {
  const source = ws.readSource(file);
  const warming = options.formats.includes("pdf") ? warmPdfEngine(source, fonts) : undefined;
  const checked = prepare(file, ws, source, options.citations);
  const { brief } = checked;
  const result: BriefBuild = { file, slug: brief.slug, written: [], diagnostics: checked.diagnostics };
  if (hasErrors(checked.diagnostics)) return result;
  const browser = lease.open();

  const outDir = resolve(ws.root, options.outDir, brief.slug);
  let deck: Promise<DeckSource> | undefined;
  const ctx: RenderContext = {
    brief,
    brand: checked.brand,
    fonts,
    images: checked.images,
    preparedImages: ws.preparedImages,
    paper: options.paper ?? checked.paper ?? "a4",
    date: briefEpoch(brief.meta.date, ws.env.SOURCE_DATE_EPOCH),
    chromePath: options.chromePath,
    checkOverflow: options.checkOverflow ?? options.chromePath !== null,
    pdfa: options.pdfa ?? false,
    browser,
    cache: ws,
    deck: () =>
      (deck ??= import("../deck/deck.js").then(({ prepareDeck }) => prepareDeck({
        brief,
        brand: ctx.brand,
        briefDir: ws.resolvePath(file, "."),
        fonts,
        image: (path) => readImageOrNull(ws, path),
        handDeck: checked.handDeck,
        // The derived deck is fitted in the build's Chromium (issue 21).
        ...(browser && ctx.checkOverflow ? { measure: (html: string) => browser.measure(html) } : {}),
        cache: ws,
        outDir,
        themePath: deckTheme(ws),
        // Before the HTML is rendered from it: slides.html and slides.pdf wear the palette.
        theme: (css) => withPalette(css, checked.brand),
      }))),
  };
  const outputs: Array<Output & { family: "brief" | "deck" }> = [];
  const failed = new Set<string>();
  await warming;
  const wanted = options.formats.filter((format) => !(RENDERERS[format].needsBrowser && !options.chromePath));
  try {
    // All at once, the deck first: its derivation runs until it waits on Chromium, and the
    // PDF (which yields between pages) fills the time Chromium takes to start and measure.
    const started = new Map(wanted.filter((f) => RENDERERS[f].family === "deck").map((f) => [f, RENDERERS[f].render(ctx)]));
    void Promise.allSettled([...started].filter(([f]) => RENDERERS[f].usesBrowser).map(([, r]) => r)).then(lease.release);
    const rendered = await Promise.all(wanted.map((format) => started.get(format) ?? RENDERERS[format].render(ctx)));
    rendered.forEach((r, i) => {
      const family = RENDERERS[wanted[i] as Format].family;
      outputs.push(...r.outputs.map((o) => ({ ...o, family })));
      result.diagnostics.push(...r.diagnostics);
      if (hasErrors(r.diagnostics)) failed.add(family);
    });
  } catch (e) {
    if (e instanceof MissingGlyphError) {
      const deck = checked.handDeck ? [{ file: checked.handDeck.file, text: checked.handDeck.text }] : [];
      result.diagnostics.push(missingGlyph(e, [{ file, text: checked.source }, ...deck]));
      return result;
    }
    if (isUserFacing(e)) throw e;
    // Ours, not the brief's: said as one diagnostic, and nothing is written.
    result.diagnostics.push(internalError(file, "render this brief", e));
    return result;
  }
  // Every output rendered in memory first; a family with an error (a slide that overflows)
  // writes nothing, the other still does: brief.pdf is made when the brief is clean.
  if (options.write === false) return result;
  const fresh = outputs.filter((out) => !failed.has(out.family));
  // Carried over: outputs of a format this build did not make (`--formats pdf` keeps the
  // deck). A family that failed leaves none of its old files beside the new brief.pdf.
  const carry = (name: string) => {
    const format = OUTPUT_FORMATS.find(([, test]) => test.test(name))?.[0];
    return format === undefined || (!wanted.includes(format) && !failed.has(RENDERERS[format].family));
  };
  ws.replaceOutputs(resolve(ws.root, options.outDir), brief.slug, fresh, carry);
  result.written.push(...fresh.map((out) => relative(ws.root, join(outDir, out.name))));
  return result;
}

/**
 * Points at the character's first appearance: in the brief, else in the writer's own
 * deck (whose text is set in the same fonts), else at the brief's first line.
 */
function missingGlyph(e: MissingGlyphError, sources: readonly [Place, ...Place[]]): Diagnostic {
  const hint = "briefpress bundles fonts for Latin, Greek, Cyrillic, CJK, Arabic, Hebrew, Indic, Southeast Asian, Ethiopic, Georgian and Armenian scripts, symbols and emoji; not this one yet";
  for (const { file, text } of sources) {
    const lines = text.split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes(e.char));
    if (line >= 0) return diagnostic(file, pointSpan(line + 1, (lines[line] ?? "").indexOf(e.char) + 1), "error", "font/missing-glyph", e.message, [hint]);
  }
  return diagnostic(sources[0].file, pointSpan(1, 1), "error", "font/missing-glyph", e.message, [hint]);
}

interface Place {
  file: string;
  text: string;
}

export { chromiumPath } from "../world/chromium.js";

/** A picture for the deck, through the same door as every read; null when it is refused. */
function readImageOrNull(ws: Workspace, path: string): ReturnType<typeof decodeImage> {
  try {
    return decodeImage(ws.readBytes(path));
  } catch {
    return null;
  }
}
