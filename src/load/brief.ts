// Stages 1–3 for one file: front matter → markdown model → sources split → citations
// resolved. Pure: takes the text, returns the model and its diagnostics.
import { basename, extname } from "node:path";
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import { oncePerKey } from "../citations/once.js";
import { fromCsl } from "../citations/csl.js";
import { splitFrontMatter } from "./frontmatter.js";
import type { Block, Brief, SourceEntry } from "../model/brief.js";
import { invisibleCharacters, mendWindows1252 } from "../parse/invisible.js";
import { readPasted } from "../parse/pasted.js";
import { parseMarkdown } from "../parse/parse.js";
import { plainText } from "../model/plain-text.js";
import { splitSources } from "../citations/section.js";
import { resolveCitations, type Resolution } from "../citations/resolve.js";
import { uncite } from "../citations/uncite.js";
import { resolveXrefs } from "../parse/xref.js";
import { resolveIncludes } from "./include.js";
import { loadBibliographies, setAsideUncited } from "./bibliographies.js";

export interface LoadedBrief {
  brief: Brief;
  resolution: Resolution;
  diagnostics: Diagnostic[];
}

/** What loading may read besides the brief: its bibliography file (supplied by the workspace). */
export interface LoadIo {
  /** Reads a file named in front matter, relative to the brief; throws UsageError-like errors. */
  readRelative(path: string): { file: string; text: string };
  /** The moment "date: today" / "last-modified" stands for (SOURCE_DATE_EPOCH or the file's time). */
  clock?(): Date;
}

/** What the command line adds to the front matter, as Pandoc's --bibliography and --csl do. */
export interface LoadOptions {
  /** Further bibliography files, relative to the brief. */
  bibliography?: readonly string[];
  /** A CSL style that overrides the front matter's. */
  csl?: string;
}

export function loadBrief(file: string, source: string, io?: LoadIo, options: LoadOptions = {}): LoadedBrief {
  const slug = slugOf(file);
  const front = splitFrontMatter(file, normaliseLineEnds(source.replace(/^\uFEFF/, "")), { clock: io?.clock });
  const windows = mendWindows1252(file, front.body);
  front.body = windows.body;
  if (options.bibliography?.length) front.meta.bibliography = [...(front.meta.bibliography ?? []), ...options.bibliography];
  if (options.csl) front.meta["citation-style"] = options.csl;
  const implicitFigures = /\.(?:qmd|rmd)$/i.test(file);
  let parsed = parseMarkdown(front.body, { implicitFigures });
  // A numbered Sources or Notes list ("[1] …", "1. …"): "[1]" and "^1^" in the text cite it.
  if (isNumbered(splitSources(readPasted(file, parsed.blocks, front.meta.title).blocks, front.meta.sources_heading, front.body.split(/\r?\n/)).entries)) {
    parsed = parseMarkdown(front.body, { implicitFigures, numeric: true });
  }
  const included = resolveIncludes(file, parsed, io, implicitFigures);
  const pasted = readPasted(file, parsed.blocks, front.meta.title);
  const blocks = pasted.blocks;
  const title = pasted.title ?? firstWords(blocks);
  const sections = splitSources(blocks, front.meta.sources_heading, front.body.split(/\r?\n/));
  const citedKeys = new Set([...parsed.citations.flatMap((c) => c.items.flatMap((i) => (i.key ? [i.key] : []))), ...(front.meta.nocite ?? []).map((k) => k.replace(/^@/, ""))]);
  const bibliography = loadBibliographies(file, front.meta.bibliography ?? [], front.metaLines.bibliography ?? 1, io, citedKeys);
  // Footnote definitions often sit at the very end, below the Sources heading: theirs count.
  const citations = sections.headingLine === null
    ? parsed.citations
    : parsed.citations.filter((c) => c.span.start.line < (sections.headingLine ?? Infinity) || c.note !== undefined);
  const brief: Brief = {
    file,
    slug,
    meta: front.meta,
    title: title ?? slug,
    blocks: sections.body,
    sourcesHeading: sections.heading ?? front.meta["reference-section-title"] ?? null,
    sources: [...sections.entries, ...bibliography.entries, ...(front.meta.references ?? []).map((item) => fromCsl(item, file, front.metaLines.references ?? 1))],
    footnotes: parsed.footnotes,
    citations,
    danglingFootnotes: parsed.danglingFootnotes,
    unusedFootnotes: parsed.unusedFootnotes,
    metaLines: front.metaLines,
    xrefs: resolveXrefs(sections.body, parsed.footnotes.map((f) => f.blocks), parsed.xrefUses, front.meta.crossref, front.meta["number-sections"]),
    skipped: parsed.skipped,
  };
  const resolution = resolveCitations(brief);
  if (brief.citations.length !== citations.length) {
    const kept = new Set(brief.citations);
    uncite([...brief.blocks, ...brief.footnotes.flatMap((f) => f.blocks)], new Set(citations.filter((c) => !kept.has(c))));
  }
  resolution.diagnostics = oncePerKey(resolution.diagnostics, brief.citations, bibliography.failed);
  resolution.diagnostics.push(...setAsideUncited(brief, resolution, sections.entries.length, bibliography.entries.length));
  const html = parsed.htmlDropped.map((d) => diagnostic(file, d.span, "warning", "html/dropped", d.message));
  const langs = parsed.badLangs.map((d) => diagnostic(file, d.span, "warning", "span/lang", d.message));
  const invisible = invisibleCharacters(file, front.body);
  return { brief, resolution, diagnostics: [...front.diagnostics, ...included, ...pasted.diagnostics, ...html, ...langs, ...windows.diagnostics, ...invisible, ...bibliography.diagnostics, ...resolution.diagnostics] };
}

/** A document with no title and no heading is named by its first words, never its file name. */
function firstWords(blocks: readonly Block[]): string | undefined {
  const first = blocks.find((b) => b.kind === "paragraph");
  if (first?.kind !== "paragraph") return undefined;
  const text = plainText(first.inlines).replace(/\s+/g, " ").trim();
  return text.length > 60 ? `${text.slice(0, 60).replace(/\s\S*$/, "")}…` : text || undefined;
}

/** Most entries carry a number: the list is cited by number. */
function isNumbered(entries: readonly SourceEntry[]): boolean {
  const numbered = entries.filter((e) => e.number !== undefined).length;
  return numbered > 0 && numbered * 2 >= entries.length;
}

/** Old Mac (CR) and Windows (CRLF) line ends read as LF: line numbers stay those an editor shows. */
function normaliseLineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * The folder a brief's outputs go to, from its file name: "report/x.qmd" → "x". Never a
 * path step: a brief called "...md" must not write into the project's root.
 */
export function slugOf(file: string): string {
  return basename(file, extname(file)).replace(/^\.+/, "") || "brief";
}
