// prepare(): everything `check` reports and `build` needs, in one pass per brief:
//   load (front matter, briefpress.yaml) → parse → resolve citations → style sources
//   → assets (images probed) → every rule.
// `check` runs exactly this and reports; `build` runs this and then the renderers, so
// whatever the build would refuse, `check` has already said, at its line and column.
import { isUtf8 } from "node:buffer";
import { join, relative, resolve } from "node:path";
import { loadImages } from "../assets/images.js";
import { projectBrand, type Brand } from "../brand/brand.js";
import { runRules } from "../check/rules.js";
import { missingGlyphDiagnostics } from "../check/rules/fonts.js";
import { styleSources } from "../citations/style.js";
import { checkHandDeckCitations } from "../deck/handwritten.js";
import { loadBrief } from "../load/brief.js";
import { loadProject } from "../load/project.js";
import type { Brief } from "../model/brief.js";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import { FileProblem, problemOf } from "../model/errors.js";
import type { ImageAsset } from "../model/image.js";
import type { Paper } from "../pdf/layout/style.js";
import { SYSTEM_STYLES, type Workspace } from "../world/workspace.js";

export interface CitationOptions {
  bibliography?: string[];
  csl?: string;
}

export interface HandDeck {
  file: string;
  path: string;
  text: string;
}

/** A brief ready for the renderers, or the reasons it is not (errors in `diagnostics`). */
export interface PreparedBrief {
  brief: Brief;
  source: string;
  images: Map<string, ImageAsset>;
  handDeck?: HandDeck;
  brand: Brand;
  paper?: Paper;
  diagnostics: Diagnostic[];
}

export function prepare(file: string, ws: Workspace, text?: string, citations: CitationOptions = {}): PreparedBrief {
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
  const styled = styleBriefSources(loaded.brief, ws, file);
  const assets = loadImages(loaded.brief, ws, loaded.brief.metaLines.cover ?? 1);
  const handDeck = findHandDeck(loaded.brief, ws);
  const deckDiagnostics = handDeck ? [...checkHandDeckCitations(handDeck.file, handDeck.text, loaded.brief), ...missingGlyphDiagnostics(handDeck.file, handDeck.text, handDeck.text)] : [];
  // The logo is found under its absolute path, which no brief-relative image key can equal.
  if (project.logo) assets.images.set(project.logo.path, project.logo.image);
  const brand = projectBrand(loaded.brief.meta, project.config, project.logo?.path);
  const paper = loaded.brief.meta.paper ?? project.config.paper;
  return {
    brief: loaded.brief,
    source,
    images: assets.images,
    handDeck,
    brand,
    paper,
    diagnostics: [...project.diagnostics, ...loaded.diagnostics, ...rules, ...styled, ...assets.diagnostics, ...deckDiagnostics],
  };
}

/**
 * Sources from a bibliography, or all of them under `citation-style:`, formatted in their
 * style (citation-js, loaded only for briefs that need it). A style that cannot be read
 * or used is one diagnostic at the front-matter key.
 */
function styleBriefSources(brief: Brief, ws: Workspace, file: string): Diagnostic[] {
  const styleLine = brief.metaLines["citation-style"] ?? brief.metaLines.csl ?? 1;
  const out: Diagnostic[] = [];
  if (/^https?:/i.test(brief.meta["citation-style"] ?? "")) {
    // Quarto papers often name a style by its URL; briefpress never fetches from the web.
    out.push(diagnostic(file, pointSpan(styleLine, 1), "warning", "citation/style", `style "${brief.meta["citation-style"]}" is on the web, which briefpress does not fetch: sources are formatted in APA`, ["download the .csl file beside the brief and name it: csl: style.csl"]));
    delete brief.meta["citation-style"];
  }
  try {
    styleSources(brief, { readStyle: (path) => readStyle(ws, file, path), cacheGet: (k) => ws.cacheGet(k), cacheSet: (k, v) => ws.cacheSet(k, v) });
  } catch (e) {
    out.push(diagnostic(file, pointSpan(styleLine, 1), "error", "citation/style", `cannot format the sources in "${brief.meta["citation-style"] ?? "apa"}": ${styleProblem(e)}`));
  }
  return out;
}

/** What went wrong with a style, in the user's terms: our own messages, or "not a CSL style". */
function styleProblem(e: unknown): string {
  return problemOf(e, "it is not a CSL style that citation-js can read (check that the file is a complete .csl)");
}

/** Reads a file named in a brief's front matter, relative to the brief, inside the project. */
function readBeside(ws: Workspace, file: string, path: string): { file: string; text: string } {
  const abs = ws.resolvePath(file, path);
  if (!ws.contains(abs)) throw new FileProblem("it lies outside the project");
  const rel = relative(ws.root, abs);
  if (!ws.exists(abs)) {
    const like = ws.lookalike(abs);
    throw new FileProblem(`no file ${rel}` + (like ? ` — did you mean "${like}"?` : ""));
  }
  const bytes = ws.readBytes(abs, "text");
  if (!isUtf8(bytes)) throw new FileProblem(`${rel} is not UTF-8 text (save it as UTF-8)`);
  return { file: rel, text: bytes.toString("utf8") };
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
  if (!path.endsWith(".csl")) throw new FileProblem('a style is "apa", "harvard1", "vancouver" or a path to a .csl file');
  const abs = ws.resolvePath(file, path);
  // "csl: apa.csl" with no such file beside the brief: Pandoc users expect the installed styles.
  const installed = join(SYSTEM_STYLES, path);
  const found = ws.exists(abs) ? abs : !path.includes("/") && ws.exists(installed) ? installed : undefined;
  if (!found) {
    const like = ws.lookalike(abs);
    throw new FileProblem("no such file" + (like ? ` — did you mean "${like}"?` : ""));
  }
  return { file: found, text: ws.readBytes(found, "style").toString("utf8") };
}

/** slides/<slug>.md, when the writer keeps a deck of their own for this brief. */
function findHandDeck(brief: Brief, ws: Workspace): HandDeck | undefined {
  const file = join("slides", `${brief.slug}.md`);
  const path = ws.projectFile(file);
  return ws.exists(path) ? { file, path, text: ws.readSource(file) } : undefined;
}
