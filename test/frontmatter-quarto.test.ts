// Front matter as Quarto, R Markdown and Pandoc write it, read with its meaning.
import { existsSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate } from "../src/model/dates.js";
import { splitFrontMatter } from "../src/load/frontmatter.js";
import { positionOf, sampleSource, scratchProject } from "./helpers/project.js";
import { readPdf } from "./helpers/pdf.js";
import { briefpress } from "./helpers/run.js";

const front = (yaml: string, clock?: () => Date) => splitFrontMatter("x.qmd", `---\n${yaml}\n---\n\nBody.\n`, { clock });

describe("authors", () => {
  it("reads a string, a list of strings, and objects with affiliations by reference", () => {
    expect(front("author: A. Writer").meta.authors).toEqual([{ name: "A. Writer" }]);
    expect(front("author: [Ana, Bo]").meta.authors.map((a) => a.name)).toEqual(["Ana", "Bo"]);
    const quarto = front(`authors:
  - name: Ana Ruiz
    affiliations:
      - ref: ngo
    email: ana@example.org
    orcid: 0000-0002-1825-0097
    roles: [writing, analysis]
  - name: {given: Bo, family: Lind}
    affiliation: Lund University
affiliations:
  - id: ngo
    name: Coastal Rights Watch`);
    expect(quarto.diagnostics).toEqual([]);
    expect(quarto.meta.authors).toEqual([
      { name: "Ana Ruiz", role: "writing, analysis", affiliation: "Coastal Rights Watch", email: "ana@example.org", orcid: "0000-0002-1825-0097" },
      { name: "Bo Lind", affiliation: "Lund University" },
    ]);
  });

  it("says which author has no name", () => {
    const r = front("author:\n  - name: Ana\n  - email: x@example.org");
    expect(r.diagnostics.map((d) => `${d.span.start.line} ${d.ruleId} ${d.message}`)).toEqual(['4 frontmatter/schema "author.1": an author needs a name']);
  });
});

