// Citation syntax as Pandoc defines it, and the lookalikes that are not citations.
import { describe, expect, it } from "vitest";
import { findKeyCitations } from "../src/citations/keys.js";
import { loadBrief } from "../src/load/brief.js";
import { findXrefs } from "../src/parse/pandoc/xref-find.js";
import { plainText } from "../src/model/plain-text.js";

const items = (text: string) => findKeyCitations(text).map((c) => ({ style: c.style, raw: c.raw, items: c.items.map((i) => [i.key, i.prefix, i.locator, i.suppressAuthor ?? false, text.slice(i.start, i.end)]) }));

describe("Pandoc citations", () => {
  it("groups with semicolons, commas and spaces around them", () => {
    for (const text of ["[@ames2020; @bell2021]", "[@ames2020, @bell2021]", "[@ames2020 ; @bell2021]"]) {
      expect(items(text)[0]?.items.map((i) => i[0])).toEqual(["ames2020", "bell2021"]);
    }
  });

  it("prefixes, locators and suffixes, and the suppressed author", () => {
    expect(items("[see @ames2020, pp. 3–5 and passim; also @bell2021 ch. 2]")[0]?.items).toEqual([
      ["ames2020", "see", "pp. 3–5 and passim", false, "@ames2020, pp. 3–5 and passim"],
      ["bell2021", "also", "ch. 2", false, "@bell2021 ch. 2"],
    ]);
    expect(items("Ames says so [-@ames2020, p. 4].")[0]?.items).toEqual([["ames2020", "", "p. 4", true, "-@ames2020, p. 4"]]);
    expect(items("As @ames2020 [p. 33] argues")).toEqual([{ style: "narrative", raw: "@ames2020 [p. 33]", items: [["ames2020", "", "p. 33", false, "@ames2020 [p. 33]"]] }]);
  });

  it("keys with non-ASCII letters and Pandoc's punctuation inside, trailing punctuation dropped", () => {
    expect(items("[@ólafsdóttir2019]")[0]?.items[0]?.[0]).toBe("ólafsdóttir2019");
    expect(items("[@doe:2020/a.b#c]")[0]?.items[0]?.[0]).toBe("doe:2020/a.b#c");
    expect(items("as shown by @ames2020.")[0]?.items[0]?.[0]).toBe("ames2020");
  });

  it("e-mail addresses and @ in URLs are never citations", () => {
    expect(items("Write to desk@example.org or [the desk, desk@example.org].")).toEqual([]);
    expect(items("See example.org/@observatory/waits and https://x.org/@me.")).toEqual([]);
  });

  it("cross-references are never citations", () => {
    expect(items("See @fig-map, [@tbl-cases] and @fig:route.")).toEqual([]);
    expect(findXrefs("See @fig-map, [-@tbl-cases; @sec-intro] and Figure @ref(fig:route).").flatMap((x) => x.refs.map((r) => [r.label, r.bare]))).toEqual([
      ["fig-map", false],
      ["tbl-cases", true],
      ["sec-intro", false],
      ["fig:route", true],
    ]);
  });
});

describe("cross-references in the model", () => {
  const printed = (body: string) => {
    const { brief } = loadBrief("x.qmd", body);
    return brief.xrefs.uses.map((u) => plainText(u.inline.children));
  };
  it("numbers figures, tables, sections and equations in order, with Quarto's words", () => {
    const body = "---\ntitle: T\n---\n\n# One {#sec-one}\n\n![A](a.png){#fig-a}\n\n## Two {#sec-two}\n\n| x |\n|---|\n| 1 |\n\n: T {#tbl-t}\n\n$$ x $$ {#eq-x}\n\nSee @sec-two, @fig-a, @tbl-t, @eq-x, -@fig-a and [@sec-one; @tbl-t].\n";
    expect(printed(body)).toEqual(["Section\u00a01.1", "Figure\u00a01", "Table\u00a01", "Equation\u00a01", "1", "Section\u00a01", "Table\u00a01"]);
  });
  it("numbers sub-figures of a figure div 1a, 1b", () => {
    const body = "---\ntitle: T\n---\n\n::: {#fig-pair layout-ncol=2}\n![North](n.png){#fig-north}\n\n![South](s.png){#fig-south}\n\nBoth crossings\n:::\n\n![Later](l.png){#fig-later}\n\nSee @fig-pair, @fig-south and @fig-later.\n";
    expect(printed(body)).toEqual(["Figure\u00a01", "Figure\u00a01b", "Figure\u00a02"]);
  });
  it("honours crossref prefixes, and prints a section's title when sections are not numbered", () => {
    expect(printed("---\ncrossref:\n  fig-prefix: Fig.\n---\n\n![A](a.png){#fig-a}\n\nSee @fig-a.\n")).toEqual(["Fig.\u00a01"]);
    expect(printed("---\ntitle: T\nnumber-sections: false\n---\n\n# Method {#sec-method}\n\nSee @sec-method.\n")).toEqual(["“Method”"]);
    expect(printed("---\ntitle: T\n---\n\n# Annex {#sec-annex .unnumbered}\n\nSee @sec-annex and @fig-none.\n")).toEqual(["“Annex”", "?@fig-none"]);
  });
});

describe("Pandoc attributes, and text that only looks like them", () => {
  it("reads {#id .class key=val} after headings and images, never a bare {word}", () => {
    const { brief } = loadBrief("x.md", "---\ntitle: T\n---\n\n## Method {#sec-method .unnumbered}\n\n## Returns {2024}\n\nCosts rose [sharply]{2024} and [sharply]{.mark}.\n");
    const [method, returns, para] = brief.blocks;
    expect(method?.kind === "heading" && [plainText(method.inlines), method.id, method.numbered]).toEqual(["Method", "sec-method", false]);
    expect(returns?.kind === "heading" && plainText(returns.inlines)).toBe("Returns {2024}");
    expect(para?.kind === "paragraph" && plainText(para.inlines)).toBe("Costs rose [sharply]{2024} and sharply.");
  });
});

describe("Quarto's conditional content", () => {
  it("keeps content meant for other formats out of the PDF's model", () => {
    const { brief } = loadBrief("x.qmd", "---\ntitle: T\n---\n\n::: {.content-visible when-format=\"html\"}\nWeb only.\n:::\n\n::: {.content-hidden when-format=\"pdf\"}\nNot in print.\n:::\n\n::: {.content-visible when-format=\"pdf\"}\nPrint only.\n:::\n");
    expect(brief.blocks.map((b) => (b.kind === "callout" ? b.variant : b.kind))).toEqual(["hidden", "hidden", "div"]);
  });
});

describe("page breaks", () => {
  it("{{< pagebreak >}} and LaTeX's \\newpage alone on a line break the page", () => {
    const { brief } = loadBrief("x.md", "---\ntitle: T\n---\n\nOne.\n\n{{< pagebreak >}}\n\nTwo.\n\\newpage\n\nThree \\newpage stays text.\n");
    expect(brief.blocks.map((b) => (b.kind === "paragraph" ? plainText(b.inlines) : b.kind))).toEqual(["One.", "pagebreak", "Two.", "pagebreak", "Three \\newpage stays text."]);
  });
});
