// Text that would read differently in each output, or point at the wrong place (issue 22):
// bidi overrides in one-line fields, lone surrogates, and settings that would carry markup
// into the deck's header and footer.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { briefpress } from "../helpers/run.js";
import { scratchProject } from "../helpers/project.js";

describe("one text in every output", () => {
  it("a right-to-left override in the title is left out of the PDF and the deck alike, with one warning", () => {
    const dir = scratchProject({ "report/x.md": '---\ntitle: "Returns \\u202Eetad\\u202C report"\nshort_title: "Short \\u202Dx"\n---\n## A\n\n- One point.\n' });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf,deck,pptx", "--skip-overflow-check"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^report\/x\.md:2:8 warning text\/bidi-override "title"/m);
    expect(r.stderr).toMatch(/^report\/x\.md:3:\d+ warning text\/bidi-override "short_title"/m);
    const deck = readFileSync(join(dir, "dist", "x", "slides.md"), "utf8");
    expect(deck).not.toMatch(/[\u202a-\u202e]/);
    expect(deck).toContain("Returns etad report");
    expect(execFileSync("pdfinfo", [join(dir, "dist", "x", "brief.pdf")], { encoding: "utf8" })).toMatch(/Title:\s+Returns etad report/);
  });

  it("a lone surrogate written as a YAML escape is one error at the escape itself", () => {
    const dir = scratchProject({ "report/x.md": '---\ntitle: "Lone \\ud800 one"\nsummary: ok\n---\nText.\n' });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => / error /.test(l))).toEqual([expect.stringMatching(/^report\/x\.md:2:14 error frontmatter\/schema "title": a lone surrogate/)]);
  });

  it("markup in short_title and organisation stays words in slides.md: no raw HTML, no image", () => {
    const dir = scratchProject({
      "report/x.md": '---\ntitle: T\nshort_title: \'<img src="http://127.0.0.1:9/x.png"> ![y](http://127.0.0.1:9/y.png)\'\n---\n## A\n\n- One point.\n',
      "briefpress.yaml": 'organisation:\n  name: "<b>Desk</b> & Co"\n',
    });
    expect(briefpress(["build", "report/x.md", "--formats", "deck", "--skip-overflow-check"], { cwd: dir }).code).toBe(0);
    const front = readFileSync(join(dir, "dist", "x", "slides.md"), "utf8").split(/^---$/m)[1] ?? "";
    expect(front).toMatch(/^header: ".*\\\\<img src=.*!\\\\\[y\\\\\]\(http/m);
    expect(front).toMatch(/^footer: "\\\\<b\\\\>Desk\\\\<\/b\\\\> &amp; Co/m);
    const html = readFileSync(join(dir, "dist", "x", "slides.html"), "utf8");
    expect(html).not.toMatch(/<img[^>]*127\.0\.0\.1:9/);
  });
});
