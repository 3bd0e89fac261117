// Documents written for Quarto, R Markdown and Pandoc, checked unchanged. Each fixture
// under test/fixtures/quarto/ states what `check` must report, inline:
//   <!-- expect citation/unresolved at "@nobody2020" -->
//   <!-- expect bibliography/duplicate-key at "ferreira2021" in "appendix.bib" -->
// (the position is the first occurrence of the quoted text, in the brief or the named
// file beside it), and the command-line arguments it is checked with:
//   <!-- args: --bibliography test/fixtures/quarto/appendix.bib -->
// Every diagnostic must be expected, and every expectation met, each exactly once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { briefpress } from "./helpers/run.js";

const DIR = join("test", "fixtures", "quarto");
const EXPECT = /<!--\s*expect\s+([\w/-]+)\s+at\s+"((?:[^"\\]|\\.)*)"(?:\s+in\s+"([^"]+)")?\s*-->/g;
const ARGS = new RegExp(String.raw`<!--\s*args:\s*(.*?)\s*-->`);
const blankComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, " "));

function expectations(file: string, text: string): string[] {
  return [...text.matchAll(EXPECT)].map((m) => {
    const other = m[3];
    const where = other ? join(DIR, other) : file;
    const haystack = blankComments(other ? readFileSync(join(ROOT, where), "utf8") : text);
    const needle = (m[2] ?? "").replace(/\\"/g, '"');
    const index = haystack.indexOf(needle);
    if (index < 0) throw new Error(`expectation text not found in ${where}: ${needle}`);
    const before = haystack.slice(0, index).split("\n");
    return `${where}:${before.length}:${(before[before.length - 1]?.length ?? 0) + 1} ${m[1]}`;
  });
}

export function fixtureArgs(text: string): string[] {
  return (ARGS.exec(text)?.[1] ?? "").split(/\s+/).filter(Boolean);
}

describe("Quarto, R Markdown and Pandoc documents", () => {
  const files = readdirSync(join(ROOT, DIR)).filter((f) => /\.(md|qmd|Rmd)$/.test(f)).sort();
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
