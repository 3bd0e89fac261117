// A batch isolates its briefs (issue 22): a brief that cannot be read is that brief's one
// diagnostic, and every other brief of the batch is written.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { briefpress } from "../helpers/run.js";
import { scratchProject } from "../helpers/project.js";

describe("a batch isolates its briefs", () => {
  it("a non-UTF-8 brief and a folder named like a brief are reported, the three good briefs are built", () => {
    const good = (n: number) => `---\ntitle: Brief ${n}\n---\nThe commission met ${n} times.\n`;
    const dir = scratchProject({ "report/a.md": good(1), "report/b.md": good(2), "report/c.md": good(3) });
    writeFileSync(join(dir, "report", "latin1.md"), Buffer.from("---\ntitle: Caf\xe9\n---\nR\xe9sum\xe9.\n", "latin1"));
    mkdirSync(join(dir, "report", "folder.md"));
    const r = briefpress(["build", "report/a.md", "report/latin1.md", "report/b.md", "report/folder.md", "report/c.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    for (const slug of ["a", "b", "c"]) expect(existsSync(join(dir, "dist", slug, "brief.pdf"))).toBe(true);
    expect(r.stderr).toMatch(/^report\/latin1\.md:1:1 error brief\/unreadable is not UTF-8 text/m);
    expect(r.stderr).toMatch(/^report\/folder\.md:1:1 error brief\/unreadable is a folder/m);
    expect(r.stderr.match(/ error /g)).toHaveLength(2);
  });
});

describe("the terminal and the pipe", () => {
  it("a reader that stops early (check … | head -1) gets no stack trace; the exit code still says errors", async () => {
    const { spawnSync } = await import("node:child_process");
    const { BIN } = await import("../helpers/paths.js");
    const dir = scratchProject({ "report/x.md": `---\ntitle: T\n---\n${Array.from({ length: 3000 }, (_, i) => `![A](missing${i}.png "Credit: x")`).join("\n\n")}\n` });
    for (const format of ["json", "text"]) {
      const r = spawnSync("bash", ["-c", `"${BIN}" check --format ${format} report/x.md | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: "utf8" });
      expect(r.stderr).not.toMatch(/EPIPE|^\s+at /m);
      expect(r.stderr).toMatch(/exit=1/);
    }
  });
});
