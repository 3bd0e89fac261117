// Documents written for Quarto, R Markdown and Pandoc, checked unchanged. Each fixture
// under test/fixtures/quarto/ states what `check` must report, inline:
//   <!-- expect citation/unresolved at "@nobody2020" -->
//   <!-- expect bibliography/duplicate-key at "nkemelu2020"#2 in "appendix.bib" -->
// (the position is the first occurrence of the quoted text — or the Nth, with #N — in
// the brief or the named file beside it), and the command-line arguments it is checked with:
//   <!-- args: --bibliography test/fixtures/quarto/appendix.bib -->
// Every diagnostic must be expected, and every expectation met, each exactly once.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { ROOT } from "./helpers/paths.js";
import { qpdfCheck, readPdf, words } from "./helpers/pdf.js";
import { checkPdfUa } from "./helpers/pdfua.js";
import { briefpress } from "./helpers/run.js";
import { blockWords, missingInOrder } from "./helpers/words.js";

const CHROME = "/usr/bin/chromium";

const DIR = join("test", "fixtures", "quarto");
const EXPECT = /<!--\s*expect\s+([\w/-]+)\s+at\s+"((?:[^"\\]|\\.)*)"(?:#(\d+))?(?:\s+in\s+"([^"]+)")?\s*-->/g;
const ARGS = new RegExp(String.raw`<!--\s*args:\s*(.*?)\s*-->`);
const blankComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, " "));

function expectations(file: string, text: string): string[] {
  return [...text.matchAll(EXPECT)].map((m) => {
    const other = m[4];
    const where = other ? join(DIR, other) : file;
    const haystack = blankComments(other ? readFileSync(join(ROOT, where), "utf8") : text);
    const needle = (m[2] ?? "").replace(/\\"/g, '"');
    let index = haystack.indexOf(needle);
    // "#2": the second occurrence (a key defined twice in a .bib).
    for (let n = Number(m[3] ?? 1); n > 1 && index >= 0; n--) index = haystack.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`expectation text not found in ${where}: ${needle}`);
    const before = haystack.slice(0, index).split("\n");
    return `${where}:${before.length}:${(before[before.length - 1]?.length ?? 0) + 1} ${m[1]}`;
  });
}

export function fixtureArgs(text: string): string[] {
  return (ARGS.exec(text)?.[1] ?? "").split(/\s+/).filter(Boolean);
}

