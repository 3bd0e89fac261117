// Hand-written decks (slides/<slug>.md) replace the derived one. Their citations are
// checked against the brief's sources, and their slides located for overflow messages.
import type { Diagnostic } from "../model/diagnostics.js";
import { findCitations } from "../citations/find.js";
import { createResolver } from "../citations/resolve.js";
import type { Brief, CiteItem } from "../model/brief.js";

export interface HandSlide {
  title: string;
  line: number;
}

/** Lines of a Marp deck that hold slide content: no front matter, fences or comments. */
function contentLines(text: string): Array<{ line: number; text: string; separator: boolean }> {
  const lines = text.split(/\r?\n/);
  const out: Array<{ line: number; text: string; separator: boolean }> = [];
  let i = 0;
  if (lines[0]?.trim() === "---") {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === "---") + 1;
  }
  let fence: string | null = null;
  let comment = false;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? "";
    const f = /^\s*(```|~~~)/.exec(l)?.[1];
    if (fence) {
      if (f === fence) fence = null;
      continue;
    }
    if (f) {
      fence = f;
      continue;
    }
    if (comment || l.includes("<!--")) {
      comment = !l.includes("-->");
      continue;
    }
    out.push({ line: i + 1, text: l, separator: /^---\s*$/.test(l) });
  }
  return out;
}

export function handSlides(text: string): HandSlide[] {
  const slides: HandSlide[] = [];
  let current: HandSlide | null = null;
  for (const l of contentLines(text)) {
    if (l.separator) {
      current = null;
      continue;
    }
    if (!current) {
      if (!l.text.trim()) continue;
      current = { title: "", line: l.line };
      slides.push(current);
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(l.text)?.[1];
    if (heading && !current.title) current.title = heading.trim();
  }
  return slides;
}

export function checkHandDeckCitations(file: string, text: string, brief: Brief): Diagnostic[] {
  const resolver = createResolver(brief);
  const diagnostics: Diagnostic[] = [];
  for (const l of contentLines(text)) {
    for (const found of findCitations(l.text)) {
      for (const f of found.items) {
        const item: CiteItem = {
          author: f.authors[0] ?? "",
          authorCandidates: f.authors,
          year: f.year,
          locator: f.locator,
          prefix: f.prefix,
          span: { start: { line: l.line, column: f.start + 1 }, end: { line: l.line, column: f.end + 1 } },
          rawStart: f.start - found.start,
          rawEnd: f.end - found.start,
        };
        const d = resolver.resolve(file, item);
        if (d) diagnostics.push(d);
      }
    }
  }
  return diagnostics;
}

