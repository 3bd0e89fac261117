// The markdown-it configuration shared by every brief. Only the parser lives here;
// turning tokens into the document model is parse.ts's job.
import MarkdownIt from "markdown-it";
type MarkdownIt = InstanceType<typeof MarkdownIt>;
import footnote from "markdown-it-footnote";
import { blockAttributes } from "./pandoc/block-attributes.js";
import { executableChunks } from "./pandoc/chunks.js";
import { fencedDivs } from "./pandoc/divs.js";
import { pandocInlines } from "./pandoc/inline-rules.js";
import { shortcodes } from "./pandoc/shortcodes.js";
import { pastedBulletsPlugin } from "./pasted-bullets.js";
import { mystRoles } from "./myst.js";

/**
 * markdown-it stops nesting at `maxNesting` (default 100) and silently drops what is
 * deeper. Briefs pasted from Word can nest absurdly; we raise the limit so no text is
 * lost, and the parse stage reports anything still cut.
 */
const MAX_NESTING = 400;

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.set({ maxNesting: MAX_NESTING });
  md.use(footnote);
  // Fenced divs: "::: note", "::: slide", "::: {.callout-tip}" … the first class is the variant.
  md.use(fencedDivs);
  // Pandoc and Quarto syntax, parsed (never pre-processed): chunks, attributes, captions,
  // maths, spans, shortcodes.
  md.use(executableChunks);
  md.use(blockAttributes);
  md.use(pandocInlines);
  md.use(shortcodes);
  // MyST roles: {cite}`key`, {numref}`fig-x` (Jupyter Book).
  md.use(mystRoles);
  // "•\tPasted" bullets from word processors (issue 12).
  md.use(pastedBulletsPlugin);
  return md;
}
