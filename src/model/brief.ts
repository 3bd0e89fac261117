// The one document model. Every renderer (PDF, slides) and the checker read this;
// nobody downstream parses markdown again.
import type { Position, Span } from "./diagnostics.js";
import type { CslItem } from "./csl.js";

export type { CslItem };
import type { FrontMatter } from "./front-matter.js";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; href: string; children: Inline[] }
  | { kind: "break" }
  | { kind: "citation"; text: string; citation: Citation }
  | { kind: "footnoteRef"; label: string; number: number }
  /** `label` from "{#fig-x}"; `caption` when Quarto's fig-alt gave the alt text separately. */
  | { kind: "image"; src: string; alt: string; title: string; at: Position; label?: string; caption?: string }
  /** Issue 11: TeX maths ("$x^2$", "$$…$$"), never typeset: printed as its source, legibly. */
  | { kind: "math"; tex: string; display: boolean; label?: string; number?: number }
  // Issue 12: pasted inline HTML <sup>, <sub>, <u> (everything else maps to the kinds above).
  | { kind: "mark"; mark: "sup" | "sub" | "underline"; children: Inline[] }
  // A bracketed span with a language or direction: "[حمص]{lang=ar}", "[…]{dir=rtl}".
  | { kind: "lang"; lang?: string; dir?: "rtl" | "ltr"; children: Inline[] };

export interface ListItem {
  blocks: Block[];
  at: Position;
}

export type Block =
  /** `number` ("2", "2.1") is the section number cross-references print; `numbered` false for {.unnumbered}. */
  | { kind: "heading"; level: number; inlines: Inline[]; id: string; at: Position; number?: string; numbered?: boolean; label?: string }
  | { kind: "paragraph"; inlines: Inline[]; at: Position }
  | { kind: "list"; ordered: boolean; start: number; items: ListItem[]; at: Position }
  | { kind: "quote"; blocks: Block[]; at: Position }
  /**
   * A fenced div. `variant` is its first class or word: "slide", "note", "callout-tip",
   * "notes" (speaker notes: the deck's, never printed), "hidden" (Quarto content for other
   * formats only), "div" (a plain wrapper). `title` for Quarto callouts.
   */
  | { kind: "callout"; variant: string; blocks: Block[]; at: Position; title?: Inline[]; label?: string }
  | { kind: "code"; text: string; lang: string; at: Position }
  | { kind: "table"; header: Inline[][]; rows: Inline[][][]; align: Array<"left" | "center" | "right">; at: Position; caption?: Inline[]; label?: string; number?: number }
  | { kind: "rule"; at: Position }
  /** Raw HTML is never executed: it is kept as literal text. */
  | { kind: "html"; text: string; at: Position }
  // Issue 11 (Quarto, R Markdown, Pandoc):
  /** An executable chunk ("```{r}"): never run, never printed; its label may name a figure or table. */
  | { kind: "chunk"; engine: string; label?: string; options: Record<string, string>; at: Position; tableNumber?: number }
  /** A numbered figure: an image with a caption, a figure div, or a chunk that would draw one. */
  /** `sub` ("a", "b") for a sub-figure inside a figure div, which prints "(a)" and is referred to as "Figure 1a". */
  /** `aliases`: other labels the document's tool accepts for it (bookdown's "fig:chunk", a "\\label{…}" or "(\\#fig:x)" in the caption). */
  | { kind: "figure"; label?: string; number: number; blocks: Block[]; caption: Inline[]; at: Position; sub?: string; aliases?: string[] }
  /** "{{< pagebreak >}}". */
  | { kind: "pagebreak"; at: Position };

/** One author-date reference inside a citation group, e.g. "Yoon 2024, 3". */
export interface CiteItem {
  /** Author as written: "Yoon", "Human Rights Council", "Smith et al.". */
  author: string;
  /** Pandoc-style key ("yoon2024" from "[@yoon2024]"), resolved against the bibliography. */
  key?: string;
  /** "[-@key]": print the year alone (issue 11). */
  suppressAuthor?: boolean;
  /** For narrative citations, the possible author runs, longest first. */
  authorCandidates: string[];
  /** Year as written, with its suffix: "2024", "2024a", "n.d.". */
  year: string;
  locator: string;
  prefix: string;
  span: Span;
  /** Where this item's text lies inside the citation's raw text (for per-item links). */
  rawStart: number;
  rawEnd: number;
  /** Filled by the resolver: the index of the source entry this refers to. */
  sourceIndex?: number;
  // Issue 12:
  /** A numeric citation ("[3]", "^3^", "³") names the entry by its number. */
  number?: number;
  /** MLA "(Human Rights Watch, No Safe Harbour 4)": title words that pick one of an author's entries. */
  titleHint?: string;
  /** Read from a note without parentheses, or MLA-style without a year: dropped if it names no entry. */
  tentative?: boolean;
  /** "Ibid." / "Id.": the source of the previous note. */
  ibid?: boolean;
  /** MLA's bare "(Roelen)": a citation only if it names exactly one entry, never reported. */
  speculative?: boolean;
}