describe("dates", () => {
  const iso = (date: string, clock?: () => Date) => front(`date: "${date}"`, clock).meta.date;
  it("reads the forms people write", () => {
    expect(iso("2024-01-25")).toBe("2024-01-25");
    expect(iso("2024-01")).toBe("2024-01");
    expect(iso("25 January 2024")).toBe("2024-01-25");
    expect(iso("January 25, 2024")).toBe("2024-01-25");
    expect(iso("Jan 5 2024")).toBe("2024-01-05");
    expect(iso("2024-05-20T09:30:00Z")).toBe("2024-05-20");
  });
  it("takes today, now and last-modified from the clock it is given, never the wall clock", () => {
    const clock = () => new Date(Date.UTC(2023, 10, 14, 22, 13));
    for (const word of ["today", "now", "last-modified", "`r Sys.Date()`", "`r format(Sys.time(), '%d %B %Y')`", "\\\\today"]) expect(iso(word, clock)).toBe("2023-11-14");
  });
  it("prints in the date-format asked for", () => {
    expect(formatDate("2024-03-05", "long")).toBe("March 5, 2024");
    expect(formatDate("2024-03-05", "DD/MM/YYYY")).toBe("05/03/2024");
    expect(formatDate("2024-03")).toBe("March 2024");
    expect(formatDate("2024-03-05")).toBe("5 March 2024");
  });
  // Issue 19: a date that cannot be read is a guess, not a certainty: a warning, printed as written.
  it("warns about a date that is not one, at its line, and keeps it as written", () => {
    const r = front('title: T\ndate: "31 February 2024"');
    expect(r.diagnostics.map((d) => `${d.span.start.line} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual(['3 warning frontmatter/date "date": cannot read "31 February 2024" as a date, so it prints as written (2024-02-31 is not a real date)']);
    expect(r.meta.date).toBe("31 February 2024");
    expect(r.meta.title).toBe("T");
  });
});

describe("keys of other tools, typos and unknown keys", () => {
  it("lists other tools' keys in one info, errs on a typo with the key meant, warns on the rest", () => {
    const r = front("title: T\nformat: pdf\nexecute:\n  echo: false\ntitel: X\nurlcolor: blue\nfavourite-colour: green");
    expect(r.diagnostics.map((d) => `${d.span.start.line} ${d.severity} ${d.ruleId} ${d.message}`).sort()).toEqual([
      "3 info frontmatter/ignored ignored: format, execute, urlcolor (keys for Quarto, Pandoc or R Markdown that briefpress has no use for)",
      '6 error frontmatter/schema unknown front-matter key "titel" — did you mean "title"?',
      '8 warning frontmatter/unknown unknown front-matter key "favourite-colour" (ignored)',
    ]);
    expect(r.meta.title).toBe("T");
  });

  it("keeps the rest of the front matter when one key is wrong or a line is not YAML", () => {
    const bad = front("bibliography: refs.bib\ntoc: sometimes\nkeywords: [a, b]");
    expect(bad.meta.bibliography).toEqual(["refs.bib"]);
    expect(bad.meta.keywords).toEqual(["a", "b"]);
    expect(bad.diagnostics).toHaveLength(1);
    const broken = front("bibliography: refs.bib\nsummary: [unclosed\ntitle: Kept");
    expect(broken.diagnostics[0]?.ruleId).toBe("frontmatter/yaml");
    expect(broken.meta.bibliography).toEqual(["refs.bib"]);
  });
});

describe("options under the output format", () => {
  it("toc, number-sections and papersize of format: pdf or output: pdf_document count when the top level is silent", () => {
    const quarto = front("format:\n  html:\n    toc: false\n  pdf:\n    toc: true\n    number-sections: true\n    papersize: letter\n    documentclass: article");
    expect(quarto.diagnostics.map((d) => d.ruleId)).toEqual(["frontmatter/ignored"]);
    expect(quarto.meta).toMatchObject({ toc: true, "number-sections": true, paper: "letter" });
    const rmd = front("toc: false\noutput:\n  bookdown::pdf_document2:\n    toc: true\n    number_sections: yes");
    expect(rmd.meta).toMatchObject({ toc: false, "number-sections": true });
    const bad = front("format:\n  pdf:\n    toc: sometimes");
    expect(bad.diagnostics.map((d) => `${d.span.start.line} ${d.ruleId} ${d.message}`)).toContain('4 frontmatter/schema "format.pdf.toc": expected true or false');
  });
});

describe("Pandoc's citation keys", () => {
  it("bibliography as a list, csl as citation-style, nocite in Pandoc's forms", () => {
    const r = front('bibliography: [a.bib, b.json]\ncsl: chicago.csl\nnocite: "@smith2020, @lee2021"');
    expect(r.meta.bibliography).toEqual(["a.bib", "b.json"]);
    expect(r.meta["citation-style"]).toBe("chicago.csl");
    expect(r.meta.nocite).toEqual(["smith2020", "lee2021"]);
    expect(front("nocite: |\n  @*").meta.nocite).toEqual(["*"]);
  });

  it("papersize, abstract, toc, number-sections, reference-section-title", () => {
    const r = front("papersize: us-letter\nabstract: |\n  One line\n  and the next.\ntoc: yes\nnumber-sections: true\nreference-section-title: Works cited");
    expect(r.diagnostics).toEqual([]);
    expect(r.meta).toMatchObject({ paper: "letter", summary: "One line and the next.", toc: true, "number-sections": true, "reference-section-title": "Works cited" });
  });
});

describe("in the built PDF", () => {
  it("keywords reach the PDF's Keywords and XMP; number-sections numbers headings and the outline; a dynamic date follows SOURCE_DATE_EPOCH", async () => {
    const text = sampleSource().replace("date: 2024-05-20\n", "date: last-modified\nkeywords: [refoulement, North Korea]\nnumber-sections: true\n");
    const dir = scratchProject({ "report/x.qmd": text });
    const r = briefpress(["build", "report/x.qmd", "--formats", "pdf"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1717200000" } });
    expect(r.stderr).toBe("");
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    expect(pdf.info.Keywords).toBe("refoulement, North Korea");
    const body = pdf.pages.map((p) => p.text).join(" ");
    expect(body).toContain("1 June 2024");
    expect(body).toMatch(/1\s+What happened/);
    expect(pdf.outline.map((o) => o.title)).toContain("1\u2002What happened");
  });

  it("a date of last-modified without SOURCE_DATE_EPOCH is the file's own time", () => {
    const dir = scratchProject({ "report/x.md": "---\ntitle: T\ndate: last-modified\n---\n\n## Body\n\nText.\n" });
    const march = new Date(Date.UTC(2022, 2, 9, 12));
    utimesSync(join(dir, "report", "x.md"), march, march);
    const r = briefpress(["build", "report/x.md", "--formats", "deck"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "" } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "dist", "x", "slides.md"), "utf8")).toContain("footer: \"9 March 2022\"");
  });
});

describe("the command line", () => {
  it("--bibliography (repeatable) and --csl, as Pandoc takes them; a missing one is a usage error", () => {
    const brief = "---\ntitle: T\n---\n\n## Body\n\nA claim [@a2020] and another [@b2021].\n";
    const dir = scratchProject({
      "report/x.md": brief,
      "a.bib": "@book{a2020, author = {Ames, Ana}, title = {First}, year = {2020}}\n",
      "b.bib": "@book{b2021, author = {Bell, Bo}, title = {Second}, year = {2021}}\n",
    });
    expect(briefpress(["check", "report/x.md"], { cwd: dir }).stdout).toContain('"@a2020" is not in any bibliography');
    const both = briefpress(["check", "report/x.md", "--bibliography", "a.bib", "--bibliography", "b.bib", "--csl", "apa"], { cwd: dir });
    expect(both.stdout).toBe("0 errors, 0 warnings\n");
    const missing = briefpress(["check", "report/x.md", "--bibliography", "nope.bib"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("briefpress: --bibliography nope.bib: no such file");
  });

  it("finds .qmd and .Rmd briefs in report/, and names their outputs without the extension", () => {
    const dir = scratchProject({ "report/a.qmd": "---\ntitle: A\n---\n\nBody.\n", "report/b.Rmd": "---\ntitle: B\n---\n\nBody.\n" });
    const r = briefpress(["build", "--formats", "deck"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("report/a.qmd → dist/a/slides.md");
    expect(r.stdout).toContain("report/b.Rmd → dist/b/slides.md");
  });

  it("Pandoc's inline references: are a bibliography of their own", () => {
    const brief = "---\ntitle: T\nreferences:\n  - id: ames2020\n    type: book\n    title: First\n    author:\n      - family: Ames\n        given: Ana\n    issued: 2020\n---\n\n## Body\n\nA claim [@ames2020] and a gap [@amis2020].\n";
    const dir = scratchProject({ "report/x.md": brief });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    const at = positionOf(brief, "@amis2020");
    expect(r.stdout).toBe(`report/x.md:${at.line}:${at.column} error citation/unresolved "@amis2020" is not in any bibliography (add bibliography: to the front matter) — did you mean "@ames2020"?\n1 error, 0 warnings\n`);
  });

  it("one diagnostic per missing key, at its first use, with the count of the others", () => {
    const brief = "---\ntitle: T\nbibliography: a.bib\n---\n\n## Body\n\nOne [@gone2020], two [@gone2020, p. 3], three @gone2020.\n";
    const dir = scratchProject({ "report/x.md": brief, "report/a.bib": "@book{a2020, author = {Ames, Ana}, title = {First}, year = {2020}}\n" });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    const at = positionOf(brief, "@gone2020");
    expect(r.stdout).toBe(`report/x.md:${at.line}:${at.column} error citation/unresolved "@gone2020" is not in "a.bib" (and 2 more places)\n1 error, 0 warnings\n`);
  });
});

describe("csl as Quarto papers name it", () => {
  const brief = (csl: string) => `---\ntitle: T\nbibliography: a.bib\ncsl: ${csl}\n---\n\n## Body\n\nA claim [@ames2020].\n`;
  const bib = "@book{ames2020, author = {Ames, Ana}, title = {First Findings}, publisher = {Harbour Press}, year = {2020}}\n";

  it("a style on the web is not fetched: a warning, and the sources in APA", async () => {
    const dir = scratchProject({ "report/x.md": brief("https://www.zotero.org/styles/apa"), "report/a.bib": bib });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("report/x.md:4:1 warning citation/style");
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    expect(pdf.pages.map((p) => p.text).join(" ")).toContain("Ames, A. (2020)");
  });

  it.skipIf(!existsSync("/usr/share/citation-style-language/styles/chicago-author-date.csl"))("--csl on build overrides the front matter's style", async () => {
    const dir = scratchProject({ "report/x.md": brief("apa"), "report/a.bib": bib });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf", "--csl", "/usr/share/citation-style-language/styles/chicago-author-date.csl"], { cwd: dir });
    expect(r.stderr).toBe("");
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    expect(pdf.pages.map((p) => p.text).join(" ").replace(/\s+/g, " ")).toContain("Ames, Ana. 2020.");
  });

  it.skipIf(!existsSync("/usr/share/citation-style-language/styles/chicago-author-date.csl"))("a style file named bare is looked for among the installed styles", async () => {
    const dir = scratchProject({ "report/x.md": brief("chicago-author-date.csl"), "report/a.bib": bib });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.stderr).toBe("");
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    expect(pdf.pages.map((p) => p.text).join(" ").replace(/\s+/g, " ")).toContain("Ames, Ana. 2020.");
  });
});
