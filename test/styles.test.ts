// The style corpus (test/support/style-corpus.mjs): 34 invented sources formatted by
// citation-js in nine common CSL styles and the sample's free form, pasted into briefs
// and cited in each style's own in-text form. Every style must check clean (every
// citation resolves, every entry is cited) and every entry must be read into the
// fields the CSL item holds.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { runRules } from "../src/check/rules.js";
import { readPdf } from "./helpers/pdf.js";
import { briefpress } from "./helpers/run.js";
import { CORPUS_DIR, STYLES, corpusItems, styleBrief, type CslName } from "./support/style-corpus.mjs";

const items = corpusItems();
const family = (a: CslName | undefined) => [a?.["dropping-particle"], a?.["non-dropping-particle"], a?.family ?? a?.literal].filter(Boolean).join(" ");
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "");

describe("style corpus", () => {
  it("has 30–40 sources", () => expect(items.length).toBeGreaterThanOrEqual(30));

  it("every style's brief builds, with its list printed as pasted", async () => {
    const out = mkdtempSync(join(tmpdir(), "briefpress-styles-"));
    const r = briefpress(["build", ...STYLES.map((s) => join(CORPUS_DIR, `${s.name}.md`)), "--formats", "pdf", "--out", out]);
    expect(r.code).toBe(0);
    for (const style of STYLES) {
      const pdf = await readPdf(join(out, style.name, "brief.pdf"));
      const text = pdf.pages.map((p) => p.text).join(" ");
      expect(text).toContain(style.heading);
      expect(text).toContain("Okafor");
    }
  });

  for (const style of STYLES) {
    const file = join(CORPUS_DIR, `${style.name}.md`);

    it(`${style.name}: the committed fixture is what the generator writes`, () => {
      expect(readFileSync(file, "utf8")).toBe(styleBrief(style));
    });

    it(`${style.name}: check reports nothing (0 unresolved, 0 uncited)`, () => {
      const r = briefpress(["check", file, "--format", "json"]);
      const json = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; line: number; column: number; message: string }> };
      expect(json.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
      expect(r.code).toBe(0);
    });

    it(`${style.name}: every entry is read into authors, year, title, DOI and URL, and cited`, () => {
      const { brief, resolution } = loadBrief(file, readFileSync(file, "utf8"));
      expect(brief.sources).toHaveLength(items.length);
      const misread: string[] = [];
      for (const s of brief.sources) {
        const item = items.find((i) => fold(s.text).includes(fold(i.title).split(" ").slice(0, 4).join(" ")));
        if (!item) {
          misread.push(`${s.text}: no such source`);
          continue;
        }
        const year = String(item.issued?.["date-parts"]?.[0]?.[0] ?? "n.d.");
        if (!s.year.startsWith(year)) misread.push(`${s.text}: year ${s.year}, want ${year}`);
        if (s.authors[0]?.family !== family(item.author[0])) misread.push(`${s.text}: first author ${s.authors[0]?.family}, want ${family(item.author[0])}`);
        if (!s.moreAuthors && s.authors.length !== item.author.length) misread.push(`${s.text}: ${s.authors.length} authors, want ${item.author.length}`);
        if (!s.title || !fold(item.title).startsWith(fold(s.title).slice(0, 20))) misread.push(`${s.text}: title "${s.title}"`);
        if (item.DOI && s.text.includes(item.DOI) && s.doi !== item.DOI) misread.push(`${s.text}: DOI ${s.doi}`);
        if (item.URL && s.text.includes(item.URL) && s.url !== item.URL) misread.push(`${s.text}: URL ${s.url}`);
        if (style.kind === "numeric" && s.number === undefined) misread.push(`${s.text}: no number`);
      }
      expect(misread).toEqual([]);
      expect(resolution.useCount.every((n) => n > 0)).toBe(true);
      const items_ = brief.citations.flatMap((c) => c.items);
      expect(items_.length).toBeGreaterThanOrEqual(items.length);
      expect(items_.every((i) => i.sourceIndex !== undefined)).toBe(true);
      expect(runRules({ brief, resolution })).toEqual([]);
    });
  }
});
