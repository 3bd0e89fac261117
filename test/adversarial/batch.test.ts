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
