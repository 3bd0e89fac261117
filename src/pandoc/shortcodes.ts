// Quarto shortcodes on a line of their own: "{{< pagebreak >}}", "{{< include _a.qmd >}}".
// Others ("{{< video … >}}") are kept as tokens too, so the checker can say they are skipped.
import type MarkdownIt from "markdown-it";

type Md = InstanceType<typeof MarkdownIt>;

const SHORTCODE = /^\{\{<\s*([\w-]+)\s*(.*?)\s*>\}\}\s*$/;

export function shortcodes(md: Md): void {
  md.block.ruler.before("paragraph", "shortcode", (state, startLine, _endLine, silent) => {
    const text = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
    const m = SHORTCODE.exec(text);
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
