// Quarto shortcodes on a line of their own: "{{< pagebreak >}}", "{{< include _a.qmd >}}",
// and LaTeX's "\newpage" as Pandoc papers write it.
// Others ("{{< video … >}}") are kept as tokens too, so the checker can say they are skipped.
import type MarkdownIt from "markdown-it";

type Md = InstanceType<typeof MarkdownIt>;

const SHORTCODE = /^\{\{<\s*([\w-]+)\s*(.*?)\s*>\}\}\s*$/;
const LATEX_BREAK = /^\\(?:newpage|pagebreak|clearpage)\s*$/;

export function shortcodes(md: Md): void {
  md.block.ruler.before("paragraph", "shortcode", (state, startLine, _endLine, silent) => {
    const text = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
    // "\newpage" / "\pagebreak" / "\clearpage" alone on a line: raw LaTeX that Pandoc papers
    // for PDF use for the same page break.
    const m = SHORTCODE.exec(text) ?? (LATEX_BREAK.test(text) ? ["", "pagebreak", ""] : null);
    if (!m) return false;
    if (silent) return true;
    const token = state.push("shortcode", "", 0);
    token.block = true;
    token.map = [startLine, startLine + 1];
    token.meta = { name: m[1] ?? "", args: m[2] ?? "" };
    state.line = startLine + 1;
    return true;
  }, { alt: ["paragraph"] });
}
