// Property test: random documents built from Quarto / Pandoc syntax — divs, chunks,
// maths, attributes, captions, shortcodes, cross-references, citations, lookalikes —
// never make the loader or the checker throw, and every cross-reference or key citation
// it reports points at an "@" of the source, on a line that is not inside a code chunk.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { runRules } from "../src/check/rules.js";

const PIECES = [
  "Returns were documented by monitors.",
  "::: {.callout-note}", "::: {.callout-tip title=\"A tip\"}", "::: {#fig-a}", "::: notes", ":::", "::::",
  "```{r}", "```{python}", "#| label: fig-b", "#| fig-cap: \"Made by code\"", "```", "~~~",
  "The rate $r_t$ rose.", "$$", "x = 1", "$$ {#eq-c}", "It cost $20 and $30.",
  "![A map](m.png){#fig-d}", "![](m.png)", "# Heading {#sec-e}", "## Annex {.unnumbered}",
  "| a | b |", "|---|---|", "| 1 | 2 |", ": Caption {#tbl-f}", "Table: Another caption",
  "{{< pagebreak >}}", "{{< video x.mp4 >}}", "[marked]{.mark} text", "[span]{.smallcaps",
  "See @fig-a, @tbl-f, [-@sec-e] and @eq-c.", "See @fig:z and [@fig:y; @tbl:x].", "Figure \\@ref(fig:w).",
  "A claim [@key2020; see @other2021, p. 3].", "As @key2020 [p. 4] says.", "Mail desk@example.org.",
  "> quoted @fig-a", "- item [@key2020]", "1. numbered @sec-e", "Note.[^1]", "[^1]: A note with @fig-d.", "",
];

describe("loader on random Quarto-flavoured documents", () => {
  it("never throws; reported references point at an @ outside code", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), (lines) => {
        const text = ["---", "title: Random", "bibliography: refs.bib", "---", "", ...lines, ""].join("\n");
        const loaded = loadBrief("random.qmd", text);
        const all = [...loaded.diagnostics, ...runRules({ brief: loaded.brief, resolution: loaded.resolution })];
        const source = text.split("\n");
        for (const d of all) {
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
          expect(d.span.start.line).toBeLessThanOrEqual(source.length);
          if (d.ruleId !== "xref/unresolved") continue;
          const line = source[d.span.start.line - 1] ?? "";
          expect(line.slice(d.span.start.column - 1)).toMatch(/^-?@|^@ref\(/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