export interface Citation {
  style: "parenthetical" | "narrative";
  /** The text as it appears, e.g. "(Yoon 2024; HRC 2014)". */
  raw: string;
  items: CiteItem[];
  span: Span;
  /** How renderers print it, when that differs from `raw` (key citations → "(Yoon 2024)"). */
  display?: { text: string; ranges: Array<[number, number]> };
  /** Where it was found: body prose, a table cell, or a slide-only block. */
  context: "body" | "table" | "slide";
  /** Issue 12: the number of the footnote it was found in, if any. */
  note?: number;
  /** Issue 20: written as a link to "#id" (pandoc's "[Name 2020](#ref-name2020)"): the id. */
  target?: string;
}

export interface SourceAuthor {
  family: string;
  given?: string;
  /** Organisation authors keep their full name here and their acronym, if written. */
  literal?: string;
  acronym?: string;
}


export interface SourceEntry {
  /** The entry exactly as the writer wrote it, as inline runs (links live). */
  inlines: Inline[];
  text: string;
  authors: SourceAuthor[];
  /** "2024", "2024a" or "n.d."; empty when no date could be found. */
  year: string;
  dateText: string;
  title: string;
  url?: string;
  doi?: string;
  /** Entries under a "further reading" heading need not be cited. */
  furtherReading: boolean;
  /** For entries from a bibliography file: the citation key and the CSL-JSON item. */
  key?: string;
  csl?: CslItem;
  /** Document symbol such as "A/HRC/25/CRP.1", when the entry has one. */
  symbol?: string;
  /** The file the entry lives in, when not the brief (a bibliography file). */
  file?: string;
  span: Span;
  // Issue 12 (reference styles, numbered notes):
  /** The entry's number in a numbered list ("[3] …", "3. …"): numeric citations match it. */
  number?: number;
  /** The authors end in "et al." (MLA, Vancouver): the entry names only the first few. */
  moreAuthors?: boolean;
  /** Written "———." / "---.": the authors were taken from the entry above. */
  sameAuthors?: boolean;
  /** Issue 20: ids a link may go to ("f4" from <a id="f4">, "ref-x" from ::: {#ref-x}). */
  anchors?: string[];
}

export interface Footnote {
  label: string;
  number: number;
  blocks: Block[];
  at: Position;
}

export interface Brief {
  /** Path as given by the user (used in diagnostics). */
  file: string;
  slug: string;
  meta: FrontMatter;
  title: string;
  /** Body blocks, without the sources section. */
  blocks: Block[];
  sourcesHeading: string | null;
  sources: SourceEntry[];
  footnotes: Footnote[];
  citations: Citation[];
  danglingFootnotes: Array<{ label: string; span: Span }>;
  unusedFootnotes: Array<{ label: string; span: Span }>;
  /** 1-based lines of top-level front-matter keys, for diagnostics about their values. */
  metaLines: Record<string, number>;
  /** Issue 11: cross-reference targets (figures, tables, sections, equations) and uses. */
  xrefs: XrefIndex;
  /** Issue 11: syntax briefpress reads but does not render (chunks, maths), for one note each. */
  skipped: Skipped;
}

export type XrefKind = "fig" | "tbl" | "sec" | "eq" | "lst";

export interface XrefTarget {
  label: string;
  kind: XrefKind;
  /** "1", "2.3": what "Figure N" prints. */
  number: string;
  /** The PDF's named destination. */
  dest: string;
  at: Position;
  /** A section's heading text: printed instead of "Section N" when it has no number. */
  title?: string;
}

export interface XrefUse {
  label: string;
  span: Span;
  /** Filled when resolved: the printed text ("Figure 2") and target. */
  target?: XrefTarget;
  /** The link inline that prints this reference; its text is set on resolution. */
  inline: Extract<Inline, { kind: "link" }>;
  /** "-@fig-x" and bookdown's "\@ref(fig:x)" print the number alone. */
  bare: boolean;
}

export interface XrefIndex {
  targets: XrefTarget[];
  /** Labels defined more than once, at their second definition. */
  duplicates: Array<{ label: string; at: Position; first: Position }>;
  uses: XrefUse[];
}

export interface Skipped {
  chunks: Position[];
  inlineCode: Position[];
  maths: Position[];
  shortcodes: Array<{ name: string; at: Position }>;
}
