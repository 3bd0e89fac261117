// Bad input gets one clear line or a positioned diagnostic, the right exit code, no
// stack trace and nothing half-written; valid but extreme input builds completely.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { INVISIBLE } from "../src/text/fonts.js";
import { checkInScratch, positionOf, sampleSource, scratchProject } from "./helpers/project.js";
import { BIN } from "./helpers/paths.js";
import { readPdf, words } from "./helpers/pdf.js";
import { briefpress } from "./helpers/run.js";
import { blockWords, missingInOrder } from "./helpers/words.js";

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

const check = checkInScratch;

describe("bad input", () => {
  it("an empty file", () => {
    const r = check({ "report/x.md": "" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("report/x.md:1:1 error brief/empty the file is empty");
  });

  it("a file that is not UTF-8", () => {
    const dir = scratchProject();
    writeFileSync(join(dir, "report", "x.md"), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41, 0x0a]));
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: report/x.md: is not UTF-8 text (save it as UTF-8 and try again)");
  });

  it("a folder instead of a file", () => {
    const r = check({}, "report");
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: report: is a folder, not a markdown file");
  });

  it("front matter that is not YAML, with its line", () => {
    const text = sampleSource().replace("lang: en\n", "lang: en\nsummary: [unclosed\n");
    const r = check({ "report/x.md": text });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^report\/x\.md:\d+:\d+ error frontmatter\/yaml front matter is not valid YAML/m);
    noStack(r.stdout + r.stderr);
  });

  it("a date that cannot be read (date: yesterday) is a warning, printed as written (issue 19)", () => {
    const text = sampleSource().replace("date: 2024-05-20", "date: yesterday");
    const r = check({ "report/x.md": text });
    const at = positionOf(text, "yesterday");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`report/x.md:${at.line}:${at.column} warning frontmatter/date "date": cannot read "yesterday" as a date, so it prints as written`);
  });

  it("control characters in a title", () => {
    const text = sampleSource().replace('title: "Returned to Danger', 'title: "Returned\\u0007 to Danger');
    const r = check({ "report/x.md": text });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error frontmatter\/schema "title": contains a control character/);
  });

  it("a missing image", () => {
    const text = sampleSource().replace("../assets/cover.svg", "../assets/nope.png");
    const r = check({ "report/x.md": text });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error image/load image "../assets/nope.png" not found');
  });

  it("a file that is not an image", () => {
    const text = sampleSource().replace("../assets/cover.svg", "x.md");
    const r = check({ "report/x.md": text });
    expect(r.stdout).toContain('error image/load image "x.md" is not a PNG, JPEG or SVG file');
  });

  it("an image path outside the project is refused and never read", () => {
    const text = sampleSource().replace("../assets/cover.svg", "../../../../../../etc/passwd");
    const dir = scratchProject({ "report/x.md": text });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error image/load image "../../../../../../etc/passwd" lies outside the project');
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("a remote image is never fetched", () => {
    const text = sampleSource().replace("## Background\n", "## Background\n\n![A map](https://example.org/map.png \"Map: UN\")\n");
    const started = Date.now();
    const r = check({ "report/x.md": text });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error image/load image "https://example.org/map.png" is a remote URL; briefpress never fetches from the network');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("unknown command and bad option values are usage errors (exit 2)", () => {
    for (const args of [["publish"], ["build", "--paper", "a5"], ["build", "--formats", "docx"], ["check", "--format", "xml"]]) {
      const r = briefpress(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    }
  });
});

describe("nothing half-written", () => {
  it("a failed build leaves the previous good outputs untouched", () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    expect(briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const pdf = join(dir, "dist", "x", "brief.pdf");
    const before = readFileSync(pdf);
    // A note marker with no note is certainly wrong (a typed citation that matches nothing is only a warning).
    writeFileSync(join(dir, "report", "x.md"), sampleSource().replace("(Yoon 2024)", "(Yoon 2024)[^nowhere]"));
    expect(briefpress(["build", "report/x.md", "--formats", "pdf"], { cwd: dir }).code).toBe(1);
    expect(readFileSync(pdf).equals(before)).toBe(true);
    expect(readdirSync(join(dir, "dist", "x"))).toEqual(["brief.pdf"]);
  });

  it("two builds at once into the same dist/ both finish with whole files", async () => {
    const dir = scratchProject({ "report/x.md": sampleSource() });
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, "build", "report/x.md", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir, stdio: "ignore" });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const files = readdirSync(join(dir, "dist", "x")).sort();
    expect(files).toEqual(["brief.pdf", "slides.html", "slides.md"]);
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    expect(pdf.pages.length).toBeGreaterThan(3);
  });
});

