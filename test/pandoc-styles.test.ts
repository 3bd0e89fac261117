// A reference list the way users paste one: pandoc's citeproc renders the same source,
// citing every entry of two invented .bib files (one tidy, one messy) in groups, with
// locators, a prefix and narrative citations, in ten CSL styles from Debian's package.
// The text is pasted as plain markdown (citeproc's divs and spans taken off), so every
// citation is typed text. A correct checker reports no citation problem and no uncited
// entry in any style. Needs pandoc and citation-style-language-styles (.ci/run installs them).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { briefpress } from "./helpers/run.js";

const CSL = "/usr/share/citation-style-language/styles";
const STYLES = ["apa", "harvard-cite-them-right", "chicago-author-date", "american-sociological-association", "elsevier-harvard", "modern-language-association", "vancouver", "ieee", "nature", "chicago-note-bibliography"];
const BIBS = [join(ROOT, "test", "fixtures", "real-world", "corpus.bib"), join(ROOT, "test", "fixtures", "styles-pandoc", "messy.bib")];
const LOCATORS = ["p. 12", "pp. 45–47", "chap. 2", "sec. 4"];
const NARRATIVE = ["{n} described a similar pattern.", "As {n} noted, the evidence remains mixed.", "The approach taken by {n} is followed here."];

function keys(): string[] {
  const out: string[] = [];
  for (const bib of BIBS) {
    const json = JSON.parse(execFileSync("pandoc", ["-f", "bibtex", "-t", "csljson", bib], { encoding: "utf8" })) as Array<{ id: string }>;
    out.push(...json.map((e) => e.id));
  }
  return out;
}

/** Groups of two and three, locators, "see", narrative citations: each key cited once. */
function source(all: string[]): string {
  const sentences: string[] = [];
  let i = 0;
  let n = 0;
  while (i < all.length) {
    const k = n % 6;
    if (k === 0 && i + 3 <= all.length) {
      sentences.push(`Earlier work reached a similar conclusion [@${all[i]}; @${all[i + 1]}; @${all[i + 2]}].`);
      i += 3;
    } else if (k === 1 && i + 2 <= all.length) {
      sentences.push(`The same pattern appears elsewhere [@${all[i]}, ${LOCATORS[n % LOCATORS.length]}; @${all[i + 1]}].`);
      i += 2;
    } else if (k === 2) sentences.push(`A fuller account is available [see @${all[i++]}].`);
    else if (k === 3) sentences.push(NARRATIVE[n % NARRATIVE.length]?.replace("{n}", `@${all[i++]}`) ?? "");
    else if (k === 4) sentences.push(`Comparable figures appear in a report [@${all[i++]}, ${LOCATORS[n % LOCATORS.length]}].`);
    else sentences.push(`This point has been made before [@${all[i++]}].`);
    n++;
  }
  const paragraphs: string[] = [];
  for (let p = 0; p < sentences.length; p += 5) paragraphs.push(sentences.slice(p, p + 5).join(" "));
  return `---\ntitle: Style sample\n---\n\n${paragraphs.join("\n\n")}\n\n# References\n`;
}

/** citeproc's output pasted as text: the divs and spans go, their text stays. */
function pasted(style: string, src: string): string {
  const args = ["-f", "markdown", "-t", "gfm", "--wrap=none", "--citeproc", "--csl", join(CSL, `${style}.csl`), ...BIBS.flatMap((b) => ["--bibliography", b])];
  const md = execFileSync("pandoc", args, { input: src, encoding: "utf8" });
  return md
    .split("\n")
    .filter((l) => !/^<\/?div\b[^>]*>$/.test(l.trim()))
    .join("\n")
    .replace(/<\/?span\b[^>]*>/g, "")
    .replace(/^title: Style sample$/m, `title: ${style} sample`);
}

describe("reference lists pasted from pandoc's citeproc, ten styles", () => {
  const dir = mkdtempSync(join(tmpdir(), "briefpress-pandoc-styles-"));
  const src = source(keys());
  for (const style of STYLES) {
    it(`${style}: no citation problem and no uncited entry`, () => {
      const file = join(dir, `${style}.md`);
      writeFileSync(file, pasted(style, src));
      const r = briefpress(["check", file, "--format", "json"]);
      const json = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; line: number; message: string }> };
      const problems = json.diagnostics.filter((d) => d.ruleId.startsWith("citation/") || d.ruleId === "source/uncited").map((d) => `${d.line} ${d.ruleId} ${d.message}`);
      expect(problems).toEqual([]);
      expect(json.diagnostics.filter((d) => (d as { severity?: string }).severity === "error")).toEqual([]);
    });
  }
});
