// Stages 1–3 for one file: front matter → markdown model → sources split → citations
// resolved. Pure: takes the text, returns the model and its diagnostics.
import { basename, extname } from "node:path";
import type { Diagnostic } from "./diagnostics.js";
import { splitFrontMatter } from "./frontmatter.js";
import type { Brief } from "./model.js";
import { parseMarkdown, plainText } from "./parse.js";
import { splitSources } from "./citations/section.js";
import { resolveCitations, type Resolution } from "./citations/resolve.js";

export interface LoadedBrief {
  brief: Brief;
  resolution: Resolution;
  diagnostics: Diagnostic[];
}

export function loadBrief(file: string, source: string): LoadedBrief {
  const slug = basename(file, extname(file));
  const front = splitFrontMatter(file, source.replace(/^\uFEFF/, ""));
  const parsed = parseMarkdown(front.body);
  let blocks = parsed.blocks;
  let title = front.meta.title;
  const first = blocks[0];
  if (!title && first?.kind === "heading" && first.level === 1) {
    title = plainText(first.inlines);
    blocks = blocks.slice(1);
  }
  const sections = splitSources(blocks, front.meta.sources_heading);
  const citations = sections.headingLine === null
    ? parsed.citations
    : parsed.citations.filter((c) => c.span.start.line < (sections.headingLine ?? Infinity));
  const brief: Brief = {
    file,
    slug,
    meta: front.meta,
    title: title ?? slug,
    blocks: sections.body,
    sourcesHeading: sections.heading,
    sources: sections.entries,
    footnotes: parsed.footnotes,
    citations,
    danglingFootnotes: parsed.danglingFootnotes,
    unusedFootnotes: parsed.unusedFootnotes,
    metaLines: front.metaLines,
  };
  const resolution = resolveCitations(brief);
  return { brief, resolution, diagnostics: [...front.diagnostics, ...resolution.diagnostics] };
}
