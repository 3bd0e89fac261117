// Every output through one writer (issue 22): a brief's outputs are swapped in as one set,
// inside dist/ only, never through a link, never two briefs into one folder, and a write
// that fails says why.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { briefpress } from "../helpers/run.js";
import { scratchProject } from "../helpers/project.js";

const BRIEF = "---\ntitle: Outputs\n---\nThe commission met in May.\n";

describe("one writer for every output", () => {
  it("a build of the PDF alone keeps the deck of the last full build beside it, and leaves no staging folder", () => {
    const dir = scratchProject({ "report/x.md": BRIEF });
    expect(briefpress(["build", "report/x.md", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir }).code).toBe(0);
    const deck = readFileSync(join(dir, "dist", "x", "slides.md"), "utf8");
    expect(briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "dist", "x")).sort()).toEqual(["brief.pdf", "slides.html", "slides.md"]);
    expect(readFileSync(join(dir, "dist", "x", "slides.md"), "utf8")).toBe(deck);
    expect(readdirSync(join(dir, "dist"))).toEqual(["x"]);
  });

  it("what a killed build left in its staging folder is cleared by the next build", () => {
    const dir = scratchProject({ "report/x.md": BRIEF });
    mkdirSync(join(dir, "dist", ".x.partial-99999"), { recursive: true });
    writeFileSync(join(dir, "dist", ".x.partial-99999", "brief.pdf"), "");
    expect(briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "dist"))).toEqual(["x"]);
  });

  it("a dist/<slug> that is a link to a folder outside is replaced, and nothing is written through it", () => {
    const dir = scratchProject({ "report/x.md": BRIEF });
    const elsewhere = join(tmpdir(), `briefpress-elsewhere-${process.pid}`);
    mkdirSync(elsewhere, { recursive: true });
    mkdirSync(join(dir, "dist"));
    symlinkSync(elsewhere, join(dir, "dist", "x"));
    expect(briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(join(dir, "dist", "x")).isDirectory()).toBe(true);
    expect(existsSync(join(dir, "dist", "x", "brief.pdf"))).toBe(true);
  });

  it('a brief called "...md" writes into its own folder, never the project root', () => {
    const dir = scratchProject({ "report/...md": BRIEF });
    expect(briefpress(["build", "report/...md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, "brief.pdf"))).toBe(false);
    expect(existsSync(join(dir, "dist", "brief", "brief.pdf"))).toBe(true);
  });

  it("paper.md and paper.qmd would share dist/paper/: one plain line naming both, exit 2, nothing built", () => {
    const dir = scratchProject({ "report/paper.md": BRIEF, "report/paper.qmd": BRIEF });
    const r = briefpress(["build", "report/paper.md", "report/paper.qmd", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: report/paper.md and report/paper.qmd would both write to dist/paper/: rename one of them");
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("a file where the output folder should be: the write fails with the reason, exit 2, no stack trace", () => {
    const dir = scratchProject({ "report/x.md": BRIEF, dist: "not a folder" });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^briefpress: cannot write dist\/x: a file stands where a folder should be$/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
