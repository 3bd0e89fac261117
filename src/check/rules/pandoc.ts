// Rules for documents written for Quarto, R Markdown and Pandoc: cross-references that
// point nowhere or at two places, and one note each for what briefpress reads but does
// not render (code chunks, maths, shortcodes), so nothing is dropped silently.
import { diagnostic, pointSpan } from "../../model/diagnostics.js";
import type { Block } from "../../model/brief.js";
import { editDistance } from "../../text/edit-distance.js";
import type { Rule } from "../rule.js";
import { eachBlock } from "../../model/walk.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const pandocRules: Rule[] = [
  {
    id: "xref/unresolved",
    description: "a cross-reference (@fig-x, @tbl-x, @sec-x, \\@ref(fig:x)) to a label defined nowhere",
    run({ brief }, severity) {
      const labels = brief.xrefs.targets.map((t) => t.label);
      return brief.xrefs.uses
        .filter((u) => !u.target)
        .map((u) => {
          const near = labels.filter((l) => editDistance(l, u.label) <= 2).sort((a, b) => editDistance(a, u.label) - editDistance(b, u.label))[0];
          return diagnostic(brief.file, u.span, severity, "xref/unresolved", `cross-reference "${u.label}" points at no figure, table, section or equation` + (near ? ` — did you mean "${near}"?` : ""), near ? [] : [`label the target: ![caption](image.png){#${u.label}}, "## Heading {#${u.label}}", or ": Caption {#${u.label}}" under a table`]);
        });
    },
  },
  {
    id: "xref/duplicate",
    description: "a cross-reference label defined twice",
    run({ brief }, severity) {
      return brief.xrefs.duplicates.map((d) =>
        diagnostic(brief.file, pointSpan(d.at.line, d.at.column), severity, "xref/duplicate", `label "${d.label}" is already defined on line ${d.first.line}; references go to the first`),
      );
    },
  },
  {
    id: "chunk/not-run",
    description: "executable code chunks (```{r}, `r x`) are neither run nor printed",
    run({ brief }, severity) {
      const { chunks, inlineCode } = brief.skipped;
      const first = [...chunks, ...inlineCode].sort((a, b) => a.line - b.line || a.column - b.column)[0];
      if (!first) return [];
      const parts = [chunks.length ? plural(chunks.length, "code chunk") : "", inlineCode.length ? plural(inlineCode.length, "inline expression") : ""].filter(Boolean);
      return [diagnostic(brief.file, pointSpan(first.line, first.column), severity, "chunk/not-run", `${parts.join(" and ")} not run: briefpress never runs code, and leaves chunks out of the PDF${inlineCode.length ? " (an inline expression prints as its code)" : ""}`, ["render with Quarto or knitr first if the results belong in the brief"])];
    },
  },
  {
    id: "chunk/figure",
    description: "figures and tables that only code chunks would make (one warning names them all)",
    run({ brief }, severity) {
      // One cause (code is never run), one warning: at the first, naming every one.
      const outputs = chunkOutputs(brief.blocks);
      const first = outputs[0];
      if (!first) return [];
      const names = outputs.map((f) => (f.kind === "figure" ? f.label ?? "figure" : /^tbl[-:]/.test(f.label ?? "") ? f.label ?? "" : `tab:${f.label ?? ""}`));
      const figures = outputs.filter((f) => f.kind === "figure").length;
      const tables = outputs.length - figures;
      const what = [figures ? plural(figures, "figure") : "", tables ? plural(tables, "table") : ""].filter(Boolean).join(" and ");
      const shown = names.slice(0, 6).map((n) => `"${n}"`).join(", ") + (names.length > 6 ? `, and ${names.length - 6} more` : "");
      return [
        diagnostic(brief.file, pointSpan(first.at.line, 1), severity, "chunk/figure", `${what} drawn by code (${shown}): the PDF prints ${outputs.length === 1 ? "its caption" : "their captions"}, not the ${outputs.length === 1 ? (figures ? "figure" : "table") : "plots and tables"}`, [
          "render with Quarto or knitr first, or save each plot as an image and use ![caption](file.png){#fig-x}",
        ]),
      ];
    },
  },
  {
    id: "math/source",
    description: "TeX maths printed as its source",
    run({ brief }, severity) {
      const first = brief.skipped.maths[0];
      if (!first) return [];
      return [diagnostic(brief.file, pointSpan(first.line, first.column), severity, "math/source", `${plural(brief.skipped.maths.length, "maths expression")} printed as TeX source, in italics (briefpress does not typeset maths)`)];
    },
  },
  {
    id: "shortcode/skipped",
    description: "a Quarto shortcode briefpress does not know",
    run({ brief }, severity) {
      return brief.skipped.shortcodes.map((s) => diagnostic(brief.file, pointSpan(s.at.line, 1), severity, "shortcode/skipped", `shortcode "{{< ${s.name} >}}" is not supported and is left out`, ["briefpress knows {{< pagebreak >}} and {{< include file.qmd >}}"]));
    },
  },
];

/** Figures and tables that only code would draw, in document order. */
function chunkOutputs(blocks: readonly Block[]): Array<Extract<Block, { kind: "figure" | "chunk" }>> {
  const out: Array<Extract<Block, { kind: "figure" | "chunk" }>> = [];
  eachBlock(blocks, (b) => {
    if (b.kind === "figure") {
      if (b.blocks.every((x) => x.kind === "chunk")) out.push(b);
      return false;
    }
    if (b.kind === "chunk" && b.tableNumber !== undefined) out.push(b);
  });
  return out;
}
