// Pandoc-style keys against BibTeX and CSL-JSON files (read by citation-js), and CSL
// styles applied to the printed sources.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf, sampleSource, scratchProject } from "./helpers/project.js";
import { ROOT } from "./helpers/paths.js";
import { readPdf, words } from "./helpers/pdf.js";
import { briefpress } from "./helpers/run.js";

function project(brief: string): string {
  const dir = scratchProject({ "report/keys.md": brief });
  for (const f of ["refs.bib", "refs.json"]) copyFileSync(join(ROOT, "test/fixtures/bibliography", f), join(dir, "report", f));
  return dir;
}

const keys = (bib: string, extra = "") => `---
title: "Keys"
bibliography: ${bib}
---

## Body

China returned about 60 people [@yoon2024]. The commission documented abuse [see @hrc2014, p. 12; @yoon2024]. As @yoon2024 reports, returns continue, and (Yoon 2024) still works. See @tbl:returns for the count.${extra}

| Year | Returns |
| --- | --- |
| 2024 | 60 |

: Returns by year {#tbl:returns}
`;

describe("BibTeX bibliography", () => {
  it("resolves keys and prints cited entries, formatted, with key citations as author-date", async () => {
    const dir = project(keys("refs.bib"));
    const r = briefpress(["build", "report/keys.md", "--formats", "pdf", "--skip-overflow-check"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "keys", "brief.pdf"));
    const text = pdf.pages.map((p) => p.text).join(" ").replace(/\s+/g, " ");
    expect(text).toContain("(Yoon 2024)");
    expect(text).toContain("(see Human Rights Council 2014, p. 12; Yoon 2024)");
    expect(text).toContain("As Yoon (2024) reports");
    // A pandoc-crossref reference is no citation: it prints as the table's number.
    expect(text).toContain("See Table 1 for the count");
    expect(text).toContain("Yoon, L. (2024)");
    expect(text).not.toContain("Never cited");
    const links = pdf.pages.flatMap((p) => p.links.map((l) => l.dest)).filter(Boolean);
    expect(links.filter((d) => d?.startsWith("source-")).length).toBeGreaterThanOrEqual(5);
  });

  it("reports an unknown key at its position with the nearest key", () => {
    const brief = keys("refs.bib", " Missing [@yon2024].");
    const dir = project(brief);
    const r = briefpress(["check", "report/keys.md"], { cwd: dir });
    const at = positionOf(brief, "@yon2024");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`report/keys.md:${at.line}:${at.column} error citation/unresolved "@yon2024" is not in "refs.bib" — did you mean "@yoon2024"?`);
  });

  it("reports a bibliography file that does not parse at its front-matter line", () => {
    const dir = scratchProject({ "report/keys.md": keys("missing.bib") });
    const r = briefpress(["check", "report/keys.md"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/report\/keys\.md:3:1 error bibliography\/load cannot read bibliography "missing\.bib"/);
  });
});

describe("CSL-JSON bibliography", () => {
  it("resolves keys, including three-author et al. forms", async () => {
    const brief = `---
title: "CSL"
bibliography: refs.json
---

## Body

A claim [@smith2022, 4] and Smith et al. (2022) agree with (Yoon 2024).
`;
    const dir = project(brief);
    const r = briefpress(["build", "report/keys.md", "--formats", "pdf", "--skip-overflow-check"], { cwd: dir });
    expect(r.stderr).toBe("");
    const pdf = await readPdf(join(dir, "dist", "keys", "brief.pdf"));
    const text = pdf.pages.map((p) => p.text).join(" ").replace(/\s+/g, " ");
    expect(text).toContain("(Smith et al. 2022, 4)");
    expect(text).toContain("https://doi.org/10.1093/jrs/feab001");
  });
});

const CHICAGO = "/usr/share/citation-style-language/styles/chicago-author-date.csl";

describe("citation-style on a free-form sources list", () => {
  it("formats the writer's entries in APA through citation-js", async () => {
    const dir = scratchProject({ "report/x.md": sampleSource().replace("lang: en\n", "lang: en\ncitation-style: apa\n") });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf", "--skip-overflow-check"], { cwd: dir });
    expect(r.code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    const text = words(pdf.pages.map((p) => p.text).join(" ")).join(" ");
    expect(text).toContain(words("Yoon, L. (2024, May 8). China Forcibly Returns 60 Refugees to North Korea").join(" "));
  });

  it.skipIf(!existsSync(CHICAGO))(`formats them with a CSL file the user points to${existsSync(CHICAGO) ? "" : " (skipped: citation-style-language-styles not installed)"}`, async () => {
    const dir = scratchProject({ "report/x.md": sampleSource().replace("lang: en\n", `lang: en\ncitation-style: ${CHICAGO}\n`) });
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf", "--skip-overflow-check"], { cwd: dir });
    expect(r.code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    const text = words(pdf.pages.map((p) => p.text).join(" ")).join(" ");
    expect(text).toContain(words("Yoon, Lina. 2024. “China Forcibly Returns 60 Refugees to North Korea.”").join(" "));
  });
});
