// Deck behaviour beyond the sample: overflow fails the build, hand-written decks replace
// the derived one and have their citations checked, raw HTML stays inert.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { checkInScratch, positionOf, sampleSource, scratchProject } from "./helpers/project.js";
import { ROOT } from "./helpers/paths.js";
import { pdfinfo } from "./helpers/pdf.js";
import { briefpress } from "./helpers/run.js";

describe.skipIf(!CHROME)(`the derived deck fits${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  it("fits a planted overlong slide by construction: exit 0, the deck written, the bullet cut to its lead, in full in the notes", () => {
    const fixture = readFileSync(join(ROOT, "test/fixtures/slides/overflow.md"), "utf8");
    const dir = scratchProject({ "report/overflow.md": fixture });
    const r = briefpress(["build", "report/overflow.md", "--formats", "deck"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "dist", "overflow", "slides.md"), "utf8");
    const slide = md.split(/\n---\n/).find((s) => s.includes("## Long section")) ?? "";
    const body = slide.replace(/<!--[\s\S]*?-->/g, "");
    const notes = [...slide.matchAll(/<!--\n([\s\S]*?)\n-->/g)].map((m) => m[1]).join("\n");
    // Its first sentence, whole: the lead of a bullet of many sentences.
    expect(body).toMatch(/^- This bullet goes on and on, far longer than anyone should put on a slide, repeating its point about the returns\.$/m);
    expect(body.length).toBeLessThan(600);
    expect(notes).toContain("repeating its point about the returns. This bullet goes on and on");
  });

  it("keeps the overflow error for a hand-written deck, with a hint from what the slide holds", () => {
    const bullets = Array.from({ length: 14 }, (_, i) => `- Point ${i + 1} about the returns, said at some length so it wraps.`).join("\n");
    const text = `---\nmarp: true\ntheme: briefpress\n---\n\n# Returned to danger\n\n---\n\n## Too much\n\n${bullets}\n`;
    const dir = scratchProject({ "report/x.md": sampleSource(), "slides/x.md": text });
    const r = briefpress(["build", "report/x.md", "--formats", "deck"], { cwd: dir });
    expect(r.code).toBe(1);
    const line = positionOf(text, "## Too much").line;
    expect(r.stderr).toMatch(new RegExp(`slides/x\\.md:${line}:1 error slides/overflow slide 2 "Too much" overflows by \\d+ px\n  hint: split its 14 bullets over two slides`));
  });
});

describe("hand-written decks", () => {
  const deck = (citation: string) => `---
marp: true
theme: briefpress
---

# Returned to danger

---

## The returns

- About 60 people were sent back ${citation}.
`;

  it("checks their citations against the brief's sources, at the deck's line and column", () => {
    const text = deck("(Yon 2024)");
    const dir = scratchProject({ "report/x.md": sampleSource(), "slides/x.md": text });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    const at = positionOf(text, "Yon 2024");
    // A typed citation that matches nothing is read by guess: a warning (issue 19), at the deck's place.
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`slides/x.md:${at.line}:${at.column} warning citation/unresolved "Yon 2024"`);
  });

  it("replaces the derived deck when they resolve", () => {
    const dir = scratchProject({ "report/x.md": sampleSource(), "slides/x.md": deck("(Yoon 2024)") });
    const r = briefpress(["build", "report/x.md", "--formats", "deck", "--skip-overflow-check"], { cwd: dir });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "dist", "x", "slides.md"), "utf8");
    expect(md).toContain("About 60 people were sent back (Yoon 2024).");
    const html = readFileSync(join(dir, "dist", "x", "slides.html"), "utf8");
    expect(html.match(/<svg data-marpit-svg/g)?.length).toBe(2);
  });

  it("prints their slides.pdf in the build's one Chromium session, a page a slide", () => {
    if (!CHROME) return;
    const dir = scratchProject({ "report/x.md": sampleSource(), "slides/x.md": deck("(Yoon 2024)") });
    const r = briefpress(["build", "report/x.md", "--formats", "deck,deck-pdf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(Number(pdfinfo(join(dir, "dist", "x", "slides.pdf")).Pages)).toBe(2);
  });

  it("refuses a character no bundled font has at the deck's line and column, writing nothing", () => {
    const text = deck("(Yoon 2024) ᠮ"); // Mongolian: no bundled font has it
    const dir = scratchProject({ "report/x.md": sampleSource(), "slides/x.md": text });
    const r = briefpress(["build", "report/x.md", "--formats", "deck", "--skip-overflow-check"], { cwd: dir });
    const at = positionOf(text, "ᠮ");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`slides/x.md:${at.line}:${at.column} error font/missing-glyph no bundled font has the character "ᠮ" (U+182E)`);
    expect(existsSync(join(dir, "dist", "x"))).toBe(false);
  });
});

describe("raw HTML in a brief", () => {
  const brief = `---
title: "Raw HTML"
---

## Section

<script>window.__pwned = 1</script>

A paragraph with <img src=x onerror="window.__pwned=2"> inline markup (Kim 2020).

## Sources

Min-ji Kim. (2020). A report. Publisher.
`;

  it("is kept as text in the deck and never runs in the browser", async () => {
    const dir = scratchProject({ "report/raw.md": brief });
    const r = briefpress(["build", "report/raw.md", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "dist", "raw", "slides.html"), "utf8");
    expect(html).not.toContain("<script>window.__pwned");
    expect(html).not.toMatch(/<img src=x/);
    if (!CHROME) return;
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, "dist", "raw", "slides.html")).href);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // Pasted inline HTML is read for its meaning (issue 12): the <img> is dropped, its words stay.
      expect(await page.textContent("body")).toContain("A paragraph with");
      expect(await page.textContent("body")).not.toContain("onerror");
    } finally {
      await browser.close();
    }
  });
});

describe("slide-only citations", () => {
  it("are resolved like any other: an unresolved one in a ::: slide block is reported there", () => {
    const text = sampleSource().replace("- About 60 North Koreans were forcibly returned on 26 April 2024 (Yoon 2024).", "- About 60 North Koreans were forcibly returned on 26 April 2024 (Yoom 2024).");
    const r = checkInScratch({ "report/x.md": text });
    const at = positionOf(text, "Yoom 2024");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`report/x.md:${at.line}:${at.column} warning citation/unresolved "Yoom 2024"`);
  });
});
