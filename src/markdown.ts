// The markdown-it configuration shared by every brief. Only the parser lives here;
// turning tokens into the document model is parse.ts's job.
import MarkdownIt from "markdown-it";
type MarkdownIt = InstanceType<typeof MarkdownIt>;
import footnote from "markdown-it-footnote";
import container from "markdown-it-container";
import { pastedBulletsPlugin } from "./pasted-bullets.js";

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
  // One generic container: "::: note", "::: slide", "::: box" … the name is the variant.
  md.use(container, "callout", { validate: (params: string) => /^\s*[\w-]+/.test(params) });
  // "•\tPasted" bullets from word processors (issue 12).
  md.use(pastedBulletsPlugin);
  return md;
}
