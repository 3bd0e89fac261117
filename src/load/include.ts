// Quarto's "{{< include _methods.qmd >}}": the named file's blocks take the shortcode's
// place, as a plain div. Files are read through the loader's I/O, which refuses any path
// outside the project, so nothing outside it is ever read. Diagnostics about text in an
// included file point at the include line of the brief (the model keeps one file's lines).
import { problemOf } from "../model/errors.js";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import type { Block, Citation, Skipped, XrefUse } from "../model/brief.js";
import { parseMarkdown, type ParsedBody } from "../parse/parse.js";

export interface IncludeIo {
  readRelative(path: string): { file: string; text: string };
}

const MAX_DEPTH = 8;
/**
 * Budgets over the whole brief: files that include each other several times each multiply
 * (ten files naming each other are 10^8 includes by depth 8), so the count of includes and
 * the bytes they add are capped, with one error when either runs out.
 */
const MAX_INCLUDES = 1_000;
const MAX_INCLUDED_BYTES = 8 * 1024 * 1024;

export function resolveIncludes(file: string, parsed: ParsedBody, io: IncludeIo | undefined, implicitFigures: boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let includes = 0;
  let bytes = 0;
  let spent = false;
  const visit = (blocks: Block[], seen: ReadonlySet<string>, depth: number) => {
    for (const b of blocks) {
      if (b.kind === "list") b.items.forEach((i) => visit(i.blocks, seen, depth));
      if (b.kind !== "callout" && b.kind !== "quote" && b.kind !== "figure") continue;
      if (b.kind === "callout" && b.variant === "include") {
        b.variant = "div";
        const path = b.label ?? "";
        const fail = (why: string) => diagnostics.push(diagnostic(file, pointSpan(b.at.line, 1), "error", "include/load", `cannot include "${path}": ${why}`));
        if (!io) continue;
        if (seen.has(path) || depth >= MAX_DEPTH) {
          fail("it includes itself");
          continue;
        }
        if (spent) continue;
        let text: string;
        try {
          text = io.readRelative(path).text;
        } catch (e) {
          fail(problemOf(e, "it cannot be read"));
          continue;
        }
        includes++;
        bytes += text.length;
        if (includes > MAX_INCLUDES || bytes > MAX_INCLUDED_BYTES) {
          spent = true;
          fail(includes > MAX_INCLUDES ? `the brief's includes add up to more than ${MAX_INCLUDES.toLocaleString("en")} (files that include each other multiply); this and later includes are left out` : `the included files add up to more than ${MAX_INCLUDED_BYTES / 1024 / 1024} MB; this and later includes are left out`);
          continue;
        }
        const inner = parseMarkdown(text.replace(/^\uFEFF/, ""), { implicitFigures });
        b.blocks = inner.blocks;
        mergeInto(parsed, inner, b.at);
        visit(b.blocks, new Set([...seen, path]), depth + 1);
      } else visit(b.blocks, seen, depth);
    }
  };
  visit(parsed.blocks, new Set(), 0);
  return diagnostics;
}

/** The included file's citations and references join the brief's, placed at the include line. */
function mergeInto(parsed: ParsedBody, inner: ParsedBody, at: { line: number; column: number }): void {
  const here = { start: { line: at.line, column: 1 }, end: { line: at.line, column: 2 } };
  const moved = (c: Citation): Citation => {
    c.span = here;
    c.items.forEach((i) => (i.span = here));
    return c;
  };
  parsed.citations.push(...inner.citations.map(moved));
  parsed.xrefUses.push(...inner.xrefUses.map((u): XrefUse => ({ ...u, span: here })));
  const point = () => ({ ...at });
  const skipped: Skipped = parsed.skipped;
  skipped.chunks.push(...inner.skipped.chunks.map(point));
  skipped.inlineCode.push(...inner.skipped.inlineCode.map(point));
  skipped.maths.push(...inner.skipped.maths.map(point));
  skipped.shortcodes.push(...inner.skipped.shortcodes.map((s) => ({ ...s, at: point() })));
}
