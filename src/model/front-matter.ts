// The front matter as the model holds it, after validation (load/frontmatter.ts): our
// keys and Pandoc's, synonyms merged, dates read. Every stage and renderer reads this.
import type { CslItem } from "./csl.js";

export interface Author {
  name: string;
  role?: string;
  affiliation?: string;
  email?: string;
  orcid?: string;
  url?: string;
}

/** Quarto's cross-reference words ("Figure", "Table"…), from `crossref:` when given. */
export interface XrefPrefixes {
  fig: string;
  tbl: string;
  sec: string;
  eq: string;
  lst: string;
}

export interface FrontMatter {
  title?: string;
  subtitle?: string;
  short_title?: string;
  authors: Author[];
  organisation?: string;
  contact?: string;
  /** ISO: "2024-05-20", "2024-05" or "2024". */
  date?: string;
  "date-format"?: string;
  lang?: string;
  /** Writing direction of the whole brief (else implied by an RTL `lang`). */
  dir?: "ltr" | "rtl";
  paper?: "a4" | "letter";
  summary?: string;
  keywords?: string[];
  thanks?: string;
  key_points?: string[];
  key_figures?: Array<string | { value: string | number; label: string }>;
  /** `false`: no cover page even with a summary (issue 12). */
  cover?: false | { image: string; alt: string; credit?: string };
  /** Bibliography files, relative to the brief (front matter's, then the command line's). */
  bibliography?: string[];
  /** Pandoc's `references:`: CSL items in the front matter itself. */
  references?: CslItem[];
  "citation-style"?: string;
  /** Keys (without "@") or author-year labels that print uncited; "*" for all. */
  nocite?: string[];
  "link-citations"?: boolean;
  aliases?: Record<string, string>;
  sources_heading?: string;
  /** Pandoc's reference-section-title: the printed heading of the sources. */
  "reference-section-title"?: string;
  /** true forces a contents page, false suppresses it; absent: when the brief is long. */
  toc?: boolean;
  "toc-title"?: string;
  "number-sections"?: boolean;
  notes?: "foot" | "end";
  hyphenate?: boolean;
  crossref?: Partial<XrefPrefixes>;
}
