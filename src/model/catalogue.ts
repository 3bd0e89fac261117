// Every diagnostic briefpress can report, declared once: its id, its severity, and what
// it means. Stages and rules name an id from here (the type refuses any other), so the
// list of what `check` can say is this file. A severity other than the declared one is
// allowed only where listed in `also`: certainty decides severity (PRODUCT.md), so a few
// ids are an error when certain and a warning when they rest on a guess.
export type Severity = "error" | "warning" | "info";

export interface RuleInfo {
  severity: Severity;
  also?: readonly Severity[];
  summary: string;
}

export const CATALOGUE = {
  "brief/empty": { severity: "error", summary: "the brief file holds nothing" },
  "brief/unreadable": { severity: "error", summary: "a brief in a batch that cannot be read (not UTF-8, a folder)" },
  "build/internal": { severity: "error", summary: "a renderer failed: a bug in briefpress, reported instead of a stack trace" },
  "frontmatter/yaml": { severity: "error", also: ["warning"], summary: "the front matter is not valid YAML" },
  "frontmatter/schema": { severity: "error", summary: "a front-matter value of the wrong kind, or a likely typo of a key" },
  "frontmatter/unclosed": { severity: "warning", summary: "front matter with no closing ---, printed as text" },
  "frontmatter/date": { severity: "warning", summary: "a date that cannot be read, printed as written" },
  "frontmatter/unknown": { severity: "warning", summary: "a front-matter key no tool briefpress knows reads" },
  "frontmatter/ignored": { severity: "info", summary: "keys for other tools (Quarto, LaTeX…), read by none of ours" },
  "config/yaml": { severity: "error", also: ["warning"], summary: "briefpress.yaml is not valid YAML" },
  "config/schema": { severity: "error", summary: "a briefpress.yaml value of the wrong kind, or an unknown key" },
  "config/contrast": { severity: "error", summary: "the palette fails WCAG AA contrast" },
  "include/load": { severity: "error", summary: "an included file cannot be read" },
  "bibliography/load": { severity: "error", summary: "a bibliography file cannot be read" },
  "bibliography/duplicate-key": { severity: "warning", also: ["info"], summary: "a key defined twice in a bibliography file" },
  "bibliography/duplicate": { severity: "info", summary: "one work under two keys, printed once" },
  "bibliography/tidied": { severity: "info", summary: "bibliography entries read generously (two URLs in one field, a doubled doi.org)" },
  "citation/unresolved": { severity: "error", also: ["warning"], summary: "a citation that matches no source" },
  "citation/ambiguous": { severity: "error", also: ["warning"], summary: "a citation that matches several sources" },
  "citation/no-sources": { severity: "warning", summary: "no sources list found: one word naming the headings seen" },
  "citation/suffix": { severity: "warning", summary: "a 2024a-style suffix with no sibling entry" },
  "citation/style": { severity: "error", also: ["warning"], summary: "the sources cannot be formatted in the named style" },
  "source/uncited": { severity: "warning", summary: "a source never cited" },
  "source/duplicate": { severity: "warning", summary: "the same source listed twice" },
  "source/doi": { severity: "error", summary: "a malformed DOI" },
  "source/url": { severity: "error", summary: "a malformed URL" },
  "source/date": { severity: "warning", summary: "a source entry with no date" },
  "source/unreadable": { severity: "warning", summary: "a source entry whose authors cannot be read" },
  "footnote/undefined": { severity: "error", summary: "a footnote marker with no note" },
  "footnote/unused": { severity: "warning", also: ["info"], summary: "a note no marker refers to (an info when it is referred to from the front matter, which briefpress leaves out)" },
  "xref/unresolved": { severity: "error", summary: "a cross-reference to a label defined nowhere" },
  "xref/duplicate": { severity: "warning", also: ["error"], summary: "a label defined twice" },
  "link/anchor": { severity: "warning", summary: "a #link that lands on no heading, label or anchor" },
  "link/anchor-duplicate": { severity: "warning", summary: "an HTML anchor id given twice" },
  "image/load": { severity: "error", summary: "an image that is missing, remote, outside the project, damaged or too large" },
  "image/alt": { severity: "warning", summary: "an image with no alternative text: the PDF then does not claim PDF/UA" },
  "image/credit": { severity: "info", summary: "an image with no credit line (an info: many pictures are the author's own)" },
  "font/missing-glyph": { severity: "error", summary: "a character no bundled font can draw" },
  "text/invisible": { severity: "warning", summary: "an invisible character inside a URL, DOI or citation" },
  "text/control": { severity: "warning", summary: "control characters left out of the outputs" },
  "text/windows-1252": { severity: "info", summary: "a C1 control character printed as the Windows-1252 character it stands for" },
  "html/dropped": { severity: "warning", summary: "raw HTML that is not printed" },
  "span/lang": { severity: "warning", summary: "a span's language tag that is not a valid BCP 47 tag" },
  "heading/bold": { severity: "info", summary: "a bold line read as a heading in pasted text" },
  "chunk/not-run": { severity: "info", summary: "code chunks are never run" },
  "chunk/figure": { severity: "info", summary: "a figure or table only code would draw" },
  "math/source": { severity: "info", summary: "maths printed as its TeX source" },
  "shortcode/skipped": { severity: "warning", summary: "a Quarto shortcode briefpress does not support" },
  "slides/overflow": { severity: "error", also: ["warning"], summary: "a slide whose content runs off it" },
  "slides/unfit": { severity: "warning", summary: "a slide of the derived deck that briefpress could not fit: our bug, never the brief's" },
  "slides/no-browser": { severity: "warning", summary: "an output that needs Chromium, not made without it" },
  // Issue 24: check --links (never during build).
  "link/broken": { severity: "error", also: ["warning"], summary: "an address that is gone (404, 410, a redirect loop: an error) or refused (other 4xx, 5xx, DNS: a warning)" },
  "link/moved": { severity: "warning", summary: "an address that redirects permanently (301, 308): the hint gives the new one" },
  "link/timeout": { severity: "warning", summary: "an address that did not answer within the per-request time limit" },
  "link/unchecked": { severity: "info", summary: "addresses not checked because the run's time budget was spent" },
  // Issue 20: a citation written as a link to one entry's anchor whose text names another.
  "citation/link-target": { severity: "warning", summary: "a linked citation whose text names one entry and whose link goes to another" },
  // Issue 21: a deck face that slides.pptx cannot embed (licence bits, not TrueType).
  "slides/font-fallback": { severity: "info", summary: "a face slides.pptx may not embed, replaced there by a face PowerPoint ships" },
  // Issue 22: hostile input.
  "text/bidi-override": { severity: "warning", summary: "a bidi embedding or override (U+202A–U+202E) in a title-like field, left out of every output" },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof CATALOGUE;

export function isAllowedSeverity(id: RuleId, severity: Severity): boolean {
  const info: RuleInfo = CATALOGUE[id];
  return info.severity === severity || (info.also ?? []).includes(severity);
}
