// Hostile and broken files (issue 22), the first classes: escapes from the project through
// symlinks, files that are not files (a FIFO, a device), JavaScript built-ins as keys,
// a line longer than a call stack, text that would fake or colour a terminal line, XML
// metadata broken by an ampersand, front matter that never closes, old Mac line ends.
// Each runs the real CLI: no stack trace, the documented exit code, one diagnostic.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { briefpress } from "../helpers/run.js";
import { scratchProject } from "../helpers/project.js";

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

function brief(body: string, front = "title: A brief"): string {
  return `---\n${front}\n---\n${body}\n`;
}

/** A secret outside the project that nothing may read. */
function outsider(name: string, text: string): string {
  const dir = join(tmpdir(), `briefpress-outside-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("the door: nothing outside the project is read", () => {
  it("an include, a bibliography and an image that are symlinks to files outside are refused, each once", () => {
    const dir = scratchProject();
    symlinkSync(outsider("part.qmd", "OUTSIDE-SECRET-TEXT"), join(dir, "report", "_part.qmd"));
    symlinkSync(outsider("refs.bib", "@misc{k, title={OUTSIDE-SECRET-TITLE}, author={Secret, S.}, year={2020}}\n"), join(dir, "report", "refs.bib"));
    symlinkSync(outsider("pic.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>OUTSIDE</text></svg>'), join(dir, "assets", "linked.svg"));
    writeFileSync(join(dir, "report", "x.qmd"), brief('Hello [@k].\n\n{{< include _part.qmd >}}\n\n![A picture](../assets/linked.svg "Credit: us")', "title: Escape\nbibliography: refs.bib"));
    const r = briefpress(["build", "report/x.qmd", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    const lines = r.stderr.split("\n").filter((l) => / error /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^report\/x\.qmd:3:1 error bibliography\/load .*outside the project/),
      expect.stringMatching(/^report\/x\.qmd:7:1 error include\/load .*outside the project/),
      expect.stringMatching(/^report\/x\.qmd:9:1 error image\/load .*outside the project/),
    ]);
    expect(existsSync(join(dir, "dist", "x"))).toBe(false);
  });

  it("a FIFO and a link to /dev/zero where a picture should be are refused at once, in check too", () => {
    const dir = scratchProject();
    execFileSync("mkfifo", [join(dir, "assets", "pipe.png")]);
    symlinkSync("/dev/zero", join(dir, "assets", "zero.png"));
    writeFileSync(join(dir, "report", "x.md"), brief('![A pipe](../assets/pipe.png "Credit: us")\n\n![Zeros](../assets/zero.png "Credit: us")'));
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/report\/x\.md:4:1 error image\/load image "\.\.\/assets\/pipe\.png" cannot be read: it is not a regular file/);
    expect(r.stdout).toMatch(/report\/x\.md:6:1 error image\/load image "\.\.\/assets\/zero\.png" lies outside the project/);
  });
});

describe("inputs that crashed", () => {
  it("front-matter keys named like JavaScript built-ins are unknown keys, not a crash", () => {
    const dir = scratchProject({ "report/x.md": brief("Hello.", "title: T\ntoString: 1\nconstructor: x\nhasOwnProperty: y") });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    // One warning names every unknown key (issue 19): all three are in it.
    expect(r.stdout.match(/frontmatter\/unknown/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/unknown front-matter keys "toString", "constructor", "hasOwnProperty" \(ignored\)/);
  });

  it("a 200,000-character line builds, and every word of it is in the PDF", () => {
    const dir = scratchProject({ "report/x.md": brief(`${"word ".repeat(40_000)}END`) });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    const text = execFileSync("pdftotext", [join(dir, "dist", "x", "brief.pdf"), "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(text.match(/\bword\b/g)).toHaveLength(40_000);
    expect(text).toContain("END");
  });
});

describe("YAML aliases (found by the fuzzer)", () => {
  it("an alias with no anchor, and an alias bomb, are one error each, in the front matter and in briefpress.yaml", () => {
    let laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = "a";
    for (const n of "bcdefghi") {
      laughs += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
      prev = n;
    }
    const dir = scratchProject({ "report/x.md": brief("Hello.", "title: T\nsummary: *nothing"), "report/y.md": brief("Hello.", `title: T\n${laughs}`) });
    const x = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(x.code).toBe(1);
    expect(x.stdout).toMatch(/^report\/x\.md:2:1 error frontmatter\/yaml front matter cannot be read: an alias \(\*name\) refers to no anchor/m);
    expect(x.stdout + x.stderr).not.toMatch(STACK);
    const y = briefpress(["check", "report/y.md"], { cwd: dir });
    expect(y.code).toBe(1);
    expect(y.stdout).toMatch(/error frontmatter\/yaml front matter cannot be read: its aliases \(\*name\) expand too far/);
    writeFileSync(join(dir, "briefpress.yaml"), `organisation:\n  name: *nobody\n`);
    const z = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(z.stdout).toMatch(/^briefpress\.yaml:\d+:\d+ error config\/yaml briefpress\.yaml cannot be read: an alias/m);
    expect(z.stdout + z.stderr).not.toMatch(STACK);
  });
});

describe("text that lands elsewhere is escaped there", () => {
  it("an escape sequence or newline in a key reaches the terminal as \\u001b, never raw", () => {
    const dir = scratchProject({ "report/x.md": brief("Hello.", 'title: T\n"fo\\u001b[31mo\\nreport/y.md:1:1 error fake": 1') });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain("fo\\u001b[31mo\\u000areport/y.md");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("report/"))).toHaveLength(1);
  });

  it("a title with & and < keeps the PDF's XMP metadata well-formed, and the title as written", () => {
    const dir = scratchProject({ "report/x.md": brief("Hello.", 'title: "Returns & removals <2024>"') });
    expect(briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const pdf = join(dir, "dist", "x", "brief.pdf");
    const xmp = execFileSync("pdfinfo", ["-meta", pdf], { encoding: "utf8" });
    expect(xmp).toContain("Returns &amp; removals &lt;2024&gt;");
    expect(xmp).not.toMatch(/Returns & removals/);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Title:\s+Returns & removals <2024>/);
  });
});

describe("unclear errors", () => {
  it("front matter that never closes is one warning, and the text still prints", () => {
    const dir = scratchProject({ "report/x.md": "---\ntitle: Never closed\nThe commission met in May.\n" });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/report\/x\.md:1:1 warning frontmatter\/unclosed/);
    expect(execFileSync("pdftotext", [join(dir, "dist", "x", "brief.pdf"), "-"], { encoding: "utf8" })).toContain("The commission met in May.");
  });

  it("old Mac line ends (CR only) are line ends: the front matter is read", () => {
    const dir = scratchProject({ "report/x.md": "---\rtitle: Carriage returns\r---\rThe commission met in May.\r" });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(0);
    const pdf = join(dir, "dist", "x", "brief.pdf");
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Title:\s+Carriage returns/);
    expect(readFileSync(pdf).length).toBeGreaterThan(0);
  });
});
