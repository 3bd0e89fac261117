// Watch mode, as a writer uses it: save the file, see one line with the rebuild's time.
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHROME } from "./helpers/browser.js";
import { BIN } from "./helpers/paths.js";
import { sampleSource, scratchProject } from "./helpers/project.js";
import { PICTURE_BRIEF, writePictures } from "./support/pictures.mjs";

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const m = pattern.exec(read());
      if (m) resolve(m);
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${pattern}; output so far:\n${read()}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}

describe("briefpress watch", () => {
  it("rebuilds a brief when it is saved, printing one line with the time taken", async () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    const child = spawn(process.execPath, [BIN, "watch", "report/x.md"], { cwd: dir });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    try {
      await waitFor(() => out, /watching 1 brief/, 60_000);
      const pdf = join(dir, "dist", "x", "brief.pdf");
      const first = statSync(pdf).mtimeMs;
      writeFileSync(join(dir, "report", "x.md"), sampleSource().replace("## Background\n", "## Background in brief\n"));
      // Every format of the default build, as `build` makes them: the web edition too, and
      // the deck's PDFs when there is a Chromium.
      const all = CHROME ? "brief\\.pdf, slides\\.md, slides\\.html, slides\\.pdf, slides-notes\\.pdf, slides\\.pptx, brief\\.html" : "brief\\.pdf, slides\\.md, slides\\.html, slides\\.pptx, brief\\.html";
      const m = await waitFor(() => out, new RegExp(`report/x\\.md changed → ${all} \\((\\d+) ms\\)`), 60_000);
      expect(Number(m[1])).toBeGreaterThan(0);
      for (const name of ["brief.pdf", "brief.html", "slides.html", "slides.pptx", ...(CHROME ? ["slides.pdf", "slides-notes.pdf"] : [])]) {
        expect(statSync(join(dir, "dist", "x", name)).mtimeMs, name).toBeGreaterThan(first);
      }
      expect(readFileSync(join(dir, "dist", "x", "brief.html"), "utf8")).toContain("Background in brief");

      // A mistake shows up as diagnostics, and the last good PDF stays.
      const good = readFileSync(pdf);
      writeFileSync(join(dir, "report", "x.md"), sampleSource().replace("## Background\n", "## Background\n\nA new claim.[^nowhere]\n"));
      await waitFor(() => out, /report\/x\.md changed: not built, 1 error/, 30_000);
      await waitFor(() => err, /footnote\/undefined/, 5_000);
      expect(readFileSync(pdf).equals(good)).toBe(true);
    } finally {
      child.kill("SIGINT");
      await new Promise((r) => child.on("exit", r));
    }
    expect(child.exitCode === 0 || child.signalCode === "SIGINT").toBe(true);
  });

  it("rebuilds a brief when one of its pictures or briefpress.yaml changes", async () => {
    const dir = scratchProject({ "report/pictures.md": PICTURE_BRIEF });
    await writePictures(dir);
    const child = spawn(process.execPath, [BIN, "watch", "report/pictures.md", "--formats", "pdf"], { cwd: dir });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const changes = () => out.split("\n").filter((l) => l.includes("report/pictures.md changed → brief.pdf")).length;
    try {
      await waitFor(() => out, /watching 1 brief/, 60_000);
      // A new chart, as a writer re-exports it from a spreadsheet.
      writeFileSync(join(dir, "assets", "chart.png"), readFileSync(join(dir, "assets", "photo.jpg")));
      await waitFor(() => String(changes()), /^1$/, 30_000);
      writeFileSync(join(dir, "briefpress.yaml"), 'colors:\n  primary: "#0B6E4F"\n');
      await waitFor(() => String(changes()), /^2$/, 30_000);
    } finally {
      child.kill("SIGINT");
      await new Promise((r) => child.on("exit", r));
    }
  });
});
