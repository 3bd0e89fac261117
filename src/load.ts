// Stages 1–3 for one file: front matter → markdown model → sources split → citations
// resolved. Pure: takes the text, returns the model and its diagnostics.
import { basename, extname } from "node:path";
import { diagnostic, pointSpan, type Diagnostic } from "./diagnostics.js";
import { parseBibliography } from "./citations/bibliography.js";
import { fromCsl } from "./citations/csl.js";
import { splitFrontMatter } from "./frontmatter.js";
import type { Block, Brief, SourceEntry } from "./model.js";
import { invisibleCharacters } from "./invisible.js";
import { readPasted } from "./pasted.js";
import { parseMarkdown, plainText } from "./parse.js";
import { splitSources } from "./citations/section.js";
import { resolveCitations, type Resolution } from "./citations/resolve.js";
import { uncite } from "./citations/uncite.js";

export interface LoadedBrief {
  brief: Brief;
  resolution: Resolution;
  diagnostics: Diagnostic[];
}

/** What loading may read besides the brief: its bibliography file (supplied by the workspace). */
export interface LoadIo {
  /** Reads a file named in front matter, relative to the brief; throws UsageError-like errors. */
  readRelative(path: string): { file: string; text: string };
}

export function loadBrief(file: string, source: string, io?: LoadIo): LoadedBrief {
  const slug = basename(file, extname(file));
  const front = splitFrontMatter(file, source.replace(/^\uFEFF/, ""));
  let parsed = parseMarkdown(front.body);
  // A numbered Sources or Notes list ("[1] …", "1. …"): "[1]" and "^1^" in the text cite it.
  if (isNumbered(splitSources(readPasted(file, parsed.blocks, front.meta.title).blocks, front.meta.sources_heading, front.body.split(/\r?\n/)).entries)) parsed = parseMarkdown(front.body, { numeric: true });
  const pasted = readPasted(file, parsed.blocks, front.meta.title);
  const blocks = pasted.blocks;
  const title = pasted.title ?? firstWords(blocks);
  const sections = splitSources(blocks, front.meta.sources_heading, front.body.split(/\r?\n/));
  const bibliography = front.meta.bibliography && io ? loadBibliographyEntries(file, front.meta.bibliography, front.metaLines.bibliography ?? 1, io) : { entries: [], diagnostics: [] };
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
    sourcesHeading: sections.heading,
    sources: [...sections.entries, ...bibliography.entries],
    footnotes: parsed.footnotes,
    citations,
    danglingFootnotes: parsed.danglingFootnotes,
    unusedFootnotes: parsed.unusedFootnotes,
    metaLines: front.metaLines,
  };
  const resolution = resolveCitations(brief);
  if (brief.citations.length !== citations.length) {
    const kept = new Set(brief.citations);
    uncite([...brief.blocks, ...brief.footnotes.flatMap((f) => f.blocks)], new Set(citations.filter((c) => !kept.has(c))));
  }
  const html = parsed.htmlDropped.map((d) => diagnostic(file, d.span, "warning", "html/dropped", d.message));
  const invisible = invisibleCharacters(file, front.body);
  return { brief, resolution, diagnostics: [...front.diagnostics, ...pasted.diagnostics, ...html, ...invisible, ...bibliography.diagnostics, ...resolution.diagnostics] };
}

function loadBibliographyEntries(file: string, path: string, line: number, io: LoadIo): { entries: SourceEntry[]; diagnostics: Diagnostic[] } {
  try {
    const read = io.readRelative(path);
    const items = parseBibliography(read.text);
    const lines = read.text.split("\n");
    const entries = items.map((item) => {
      const at = lines.findIndex((l) => l.includes(item.id));
      return fromCsl(item, read.file, at + 1 || 1);
    });
    return { entries, diagnostics: [] };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { entries: [], diagnostics: [diagnostic(file, pointSpan(line, 1, "bibliography".length), "error", "bibliography/load", `cannot read bibliography "${path}": ${reason}`)] };
  }
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
