// Front-matter keys that belong to other tools. Quarto, Pandoc, R Markdown, bookdown and
// their LaTeX/HTML templates all read the same YAML block; a paper written for them
// carries their keys. None of them is a mistake, so none is ever an error: they are
// listed once, as information, and otherwise ignored. Static-site generators (Jekyll,
// Hugo) that publish markdown reports add their own keys, listed here too.
import { editDistance } from "../text/edit-distance.js";

/** Exact keys (as the Pandoc manual, Quarto reference and R Markdown/bookdown docs list them). */
const FOREIGN = new Set(
  `format output execute knitr jupyter kernel engine editor editor_options crossref categories tags draft image
  description citation header-includes include-before include-after include-in-header include-before-body
  include-after-body documentclass classoption geometry fontsize fontfamily fontfamilyoptions mainfont sansfont
  monofont mathfont mainfontoptions sansfontoptions monofontoptions mathfontoptions CJKmainfont CJKoptions
  fontenc microtypeoptions linestretch indent pagestyle secnumdepth toc-depth number-depth number-offset
  shift-heading-level-by biblio-style biblio-title biblatexoptions natbiboptions natbib biblatex cite-method
  citeproc link-bibliography suppress-bibliography notes-after-punctuation reference-location citation-location
  urlcolor linkcolor filecolor citecolor toccolor colorlinks hyperrefoptions links-as-notes lof lot lof-title
  lot-title toc-own-page block-headings from to reader writer template template-partials filters shortcodes
  metadata-files resource-path output-file output-dir output-ext pdf-engine pdf-engine-opts pdf-engine-opt
  keep-tex keep-md keep-ipynb keep-yaml ipynb-filters wrap columns markdown-headings html-math-method
  highlight-style syntax-definitions code-fold code-tools code-overflow code-line-numbers code-copy code-link
  code-summary theme css self-contained embed-resources standalone anchor-sections smooth-scroll page-layout
  grid toc-location toc-expand toc-depth lightbox search mermaid title-block-banner title-block-style
  title-block-categories date-modified doi license copyright funding appendix-style appendix-cite-as comments
  google-scholar abstract-title keywords-title order version params runtime vignette site book project website
  github-repo cover-image url always_allow_html df-print fig-width fig-height fig-format fig-dpi fig-align
  fig-pos fig-env fig-asp fig-responsive fig-cap-location tbl-cap-location cap-location tbl-colwidths
  echo eval warning message error include freeze cache python jupytext julia ojs-engine aspectratio
  beamerarticle navigation section-titles slide-level incremental colortheme fonttheme innertheme outertheme
  themeoptions logo titlegraphic institute pagetitle title-prefix author-meta date-meta title-meta subject
  identifier-prefix section-divs number-figures figPrefix tblPrefix secPrefix eqnPrefix lstPrefix figureTitle
  tableTitle listingTitle lofTitle lotTitle chapters chaptersDepth codeBlockCaptions autoEqnLabels listings
  linkReferences nameInLink cref autoSectionLabels sectionsDepth subfigGrid fig-prefix tbl-prefix sec-prefix
  eq-prefix lst-prefix babel-lang babel-otherlangs polyglossia-lang polyglossia-otherlangs dir mainlang
  otherlangs margin-left margin-right margin-top margin-bottom papersize-options mathspec mathjax katex
  webtex revealjs-plugins reveal_options incremental_slides documentclassoptions header footer
  footer-includes biblio-files csquotes strip-comments epub-cover-image epub-metadata epub-fonts
  epub-chapter-level ipynb-output reference-doc reference-links reference-location number-sections-depth
  bookdown site_dir rmd_files delete_merged_file new_session before_chapter_script language
  editor-options execute-dir lang-options tbl-cap fig-cap label layout layout-ncol layout-nrow
  other-links code-links notebook-links format-links repo-url repo-actions repo-subdir resources knit
  page-navigation sidebar navbar twitter-card open-graph google-analytics cookie-consent link-external-icon
  link-external-newwindow citation-abbreviations notebook-view manuscript author-notes titlepage
  titlepage-theme fig-caption number_sections citation_package keep_tex latex_engine pandoc_args
  permalink published excerpt excerpt_separator redirect_from redirect_to sitemap slug weight menu
  lastmod expirydate publishdate nav_order parent grand_parent has_children nav_exclude last_modified_at`.split(/\s+/).filter(Boolean),
);

/** Key families: every "fig-…", "html-…", "pdf-…" option belongs to Quarto's renderers. */
const FOREIGN_PREFIX = /^(?:fig|tbl|code|html|pdf|latex|docx|epub|revealjs|reveal|beamer|pptx|odt|typst|jats|ipynb|knitr|jupyter|execute|title-block|margin|toc|lst|eq|sec|crossref|bookdown|rmarkdown|output|editor|quarto|pandoc|mermaid|ojs)[-_.]/;

export function isForeignKey(key: string): boolean {
  return FOREIGN.has(key) || FOREIGN_PREFIX.test(key) || key.includes("::");
}

/**
 * The key of ours a writer probably meant: the same key in another case or with "-"
 * for "_", or one within a small edit distance ("titel" → "title").
 */
export function nearestKey(key: string, ours: readonly string[]): string | undefined {
  const folded = (k: string) => k.toLowerCase().replace(/[-_]/g, "");
  const same = ours.find((o) => folded(o) === folded(key));
  if (same) return same;
  const limit = (k: string) => (k.length <= 4 ? 1 : 2);
  const scored = ours
    .map((o) => ({ o, d: editDistance(key.toLowerCase(), o.toLowerCase()) }))
    .filter((x) => x.d <= limit(x.o))
    .sort((a, b) => a.d - b.d);
  return scored[0]?.o;
}