describe("Quarto, R Markdown and Pandoc documents", () => {
  const files = readdirSync(join(ROOT, DIR)).filter((f) => /\.(md|qmd|Rmd)$/.test(f) && !f.startsWith("_")).sort();
  it("exist", () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const name of files) {
    it(`${name} reports exactly what it says it should`, () => {
      const file = join(DIR, name);
      const text = readFileSync(join(ROOT, file), "utf8");
      const r = briefpress(["check", file, "--format", "json", ...fixtureArgs(text)], { env: { SOURCE_DATE_EPOCH: "1717200000" } });
      expect(r.stderr).toBe("");
      const json = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; ruleId: string; line: number; column: number }> };
      const got = json.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`).sort();
      expect(got).toEqual(expectations(file, text).sort());
    });
  }
});

describe("a Quarto paper with code chunks and cross-references", () => {
  const file = join(DIR, "build", "returns-paper.qmd");
  const out = mkdtempSync(join(tmpdir(), "briefpress-quarto-"));
  const run = () => briefpress(["build", file, "--out", out, "--formats", existsSync(CHROME) ? "pdf,deck,deck-pdf" : "pdf,deck"]);

  it("builds to a PDF holding all its prose, its references numbered and linked, and a deck", async () => {
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("chunk/figure");
    const dir = join(out, "returns-paper");
    const pdf = await readPdf(join(dir, "brief.pdf"));
    const text = pdf.pages.map((p) => p.text).join(" ").replace(/\s+/g, " ");
    // Every word of the model's prose, in order (chunks and speaker notes are not prose).
    const { brief } = loadBrief(file, readFileSync(join(ROOT, file), "utf8"));
    expect(missingInOrder(words(text), blockWords(brief.blocks))).toBeNull();
    expect(text).toContain("shown in Figure 1");
    expect(text).toContain("the returns per province in Table 1");
    expect(text).toContain("is in Table 2");
    expect(text).toContain("As Section 2 shows");
    // A section referred to by number is numbered in the text, so the reader can find it.
    expect(text).toMatch(/2\s+The numbers/u);
    expect(text).toContain("Figure 1. The sea route from the eastern ports");
    expect(text).toContain("Table 2. Returns with a written decision");
    expect(text).toContain("Figure 2. Returns per month, both provinces [drawn by code that briefpress does not run]");
    expect(text).toContain("Monthly counts are in Table 3.");
    // Sub-figures: "(a)", "(b)" under each image, the div's caption numbered, referred to as 3 and 3b.
    expect(text).toContain("are in Figure 3, the eastern one in Figure 3b.");
    expect(text).toContain("(a) Western port");
    expect(text).toContain("(b) Eastern port");
    expect(text).toContain("Figure 3. The two landing ports");
    // An inline expression is not run: it prints as its code, as Pandoc prints it unknitted.
    expect(text).toContain(`In all, {python} int(returns["count"].sum()) people were returned.`);
    expect(text).toContain("Table 3. Returns per month, by province [made by code that briefpress does not run]");
    expect(text).not.toMatch(/@fig-|@tbl-|@sec-|read_csv|#\||Open on the Brisa|\{\{|\{\.mark\}/);
    expect(text).toContain("learned of a return only from the other side.");
    // The included part prints in place; the page break starts the last section on a new page.
    expect(text).toContain("Counts come from the provinces' own monthly returns registers");
    const last = pdf.pages.find((p) => p.text.includes("What should change"));
    expect(last?.text).not.toContain("Returns per month");
    // Each reference is a link to its target's destination, which exists.
    const dests = pdf.pages.flatMap((p) => p.links.map((l) => l.dest)).filter((d): d is string => Boolean(d));
    for (const label of ["fig-route", "tbl-province", "tbl-decisions", "sec-numbers", "fig-trend", "tbl-monthly"]) {
      expect(dests).toContain(label);
      expect(pdf.destinations).toContain(label);
    }
    expect(pdf.info.Keywords).toBe("deportation, non-refoulement, judicial review");
    expect(execFileSync("pdfinfo", ["-meta", join(dir, "brief.pdf")], { encoding: "utf8" })).toContain("<pdf:Keywords>deportation, non-refoulement, judicial review</pdf:Keywords>");
    expect(text).toContain("February 10, 2024"); // date-format: long
    expect(text).toContain("Lucía Ferrer, Coastal Rights Observatory; Ahmed Karimi");
    // toc: true on a paper whose sections are "#" headings: they are the contents.
    const contents = pdf.pages.find((p) => p.text.includes("In this paper"))?.text ?? "";
    expect(contents.slice(contents.indexOf("In this paper"))).toMatch(/^In this paper[\s\d]*Background[\s\d]*The numbers[\s\d]*What should change/);
    const report = await checkPdfUa(join(dir, "brief.pdf"));
    expect(report.findings).toEqual([]);
    // fig-alt is the figure's alternative text, not printed; the bracket text is its caption.
    expect(report.structure.figuresWithAlt).toBe(3);
    expect(text).not.toContain("A dark line curving");
    expect(report.structure.roles.Caption ?? 0).toBeGreaterThanOrEqual(4);
    expect(qpdfCheck(join(dir, "brief.pdf")).ok).toBe(true);
    const slides = readFileSync(join(dir, "slides.md"), "utf8");
    expect(slides).toContain("Returns Without Review");
    expect(slides).toMatch(/shown in Figure\s1/u);
    expect(slides).not.toContain("read_csv");
    // The deck shows the numbered figure and tables on slides of their own; the notes div is speaker notes.
    expect(slides).toContain("Figure 1: The sea route from the eastern ports");
    expect(slides).toContain("Table 2: Returns with a written decision");
    expect(slides).toContain("Open on the Brisa figures");
    expect(slides).not.toMatch(/^- Open on the Brisa/m);
    if (existsSync(CHROME)) expect(existsSync(join(dir, "slides.pdf"))).toBe(true);
  });
});
