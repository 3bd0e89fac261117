// The pipeline, per brief:
//   load (front matter) → parse (markdown → model) → resolve citations → check (rules)
//   → assets (images) → render (pdf, deck, deck-pdf, pptx) → write (atomically, all or none)
// build() and check() are the library API; cli.ts maps their results to exit codes.
import { existsSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { decodeImage, loadImages } from "../assets/images.js";
import { projectBrand, type Brand } from "../brand/brand.js";
import { checkHandDeckCitations } from "../deck/handwritten.js";
import { styleSources } from "../citations/style.js";
import { briefEpoch } from "../model/dates.js";
import { diagnostic, hasErrors, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import { UsageError } from "../model/errors.js";
import { ownFile } from "../world/packages.js";
import { deckPaletteCss } from "../brand/palette.js";
import { loadBrief } from "../load/brief.js";
import { loadProject } from "../load/project.js";
import type { Brief } from "../model/brief.js";
import { FACES, type FontKey } from "../text/font-files.js";
import type { FontBook } from "../text/fonts.js";
import { MissingGlyphError } from "../text/missing-glyph.js";
import type { Paper } from "../pdf/layout/style.js";
import { RENDERERS, type Format, type Output, type RenderContext } from "./renderers.js";
import { missingGlyphDiagnostics } from "../check/rules/fonts.js";
import { runRules } from "../check/rules.js";
import type { DeckBrowser } from "../deck/browser.js";
import type { DeckSource } from "../deck/deck.js";
import type { Workspace } from "../world/workspace.js";

export interface CheckedBrief {
  brief: Brief;
  diagnostics: Diagnostic[];
}

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
}

export interface CitationOptions {
  bibliography?: string[];
  csl?: string;
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
  if (!existsSync(dir)) throw new UsageError("no report/ folder here: pass the markdown files to build");
  // "_methods.qmd" is a part for {{< include >}}, not a brief (Quarto's convention).
  const files = readdirSync(dir).filter((f) => BRIEF_EXTENSION.test(f) && !f.startsWith("_")).sort().map((f) => join("report", f));
  if (files.length === 0) throw new UsageError("report/ holds no .md, .qmd or .Rmd files");
  return files;
}

/** Stages load → parse → resolve → check for one file. */
export function checkBrief(file: string, ws: Workspace, text?: string, citations: CitationOptions = {}): CheckedBrief & { source: string; images: ReturnType<typeof loadImages>["images"]; handDeck?: HandDeck; brand: Brand; paper?: Paper } {
  const source = text ?? ws.readSource(file);
  // briefpress.yaml: read again for every brief, so watch mode sees it change.
  const project = loadProject(ws);
  if (!source.trim()) {
    const empty = loadBrief(file, "").brief;
    return { brief: empty, source, images: new Map(), brand: projectBrand(empty.meta, project.config), diagnostics: [...project.diagnostics, diagnostic(file, pointSpan(1, 1), "error", "brief/empty", "the file is empty")] };
  }
  const loaded = loadBrief(file, source, { readRelative: (path) => readBeside(ws, file, path), clock: () => briefClock(ws, file) }, {
    // Command-line files are named from the project root; the brief names its own from its folder.
    bibliography: citations.bibliography?.map((b) => relative(ws.resolvePath(file, "."), resolve(ws.root, b)) || b),
    csl: citations.csl === undefined || !citations.csl.endsWith(".csl") ? citations.csl : resolve(ws.root, citations.csl),
  });
  const rules = runRules({ brief: loaded.brief, resolution: loaded.resolution, source });
  const assets = loadImages(loaded.brief, ws, loaded.brief.metaLines.cover ?? 1);
  const handDeck = findHandDeck(loaded.brief, ws);
  const deckDiagnostics = handDeck ? [...checkHandDeckCitations(handDeck.file, handDeck.text, loaded.brief), ...missingGlyphDiagnostics(handDeck.file, handDeck.text, handDeck.text)] : [];
  // The logo is found under its absolute path, which no brief-relative image key can equal.
  if (project.logo) assets.images.set(project.logo.path, project.logo.image);
  const brand = projectBrand(loaded.brief.meta, project.config, project.logo?.path);
  const paper = loaded.brief.meta.paper ?? project.config.paper;
  return { brief: loaded.brief, source, images: assets.images, handDeck, brand, paper, diagnostics: [...project.diagnostics, ...loaded.diagnostics, ...rules, ...assets.diagnostics, ...deckDiagnostics] };
}

/** The project's own deck theme when it keeps one, else the theme briefpress ships. */
function deckTheme(ws: Workspace): string {
  const own = ws.projectFile("slides", "themes", "briefpress.css");
  return ws.exists(own) ? own : ownFile("slides", "themes", "briefpress.css");
}

/** The palette's CSS variables go first: the theme file may still override them. */
function withPalette(themeCss: string, brand: Brand): string {
  return `${deckPaletteCss(brand.colors)}\n${themeCss}`;
}

/** Reads a file named in a brief's front matter, relative to the brief, inside the project. */
function readBeside(ws: Workspace, file: string, path: string): { file: string; text: string } {
  const abs = ws.resolvePath(file, path);
  if (!ws.contains(abs)) throw new Error("it lies outside the project");
  const rel = relative(ws.root, abs);
  if (!ws.exists(abs)) {
    const like = ws.lookalike(abs);
    throw new Error(`no file ${rel}` + (like ? ` — did you mean "${like}"?` : ""));
  }
  return { file: rel, text: ws.readSource(rel) };
}

/** "today" and "last-modified" in front matter: SOURCE_DATE_EPOCH when set, else the file's time. */
function briefClock(ws: Workspace, file: string): Date {
  const epoch = ws.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return ws.modified(file);
}

/**
 * CSL styles may live anywhere (Debian keeps them in /usr/share/citation-style-language):
 * they shape formatting and are never embedded, so only the .csl extension is required.
 */
function readStyle(ws: Workspace, file: string, path: string): { file: string; text: string } {
  if (!path.endsWith(".csl")) throw new Error('a style is "apa", "harvard1", "vancouver" or a path to a .csl file');
  const abs = ws.resolvePath(file, path);
  // "csl: apa.csl" with no such file beside the brief: Pandoc users expect the installed styles.
  const installed = join(SYSTEM_STYLES, path);
  const found = ws.exists(abs) ? abs : !path.includes("/") && ws.exists(installed) ? installed : undefined;
  if (!found) {
    const like = ws.lookalike(abs);
    throw new Error("no such file" + (like ? ` — did you mean "${like}"?` : ""));
  }
  return { file: found, text: ws.readBytes(found).toString("utf8") };
}

/** Where Debian's citation-style-language-styles package puts its styles. */
const SYSTEM_STYLES = "/usr/share/citation-style-language/styles";

export interface HandDeck {
  file: string;
  path: string;
  text: string;
}

/** slides/<slug>.md, when the writer keeps a deck of their own for this brief. */
function findHandDeck(brief: Brief, ws: Workspace): HandDeck | undefined {
  const file = join("slides", `${brief.slug}.md`);
  const path = ws.projectFile(file);
  return ws.exists(path) ? { file, path, text: ws.readSource(file) } : undefined;
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
function needsBrowser(options: BuildOptions): boolean {
  const overflow = options.checkOverflow ?? options.chromePath !== null;
  return options.chromePath !== null && (options.formats.includes("deck-pdf") || (overflow && options.formats.includes("deck")));
}

export async function buildBrief(file: string, ws: Workspace, options: BuildOptions, fonts: FontBook): Promise<BriefBuild> {
  // Chromium starts first, so its start-up runs beside parsing and the PDF's layout.
  const browser = needsBrowser(options) && options.chromePath ? (await import("../deck/browser.js")).startDeckBrowser(options.chromePath) : null;
  try {
    return await buildWith(file, ws, options, fonts, browser);
  } finally {
    await browser?.close();
  }
}

async function buildWith(file: string, ws: Workspace, options: BuildOptions, fonts: FontBook, browser: DeckBrowser | null): Promise<BriefBuild> {
  const source = ws.readSource(file);
  const warming = options.formats.includes("pdf") ? warmPdfEngine(source, fonts) : undefined;
  const checked = checkBrief(file, ws, source, options.citations);
  const { brief } = checked;
  const result: BriefBuild = { file, slug: brief.slug, written: [], diagnostics: checked.diagnostics };
  if (hasErrors(checked.diagnostics)) return result;

  const outDir = resolve(ws.root, options.outDir, brief.slug);
  const styleLine = brief.metaLines["citation-style"] ?? brief.metaLines.csl ?? 1;
  if (/^https?:/i.test(brief.meta["citation-style"] ?? "")) {
    // Quarto papers often name a style by its URL; briefpress never fetches from the web.
    result.diagnostics.push(diagnostic(file, pointSpan(styleLine, 1), "warning", "citation/style", `style "${brief.meta["citation-style"]}" is on the web, which briefpress does not fetch: sources are formatted in APA`, ["download the .csl file beside the brief and name it: csl: style.csl"]));
    delete brief.meta["citation-style"];
  }
  try {
    styleSources(brief, { readStyle: (path) => readStyle(ws, file, path), cacheGet: (k) => ws.cacheGet(k), cacheSet: (k, v) => ws.cacheSet(k, v) });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    result.diagnostics.push(diagnostic(file, pointSpan(styleLine, 1), "error", "citation/style", `cannot format the sources in "${brief.meta["citation-style"] ?? "apa"}": ${reason}`));
    return result;
  }
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
    deck: () =>
      (deck ??= import("../deck/deck.js").then(({ prepareDeck }) => prepareDeck({
        brief,
        brand: ctx.brand,
        briefDir: ws.resolvePath(file, "."),
        fonts,
        image: (path) => (ws.contains(path) && ws.exists(path) ? decodeImage(ws.readBytes(path)) : null),
        handDeck: checked.handDeck,
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
  try {
    // All at once, the deck started first: once its HTML is in Chromium, the PDF's layout
    // keeps this thread busy while Chromium measures and prints the slides.
    const wanted = options.formats.filter((format) => !(RENDERERS[format].needsBrowser && !options.chromePath));
    if (browser && wanted.some((f) => RENDERERS[f].family === "deck")) {
      // The deck goes to Chromium before the PDF's layout takes this thread; a turn of the
      // event loop lets the page's messages leave first.
      browser.load((await ctx.deck()).html);
      await new Promise((go) => setImmediate(go));
    }
    const started = new Map(wanted.filter((f) => RENDERERS[f].family === "deck").map((f) => [f, RENDERERS[f].render(ctx)]));
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
    throw e;
  }
  // Every output rendered in memory first; a family with an error (a slide that overflows)
  // writes nothing, the other still does: brief.pdf is made when the brief is clean.
  if (options.write === false) return result;
  for (const out of outputs) {
    if (failed.has(out.family)) continue;
    const path = join(outDir, out.name);
    ws.writeAtomic(path, out.data);
    result.written.push(relative(ws.root, path));
  }
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

export function chromiumPath(env: NodeJS.ProcessEnv): string | null {
  const candidates = [env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}
