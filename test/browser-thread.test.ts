// The build's Chromium, driven from a thread of its own (src/deck/browser.ts): what a user
// sees when it cannot start, and what a build leaves behind when it could (nothing).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHROME, NO_CHROME_REASON } from "./helpers/browser.js";
import { briefpress } from "./helpers/run.js";
import { readPdf } from "./helpers/pdf.js";
import { sampleSource, scratchProject } from "./helpers/project.js";

/** Command lines of running processes that name `text`. */
function processesNaming(text: string): string[] {
  const r = spawnSync("ps", ["-eo", "args="], { encoding: "utf8" });
  return r.stdout.split("\n").filter((l) => l.includes(text));
}

describe("the build's Chromium", () => {
  it("that cannot start is one plain line and exit 2, and nothing is written", () => {
    const dir = scratchProject({ "report/brief.md": sampleSource() });
    const r = briefpress(["build", "report/brief.md"], { cwd: dir, env: { CHROME_PATH: "/bin/false" } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: cannot start Chromium at /bin/false for the slides");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it.skipIf(!CHROME)(`is gone when the build ends, its profile removed${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
    const dir = scratchProject({ "report/brief.md": sampleSource() });
    // Chromium's profile goes to the build's temporary folder: this one, watched.
    const temp = mkdtempSync(join(tmpdir(), "briefpress-chromium-temp-"));
    const r = briefpress(["build", "report/brief.md"], { cwd: dir, env: { TMPDIR: temp } });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "dist", "brief")).sort()).toEqual(["brief.html", "brief.pdf", "slides-notes.pdf", "slides.html", "slides.md", "slides.pdf", "slides.pptx"]);
    expect(readdirSync(temp)).toEqual([]);
    expect(processesNaming(temp)).toEqual([]);
  });

  it.skipIf(!CHROME)(`serves two briefs built together, each deck printed from its own slides${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, async () => {
    const second = sampleSource().replace(/^title: .*$/m, 'title: "Second brief on returns"');
    const dir = scratchProject({ "report/one.md": sampleSource(), "report/two.md": second });
    const temp = mkdtempSync(join(tmpdir(), "briefpress-chromium-temp-"));
    const r = briefpress(["build", "report/one.md", "report/two.md"], { cwd: dir, env: { TMPDIR: temp } });
    expect(r.code).toBe(0);
    const text = async (slug: string) => (await readPdf(join(dir, "dist", slug, "slides.pdf"))).pages.map((p) => p.text).join(" ").replace(/\s+/g, " ");
    const [one, two] = await Promise.all([text("one"), text("two")]);
    expect(two).toContain("Second brief on returns");
    expect(one).not.toContain("Second brief on returns");
    for (const slug of ["one", "two"]) expect(existsSync(join(dir, "dist", slug, "slides-notes.pdf"))).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
    expect(processesNaming(temp)).toEqual([]);
  });
});
