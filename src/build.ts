// The pipeline, per brief:
//   load (front matter) → parse (markdown → model) → resolve citations → check (rules)
//   → assets (images) → render (pdf, deck, deck-pdf, pptx) → write (atomically, all or none)
// build() and check() are the library API; cli.ts maps their results to exit codes.
import { existsSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { decodeImage, loadImages } from "./assets.js";
import { briefBrand } from "./brand.js";
import { checkHandDeckCitations } from "./slides/handwritten.js";
import { styleSources } from "./citations/style.js";
import { briefEpoch } from "./dates.js";
import { diagnostic, hasErrors, pointSpan, type Diagnostic } from "./diagnostics.js";
import { UsageError } from "./errors.js";
import { ownFile } from "./packages.js";
import { loadBrief } from "./load.js";
import type { Brief } from "./model.js";
import { FACES, type FontKey } from "./pdf/font-files.js";
import type { FontBook } from "./pdf/fonts.js";
import { MissingGlyphError } from "./pdf/missing-glyph.js";
import type { Paper } from "./pdf/style.js";
import { RENDERERS, type Format, type Output, type RenderContext } from "./renderers.js";
import { runRules } from "./rules/index.js";
import type { DeckSource } from "./slides/deck.js";
import type { Workspace } from "./workspace.js";

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
export function checkBrief(file: string, ws: Workspace, text?: string, citations: CitationOptions = {}): CheckedBrief & { source: string; images: ReturnType<typeof loadImages>["images"]; handDeck?: HandDeck } {
  const source = text ?? ws.readSource(file);
  if (!source.trim()) {
    return { brief: loadBrief(file, "").brief, source, images: new Map(), diagnostics: [diagnostic(file, pointSpan(1, 1), "error", "brief/empty", "the file is empty")] };
  }
  const loaded = loadBrief(file, source, { readRelative: (path) => readBeside(ws, file, path), clock: () => briefClock(ws, file) }, {
    // Command-line files are named from the project root; the brief names its own from its folder.
    bibliography: citations.bibliography?.map((b) => relative(ws.resolvePath(file, "."), resolve(ws.root, b)) || b),
    csl: citations.csl === undefined || !citations.csl.endsWith(".csl") ? citations.csl : resolve(ws.root, citations.csl),
  });
  const rules = runRules({ brief: loaded.brief, resolution: loaded.resolution });
  const assets = loadImages(loaded.brief, ws, loaded.brief.metaLines.cover ?? 1);
  const handDeck = findHandDeck(loaded.brief, ws);
  const deckDiagnostics = handDeck ? checkHandDeckCitations(handDeck.file, handDeck.text, loaded.brief) : [];
  return { brief: loaded.brief, source, images: assets.images, handDeck, diagnostics: [...loaded.diagnostics, ...rules, ...assets.diagnostics, ...deckDiagnostics] };
}

/** The project's own deck theme when it keeps one, else the theme briefpress ships. */
function deckTheme(ws: Workspace): string {
  const own = ws.projectFile("slides", "themes", "briefpress.css");
  return ws.exists(own) ? own : ownFile("slides", "themes", "briefpress.css");
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
  const shaper = import("./pdf/shaping.js").then(({ shaperFor }) => shaperFor(fonts));
  // Failures resurface where the renderer needs the same thing, with their own errors.
  return Promise.all([fonts.prefetch(keys), shaper]).catch(() => undefined);
}

export async function buildBrief(file: string, ws: Workspace, options: BuildOptions, fonts: FontBook): Promise<BriefBuild> {
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
    brand: briefBrand(brief.meta),
    fonts,
    images: checked.images,
    paper: options.paper ?? brief.meta.paper ?? "a4",
    date: briefEpoch(brief.meta.date, ws.env.SOURCE_DATE_EPOCH),
    chromePath: options.chromePath,
    checkOverflow: options.checkOverflow ?? options.chromePath !== null,
    pdfa: options.pdfa ?? false,
    deck: () =>
      (deck ??= import("./slides/deck.js").then(({ prepareDeck }) => prepareDeck({
        brief,
        fonts,
        image: (path) => (ws.contains(path) && ws.exists(path) ? decodeImage(ws.readBytes(path)) : null),
        handDeck: checked.handDeck,
        cache: ws,
        outDir,
        coverPath: brief.meta.cover ? ws.resolvePath(file, brief.meta.cover.image) : undefined,
        themePath: deckTheme(ws),
      }))),
  };
  const outputs: Output[] = [];
  await warming;
  try {
    for (const format of options.formats) {
      if (RENDERERS[format].needsBrowser && !options.chromePath) continue;
      const rendered = await RENDERERS[format].render(ctx);
      outputs.push(...rendered.outputs);
      result.diagnostics.push(...rendered.diagnostics);
    }
  } catch (e) {
    if (e instanceof MissingGlyphError) {
      const deck = checked.handDeck ? [{ file: checked.handDeck.file, text: checked.handDeck.text }] : [];
      result.diagnostics.push(missingGlyph(e, [{ file, text: checked.source }, ...deck]));
      return result;
    }
    throw e;
  }
  // Every output rendered in memory first: a failure above leaves dist/ untouched.
  if (hasErrors(result.diagnostics) || options.write === false) return result;
  for (const out of outputs) {
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
  const hint = "briefpress bundles Latin, Korean and Chinese fonts; other scripts are not supported yet";
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
