// The CLI as users call it: exit codes, diagnostics with positions, no stack traces.
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { briefpress } from "./helpers/run.js";
import { pdfinfo } from "./helpers/pdf.js";
import { checkInScratch, positionOf, sampleSource, scratchProject } from "./helpers/project.js";

describe("briefpress check", () => {
  it("passes every brief in report/ with no errors", () => {
    const briefs = readdirSync("report").filter((f) => f.endsWith(".md"));
    expect(briefs.length).toBeGreaterThan(0);
    const r = briefpress(["check"]);
    expect(r.stdout).toMatch(/^0 errors, 0 warnings$/m);
    expect(r.code).toBe(0);
  });

  it("reports a misspelt citation at its line and column, with a suggestion: a warning, as a typed citation is read by guess", () => {
    const text = sampleSource().replace("(Yoon 2024)", "(Yon 2024)");
    const r = checkInScratch({ "report/typo.md": text }, "report/typo.md");
    const at = positionOf(text, "Yon 2024)");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`report/typo.md:${at.line}:${at.column} warning citation/unresolved "Yon 2024"`);
    expect(r.stdout).toContain('did you mean "Yoon 2024"?');
    expect(r.stdout).toMatch(/^0 errors, 1 warning$/m);
  });

  it("reports a note marker with no note as an error (certainly wrong), and exits 1", () => {
    const text = sampleSource().replace("(Yoon 2024)", "(Yoon 2024)[^nowhere]");
    const r = checkInScratch({ "report/typo.md": text }, "report/typo.md");
    const at = positionOf(text, "[^nowhere]");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`report/typo.md:${at.line}:${at.column} error footnote/undefined`);
    expect(r.stdout).toMatch(/^1 error, 0 warnings$/m);
  });

  it("writes the documented JSON shape", () => {
    const text = sampleSource().replace("(HRC 2014)", "(HRC 2041)");
    const dir = scratchProject({ "report/x.md": text });
    const r = briefpress(["check", "report/x.md", "--format", "json"], { cwd: dir });
    const json = JSON.parse(r.stdout) as { diagnostics: Array<Record<string, unknown>>; summary: Record<string, number> };
    expect(r.code).toBe(0);
    expect(json.summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
    const at = positionOf(text, "HRC 2041");
    expect(json.diagnostics[0]).toMatchObject({ file: "report/x.md", line: at.line, column: at.column, severity: "warning", ruleId: "citation/unresolved" });
    expect(Object.keys(json.diagnostics[0] ?? {}).sort()).toEqual(["column", "endColumn", "endLine", "file", "hints", "line", "message", "ruleId", "severity"]);
  });

  it("writes GitHub annotations", () => {
    const dir = scratchProject({ "report/x.md": sampleSource().replace("(Yoon 2024)", "(Yon 2024)") });
    const r = briefpress(["check", "report/x.md", "--format", "github"], { cwd: dir });
    expect(r.stdout).toMatch(/^::warning file=report\/x\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=citation\/unresolved::/m);
  });

  it("warns about an uncited source, and --strict makes the warning an error", () => {
    const text = sampleSource().replace("## Sources and further reading\n", "## Sources and further reading\n\nMin-ji Kim. (2020). A report nobody cites. Publisher.\n");
    const dir = scratchProject({ "report/x.md": text });
    const at = positionOf(text, "Min-ji Kim. (2020)");
    const plain = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`report/x.md:${at.line}:1 warning source/uncited source "Kim 2020" is never cited`);
    expect(plain.stdout).toMatch(/^0 errors, 1 warning$/m);
    const strict = briefpress(["check", "report/x.md", "--strict"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`report/x.md:${at.line}:1 error source/uncited`);
  });

  it("names a mistyped front-matter key, its line and the key meant", () => {
    const text = sampleSource().replace("lang: en\n", "lang: en\nsumary: Short.\n");
    const r = checkInScratch({ "report/x.md": text });
    const at = positionOf(text, "sumary:");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`report/x.md:${at.line}:1 error frontmatter/schema unknown front-matter key "sumary" — did you mean "summary"?`);
  });

  it("says plainly when a file does not exist, exit 2, no stack trace", () => {
    const r = briefpress(["check", "report/nope.md"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: report/nope.md: no such file");
  });

  it("starts without loading NODE_EXTRA_CA_CERTS, which costs every command ~45 ms and serves no purpose here", () => {
    // Node warns on stderr when it tries to load a certificate file that is not there.
    const r = briefpress(["check", "report/nope.md"], { env: { NODE_EXTRA_CA_CERTS: "/nonexistent/ca.pem" } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: report/nope.md: no such file");
  });

  it("rejects an unknown option with exit 2", () => {
    const r = briefpress(["build", "--colour"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^briefpress: unknown option --colour for "briefpress build" — build takes: --out, /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("briefpress build", () => {
  it("does not write anything for a brief with errors", () => {
    const dir = scratchProject({ "report/bad.md": sampleSource().replace("(Yoon 2024)", "(Yoon 2024)[^nowhere]") });
    const r = briefpress(["build", "report/bad.md", "--formats", "pdf,deck"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("footnote/undefined");
    expect(existsSync(join(dir, "dist", "bad"))).toBe(false);
  });

  it("builds a markdown file with no front matter", () => {
    const dir = scratchProject({ "report/plain.md": "# A plain note\n\nSome text (Kim 2020).\n\n## Sources\n\nMin-ji Kim. (2020). A report. Publisher.\n" });
    const r = briefpress(["build", "report/plain.md", "--formats", "pdf,deck"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "dist", "plain")).sort()).toEqual(["brief.pdf", "slides.html", "slides.md"]);
  });

  it("builds the deck with the theme briefpress ships when the project keeps none", () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    rmSync(join(dir, "slides"), { recursive: true });
    const r = briefpress(["build", "report/x.md", "--formats", "deck", "--skip-overflow-check"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "dist", "x", "slides.html"), "utf8");
    expect(html).toContain("--navy: #1f3a5f");
  });

  it("starts from V8 code caches that this Node accepts (else the bundles compile as usual)", async () => {
    type Start = { loadCachedBundle(name: string): { script: { cachedDataRejected?: boolean } } };
    const { loadCachedBundle } = (await import(pathToFileURL(join(ROOT, "build", "cli", "start.js")).href)) as Start;
    expect(loadCachedBundle("briefpress").script.cachedDataRejected).toBe(false);
    expect(loadCachedBundle("check").script.cachedDataRejected).toBe(false);
  });

  it("sets US Letter pages with --paper letter", () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf", "--paper", "letter"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(pdfinfo(join(dir, "dist", "x", "brief.pdf"))["Page size"]).toMatch(/^612 x 792 pts \(letter\)/);
  });
});
