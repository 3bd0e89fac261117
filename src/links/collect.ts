// Every address a brief points readers to: the Sources' URLs and DOIs and the links of
// the body and the notes, each once, at the place it first appears.
import type { Block, Brief, Inline } from "../model/brief.js";
import type { Span } from "../model/diagnostics.js";
import { pointSpan } from "../model/diagnostics.js";
import { eachBlock, eachInline } from "../model/walk.js";

export interface Link {
  url: string;
  /** "https://doi.org/10.…" is checked through the resolver; said as the DOI. */
  doi?: string;
  file: string;
  span: Span;
  /** How many places name this address. */
  uses: number;
}

/** The DOI resolver; an environment may point it elsewhere (a test's loopback server). */
export const DOI_RESOLVER = "https://doi.org/";

const WEB = /^https?:\/\//i;
const DOI_HOST = /^https?:\/\/(dx\.)?doi\.org\//i;

/** Links in a block's own runs (its children are visited by the walker). */
function ownInlines(block: Block): Inline[][] {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return [block.inlines];
    case "table":
      return [...(block.caption ? [block.caption] : []), ...block.header, ...block.rows.flat()];
    case "figure":
      return [block.caption];
    case "callout":
      return block.variant === "hidden" ? [] : block.title ? [block.title] : [];
    default:
      return [];
  }
}

export function briefLinks(brief: Brief, resolver = DOI_RESOLVER): Link[] {
  const byUrl = new Map<string, Link>();
  const add = (url: string, span: Span, file = brief.file, doi?: string) => {
    const seen = byUrl.get(url);
    if (seen) seen.uses++;
    else byUrl.set(url, { url, file, span, uses: 1, ...(doi ? { doi } : {}) });
  };
  const visit = (blocks: readonly Block[]) =>
    eachBlock(blocks, (block) => {
      if (block.kind === "callout" && block.variant === "hidden") return false;
      for (const inlines of ownInlines(block)) {
        eachInline(inlines, (i) => {
          if (i.kind === "link" && WEB.test(i.href)) add(i.href, pointSpan(block.at.line, block.at.column));
        });
      }
      return true;
    });
  visit(brief.blocks);
  for (const note of brief.footnotes) visit(note.blocks);
  for (const source of brief.sources) {
    if (source.doi) add(resolver + source.doi, source.span, source.file, source.doi);
    // The DOI's own address ("https://doi.org/10.…") is the DOI: checked once, through the resolver.
    const isDoi = (href: string) => source.doi !== undefined && DOI_HOST.test(href) && decodeURIComponent(href).toLowerCase().endsWith(source.doi.toLowerCase());
    if (source.url && WEB.test(source.url) && !isDoi(source.url)) add(source.url, source.span, source.file);
    eachInline(source.inlines, (i) => {
      if (i.kind === "link" && WEB.test(i.href) && i.href !== source.url && !isDoi(i.href)) add(i.href, source.span, source.file);
    });
  }
  return [...byUrl.values()];
}