describe("valid but extreme input", () => {
  const word = `A${"x".repeat(2000)}`;
  const url = `https://example.org/${"a".repeat(2000)}`;
  const cols = 40;
  const table = [
    `| ${Array.from({ length: cols }, (_, i) => `H${i}`).join(" | ")} |`,
    `|${"---|".repeat(cols)}`,
    ...Array.from({ length: 4 }, (_, r) => `| ${Array.from({ length: cols }, (_, c) => `v${r}x${c}`).join(" | ")} |`),
  ].join("\n");
  const nestedList = Array.from({ length: 50 }, (_, i) => `${"  ".repeat(i)}- item at depth ${i}`).join("\n");
  const nestedQuote = Array.from({ length: 50 }, (_, i) => `${">".repeat(i + 1)} quote at depth ${i + 1}`).join("\n\n");
  const brief = `---\ntitle: "Extreme"\n---\n\n## Section\n\n${word}\n\nSee ${url} now.\n\n${table}\n\n${nestedList}\n\n${nestedQuote}\n\nZero\u200bwidth and bi\u202edi\u202c marks.\n\n<div onclick="alert(1)">raw block</div>\n`;

  it("builds, with every word in the PDF and nothing off the page", async () => {
    const dir = scratchProject({ "report/x.md": brief });
    const r = briefpress(["build", "report/x.md", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "x", "brief.pdf"));
    // Zero-width and bidi controls are invisible: "Zero\u200bwidth" reads as one word.
    const { brief: model } = loadBrief("x.md", brief.replace(INVISIBLE, ""));
    const pdfWords = pdf.pages.flatMap((p) => words(p.text.replace(/\u00ad/g, "")));
    // Long words and URLs break across lines and pages; compare the body text (no running
    // header or footer) with line breaks closed up.
    const joined = pdf.pages
      .map((p) => p.items.filter((i) => i.y > 80 && i.y < p.height - 80).map((i) => i.str).join(""))
      .join("")
      .replace(/\s+/g, "");
    expect(joined).toContain(word);
    expect(joined).toContain(url);
    // The 40-column table prints turned a quarter (rows become columns): its words are all
    // there, in column order; everything else keeps the source order.
    const short = blockWords(model.blocks.filter((b) => b.kind !== "table")).filter((w) => w.length < 100);
    expect(missingInOrder(pdfWords, short)).toBeNull();
    const tableWords = blockWords(model.blocks.filter((b) => b.kind === "table"));
    expect(tableWords.length).toBe(200);
    expect(tableWords.filter((w) => !pdfWords.includes(w))).toEqual([]);
    for (const page of pdf.pages) for (const item of page.items) expect(item.x + item.width, item.str).toBeLessThanOrEqual(page.width - 36);
  });

  it("builds a 5 MB brief, printing progress", () => {
    const para = "The returns were documented by monitors across the border region (Kim 2020). ".repeat(12);
    const body = Array.from({ length: 5_600 }, (_, i) => (i % 40 === 0 ? `## Part ${i / 40 + 1}\n\n${para}` : para)).join("\n\n");
    const text = `---\ntitle: "Huge"\n---\n\n${body}\n\n## Sources\n\nMin-ji Kim. (2020). A report. Publisher.\n`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const dir = scratchProject({ "report/huge.md": text });
    const r = briefpress(["check", "report/huge.md"], { cwd: dir });
    expect(r.code).toBe(0);
    const b = briefpress(["build", "report/huge.md", "--formats", "pdf"], { cwd: dir });
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/report\/huge\.md: large brief \(\d+(\.\d)? MB\)/);
    expect(statSync(join(dir, "dist", "huge", "brief.pdf")).size).toBeGreaterThan(1_000_000);
  }, 300_000);
});

describe("batches", () => {
  it("builds many briefs through the worker pool, each complete, and reports each", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`report/b${i}.md`] = sampleSource().replace(/^title: .*$/m, `title: "Batch brief ${i}"`);
    const dir = scratchProject(files);
    const r = briefpress(["build", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
    expect(r.code).toBe(0);
    for (let i = 0; i < 6; i++) {
      expect(r.stdout).toMatch(new RegExp(`report/b${i}\\.md → dist/b${i}/brief\\.pdf, dist/b${i}/slides\\.md, dist/b${i}/slides\\.html \\(\\d+ ms\\)`));
      expect(readdirSync(join(dir, "dist", `b${i}`)).sort()).toEqual(["brief.pdf", "slides.html", "slides.md"]);
    }
  });
});
