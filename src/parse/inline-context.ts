// What reading inline runs needs to know and collects, per file: shared by the inline
// walker (inline.ts) and its citation passes (inline-citations.ts).
import type { Span } from "../model/diagnostics.js";
import type { Citation, Skipped, XrefUse } from "../model/brief.js";

export interface Context {
  lines: string[];
  citations: Citation[];
  footnoteNumbers: Map<number, number>;
  danglingFootnotes: Array<{ label: string; span: Span }>;
  /** Inside a "::: slide" container: citations there appear on slides only. */
  inSlide: boolean;
  /** Cross-references ("@fig-map") met so far, resolved once the whole document is read. */
  xrefUses: XrefUse[];
  skipped: Skipped;
  /** Quarto / R Markdown sources: a captioned image alone in its paragraph is a numbered figure. */
  implicitFigures: boolean;
  /** The Sources list is numbered: "[1]", "^1^" and "¹" are citations too (issue 12). */
  numeric?: boolean;
  /** Inside footnote number n: bare "Mendez 2011, 45" and "Ibid." are citations too (issue 12). */
  inNote?: number;
  /** Spans whose "{lang=…}" is not a language tag: printed untagged, one warning each. */
  badLangs?: Array<{ message: string; span: Span }>;
  /** Pasted HTML dropped, first place of each kind ("img", "@class"), for one warning each. */
  htmlDropped?: Map<string, { message: string; span: Span }>;
}

export type InlineContext = "body" | "table" | "slide";
