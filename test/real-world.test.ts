// Briefs as people really write them (test/fixtures/real-world/*.md): footnote-cited case
// studies, letters pasted from a word processor, numbered "IV. References" headings,
// narrow tables. Each states its diagnostics inline; check must report exactly those.
// Each also builds: as written when it expects no error, else with its inline fixes
// applied (an error stops the build, so the mended copy is what a writer would build).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectations, key, mended } from "./helpers/expectations.js";
import { ROOT } from "./helpers/paths.js";
import { readPdf } from "./helpers/pdf.js";
import { countNotdef } from "./helpers/notdef.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";
import { loadBrief } from "../src/load/brief.js";
import { parseMarkdown } from "../src/parse/parse.js";
import { plainText } from "../src/model/plain-text.js";

const DIR = join(ROOT, "test", "fixtures", "real-world");
const files = readdirSync(DIR).filter((f) => f.endsWith(".md")).sort();

type Json = { diagnostics: Array<{ ruleId: string; line: number; column: number; severity: string }> };

describe("real-world fixtures", () => {
  it("exist", () => expect(files.length).toBeGreaterThanOrEqual(5));
  for (const file of files) {
    const text = readFileSync(join(DIR, file), "utf8");
    it(`${file}: check reports exactly the expected diagnostics`, () => {
      const r = briefpress(["check", join("test", "fixtures", "real-world", file), "--format", "json"]);
      const json = JSON.parse(r.stdout) as Json;
      expect(json.diagnostics.map((d) => key({ rule: d.ruleId, line: d.line, column: d.column })).sort()).toEqual(expectations(text).map(key).sort());
    });
    it(`${file}: builds (mended where it expects errors), with no glyph 0`, async () => {
      const dir = scratchProject({ [`report/${file}`]: mended(text) });
      const r = briefpress(["build", `report/${file}`, "--formats", "pdf,deck"], { cwd: dir });
      expect(r.stderr + r.stdout).not.toMatch(/ error /);
      expect(r.code).toBe(0);
      const slug = file.replace(/\.md$/, "");
      const pdf = join(dir, "dist", slug, "brief.pdf");
      expect(existsSync(pdf)).toBe(true);
      const reading = await readPdf(pdf);
      // The running header and the document title are the brief's title, never its file name.
      expect(String(reading.info.Title)).not.toBe(slug);
      expect(reading.pages.map((p) => p.text).join(" ")).not.toContain(slug);
      const deck = readFileSync(join(dir, "dist", slug, "slides.md"), "utf8");
      expect(deck.split(/\n---\n/).length).toBeGreaterThan(3);
    });
  }
});

describe("a letter pasted from a word processor", () => {
  it("prints as one page with its title at the top, bullets as a list, notes numbered", async () => {
    const text = mended(readFileSync(join(DIR, "letter-numbered-notes.md"), "utf8"));
    const dir = scratchProject({ "report/letter.md": text });
    expect(briefpress(["build", "report/letter.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "letter", "brief.pdf"));
    expect(pdf.pages.length).toBeLessThanOrEqual(2);
    const first = pdf.pages[0]?.text ?? "";
    expect(first.startsWith("Letter to the Minister of the Interior")).toBe(true);
    expect(first).toContain("• publish the number of people held on return");
    expect(first).toMatch(/1\. Coastal Monitoring Network, interviews/);
    expect(first).not.toContain("\t");
    // Its first page is a page like the others: numbered in the footer, no running header
    // repeating the title it opens with.
    expect(first).toContain(`Page 1 of ${pdf.pages.length}`);
    expect(first.indexOf("Letter to the Minister of the Interior")).toBe(first.lastIndexOf("Letter to the Minister of the Interior"));
  });
});

describe("citations in notes", () => {
  it("reads bare author-year lists, Ibid., Id. and op. cit. to the sources a reader would", () => {
    const file = join(DIR, "case-study-footnotes.md");
    const { brief } = loadBrief(file, readFileSync(file, "utf8"));
    const cited = (raw: string) =>
      brief.citations
        .filter((c) => c.raw === raw)
        .flatMap((c) => c.items.map((i) => `${brief.sources[i.sourceIndex ?? -1]?.authors[0]?.family ?? "?"} ${brief.sources[i.sourceIndex ?? -1]?.year ?? ""} ${i.locator}`.trim()));
    expect(cited("Mendez 2011, 45")).toEqual(["Mendez 2011 45"]);
    expect(cited("Ibid., 52")).toEqual(["Mendez 2011 52"]);
    expect(cited("Mendez, op. cit., 50")).toEqual(["Mendez 2011 50"]);
    expect(cited("Id.")).toEqual(["Mendez 2011"]);
    expect(cited("Mendez, “Courts as Gatekeepers,” 47")).toEqual(["Mendez 2011 47"]);
    expect(cited("Lutz, *The Externalised Border*, 80")).toEqual(["Lutz 2016 80"]);
    expect(cited("Okafor, Lindqvist, and Haddad 2019, 614–15")).toEqual(["Okafor 2019 614–15"]);
    expect(cited("Human Rights Watch 2024b")).toEqual(["Human Rights Watch 2024b"]);
    // "———." took the authors of the entry above it.
    expect(brief.sources.find((s) => s.year === "2022b")?.authors[0]?.family).toBe("Ministry of Justice");
    // Dates and places in a note are not citations.
    expect(brief.citations.some((c) => /Geneva|March|February/.test(c.raw))).toBe(false);
  });
});

describe("narrow table columns", () => {
  it("are as wide as their longest word when the table fits", async () => {
    const dir = scratchProject({ "report/t.md": readFileSync(join(DIR, "narrow-table.md"), "utf8") });
    expect(briefpress(["build", "report/t.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "t", "brief.pdf"));
    const strings = pdf.pages.flatMap((p) => p.items.map((i) => i.str.trim()));
    for (const word of ["Region", "Origin", "Senegal", "Mauritania", "Northern", "Coastal"]) expect(strings).toContain(word);
    expect(strings.some((s) => /^(?:Regi|Seneg|Maurit|North|Coast)$/.test(s))).toBe(false);
  });

  it("hyphenate only when even the longest words cannot fit, and every break shows its hyphen", async () => {
    const long = ["Telecommunications", "Administratively", "Internationalisation", "Responsibilities"];
    const header = Array.from({ length: 12 }, (_, i) => `C${i + 1}`);
    const row = header.map((_, i) => long[i % long.length]);
    const table = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, `| ${row.join(" | ")} |`].join("\n");
    const dir = scratchProject({ "report/t.md": `---\ntitle: "Wide"\n---\n\n## Table\n\n${table}\n` });
    expect(briefpress(["build", "report/t.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "t", "brief.pdf"));
    const strings = pdf.pages.flatMap((p) => p.items.map((i) => i.str.trim())).filter(Boolean);
    const fragments = strings.filter((s) => long.some((w) => w !== s && w.startsWith(s.replace(/-$/, ""))) && !/^C\d+$/.test(s));
    expect(fragments.length).toBeGreaterThan(0);
    // A piece of a long word is either its last piece or ends in a hyphen.
    for (const f of fragments) expect(f.endsWith("-") || long.some((w) => w.endsWith(f))).toBe(true);
  });
});

describe("pasted inline HTML", () => {
  it("prints what it means in the PDF and the deck, and runs nothing", async () => {
    const dir = scratchProject({ "report/h.md": readFileSync(join(DIR, "pasted-html.md"), "utf8") });
    expect(briefpress(["build", "report/h.md", "--formats", "pdf,deck"], { cwd: dir }).code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "h", "brief.pdf"));
    const text = pdf.pages.map((p) => p.text).join(" ");
    for (const tag of ["<br>", "<sup>", "<em>", "<span", "<a ", "<img", "<script", "<!--"]) expect(text).not.toContain(tag);
    expect(text).not.toContain("alert");
    expect(text).toContain("unacceptable");
    // <br> breaks the line: "3 March" ends one line and "and again" starts the next.
    const items = pdf.pages.flatMap((p) => p.items);
    const march = items.find((i) => i.str.includes("The tribunal sat on 3 March"));
    const again = items.find((i) => i.str.startsWith("and again on 17 March"));
    expect(march && again && march.y > again.y).toBe(true);
    // <sup>†</sup> is set smaller and higher than its line.
    const dagger = items.find((i) => i.str === "†");
    const line = items.find((i) => i.str.includes("were adjourned"));
    expect(dagger && line && dagger.height < line.height && dagger.y > line.y).toBe(true);
    const links = pdf.pages.flatMap((p) => p.links.map((l) => l.url ?? ""));
    expect(links).toContain("https://tribunal.example.org/records/2025");
    expect(links.some((l) => l.startsWith("javascript"))).toBe(false);
    const deck = readFileSync(join(dir, "dist", "h", "slides.html"), "utf8");
    expect(deck).not.toContain("alert(");
    expect(deck).not.toContain("onclick");
  });
});

describe("invisible characters", () => {
  it("are a warning at their position inside a URL, a DOI or a citation, and nowhere else", () => {
    const zw = "\u200b";
    const rlo = "\u202e";
    const lines = [
      "---",
      'title: "Invisible"',
      "---",
      "",
      `Returns rose (Yoon${zw} 2024). See https://www.hrw.example.org/re${rlo}port and doi:10.1093/jrs.${zw}fez041.`,
      `A zero-width space between words${zw} stays, as does a joiner in a word: क्‍ष.`,
      "",
      "## Sources",
      "",
      "Lina Yoon. (2024). A title. Human Rights Watch.",
    ];
    const source = lines.join("\n");
    const dir = scratchProject({ "report/z.md": source });
    const r = briefpress(["check", "report/z.md", "--format", "json"], { cwd: dir });
    const json = JSON.parse(r.stdout) as Json;
    const at = (needle: string) => `5:${lines[4]!.indexOf(needle) + 1} text/invisible`;
    expect(json.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`).sort()).toEqual([at(zw), at(rlo), `5:${lines[4]!.lastIndexOf(zw) + 1} text/invisible`].sort());
  });
});

describe("hints", () => {
  it("name both candidates, the long name of an organisation, and spell names as the entry does", () => {
    const source = [
      "## Findings",
      "",
      "Figures (Ministry of Justice 2022), camps (Oxfam 2023), children (de la Cruz et al. 2024),",
      "and reviews (Okafor, Lindqvist, and Hadad 2019), and health (WHO 2021).",
      "",
      "## References",
      "",
      "Ministry of Justice. (2022a). Annual statistics. Ministry of Justice.",
      "",
      "Ministry of Justice. (2022b). Review of the backlog. Ministry of Justice.",
      "",
      "Oxfam International. (2023). Left behind. Oxfam International.",
      "",
      "World Health Organization. (2021). Health of refugees. World Health Organization.",
      "",
      "de la Cruz, M., Ortega, B., & Ruiz, C. (2023). Children on the move. Child Rights Review, 9, 1–30.",
      "",
      "Okafor, C., Lindqvist, M., & Haddad, R. (2019). Detention conditions. Journal of Refugee Studies, 32(4), 611–630.",
    ].join("\n");
    const { diagnostics } = loadBrief("report/h.md", source);
    const messages = diagnostics.map((d) => `${d.ruleId} ${d.message}`);
    expect(messages).toContain('citation/ambiguous "Ministry of Justice 2022" could be "Ministry of Justice 2022a" or "Ministry of Justice 2022b"');
    expect(messages.some((m) => m.includes('"Oxfam 2023"') && m.includes('did you mean "Oxfam International 2023"?'))).toBe(true);
    expect(messages.some((m) => m.includes('did you mean "de la Cruz et al. 2023"?'))).toBe(true);
    // Issue 20: an organisation cited by its initials resolves ("WHO" is World Health Organization).
    expect(messages.some((m) => m.includes('"WHO 2021"'))).toBe(false);
    expect(messages.some((m) => m.includes('did you mean "Okafor, Lindqvist and Haddad 2019"?'))).toBe(true);
    expect(messages.join("\n")).not.toMatch(/Et Al|De La/);
  });
});

describe("tabs", () => {
  it("print as spaces: no glyph 0 in text, code, table cells, headings or notes", async () => {
    const source = "---\ntitle: \"Tabs\"\n---\n\n## Heading\twith a tab\n\nAmara Diallo\tDirector, with `a\tb` in code.[^1]\n\n```\ncol1\tcol2\n```\n\n| A | B |\n| --- | --- |\n| one\ttwo | three |\n\n[^1]: A note\twith a tab.\n";
    const dir = scratchProject({ "report/tabs.md": source });
    // (briefpress() itself fails a build whose PDF draws glyph 0; here the count is explicit.)
    expect(briefpress(["build", "report/tabs.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const file = join(dir, "dist", "tabs", "brief.pdf");
    expect(countNotdef(file)).toBe(0);
    const text = (await readPdf(file)).pages.map((p) => p.text).join(" ");
    expect(text).toContain("Amara Diallo Director");
    expect(text).toContain("Heading with a tab");
  });
});

describe("cover: false", () => {
  it("leaves out the cover even with a summary; the title heads page 1", async () => {
    const brief = (cover: string) => `---\ntitle: "A Short Brief"\nsummary: "Returns rose."\n${cover}---\n\n## Findings\n\nReturns rose (Yoon 2024).\n\n## Sources\n\nLina Yoon. (2024). A title. Human Rights Watch.\n`;
    const dir = scratchProject({ "report/with.md": brief(""), "report/without.md": brief("cover: false\n") });
    expect(briefpress(["build", "report/with.md", "report/without.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const withCover = await readPdf(join(dir, "dist", "with", "brief.pdf"));
    const without = await readPdf(join(dir, "dist", "without", "brief.pdf"));
    expect(without.pages.length).toBe(withCover.pages.length - 1);
    expect(without.pages[0]?.text.trimStart().startsWith("A Short Brief")).toBe(true);
    expect(without.pages[0]?.text).toContain("Returns rose (Yoon 2024).");
  });
});

describe("pasted bullets", () => {
  it("•, ◦, ▪ and – lines are list items, ◦ and ▪ nested, even right after a paragraph", () => {
    const { blocks } = parseMarkdown("We ask:\n•\tFirst\n◦\tFirst, sub\n▪ deeper\n•  Second\n– Third\n\nAfter • not a bullet.\n");
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "list", "paragraph"]);
    const list = blocks[1];
    if (list?.kind !== "list") throw new Error("no list");
    const texts = (l: typeof list): unknown[] =>
      l.items.map((it) => it.blocks.map((b) => (b.kind === "paragraph" ? plainText(b.inlines) : b.kind === "list" ? texts(b) : b.kind)));
    expect(texts(list)).toEqual([["First", [["First, sub", [["deeper"]]]]], ["Second"], ["Third"]]);
    expect(list.items[1]?.at.line).toBe(5);
  });
});

describe("superscript numbers pasted as HTML", () => {
  it("cite a numbered list: <sup>2, 3</sup> names 2 and 3, <sup>9</sup> is a marker with no entry", () => {
    const source = ["## A", "", "Camps were crowded.<sup>1</sup> Others agree.<sup>2, 3</sup> Not here.<sup>9</sup>", "", "## References", "", "1. Okafor C. Detention. J Refug Stud. 2019;32:611–30.", "2. Haddad R. Camps. Middle East Law J. 2020;14:77–95.", "3. Lutz F. The Externalised Border. Bristol: Calder; 2016."].join("\n");
    const { diagnostics, resolution } = loadBrief("report/s.md", source);
    expect(diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.ruleId}`)).toEqual([`3:${source.split("\n")[2]!.indexOf("9</sup>") + 1} citation/unresolved`]);
    expect(resolution.useCount).toEqual([1, 1, 1]);
  });
});

describe("HTML comments between paragraphs (a writer's notes to themselves)", () => {
  it("are never printed and never checked for glyphs", async () => {
    const text = "---\ntitle: Notes left in\n---\n\n## Findings\n\nReturns rose each year.\n\n<!-- editor: ask the desk about ᏣᎳᎩ -->\n\nThe rise was steepest last year.\n";
    const dir = scratchProject({ "report/notes.md": text });
    const checked = briefpress(["check", "report/notes.md"], { cwd: dir });
    expect(checked.stdout + checked.stderr).not.toContain("font/missing-glyph");
    expect(checked.code).toBe(0);
    expect(briefpress(["build", "report/notes.md", "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const pdf = await readPdf(join(dir, "dist", "notes", "brief.pdf"));
    const all = pdf.pages.map((p) => p.text).join("\n");
    expect(all).toContain("The rise was steepest last year.");
    expect(all).not.toContain("editor");
    expect(all).not.toContain("<!--");
  });
});

describe("references kept in notes, linked citations, several years (issue 20)", () => {
  const load = (name: string) => {
    const file = join(DIR, name);
    return loadBrief(file, readFileSync(file, "utf8")).brief;
  };
  const named = (brief: ReturnType<typeof load>, raw: string) =>
    brief.citations.filter((c) => c.raw === raw).flatMap((c) => c.items.map((i) => `${i.author} ${i.year}`.trim()));

  it("reads a later Ibid. and a short note as the full reference in an earlier note", () => {
    const brief = load("notes-as-bibliography.md");
    expect(named(brief, "Ibid., 14")).toEqual(["Oduya 2022"]);
    expect(named(brief, "Id.")).toEqual(["Oduya 2022"]);
    // The notes are not a printed list: nothing is added to the sources.
    expect(brief.sources).toEqual([]);
  });

  it("a link to an entry's anchor names that entry, whatever its text says", () => {
    const brief = load("anchored-entries.md");
    const entry = (raw: string) => brief.citations.filter((c) => c.raw === raw).flatMap((c) => c.items.map((i) => brief.sources[i.sourceIndex ?? -1]?.title ?? "?"));
    expect(entry("WHO, 2020b")).toEqual(["The top 10 causes of death"]);
    expect(entry("WHO, n.d. a")).toEqual(["Global Health Observatory: By theme"]);
    expect(entry("United Nations, 2016, 2017, 2018")).toEqual(Array(3).fill("World Economic Situation and Prospects: Statistical Annex"));
    expect(brief.sources.find((s) => s.title === "Ambient air quality")?.anchors).toEqual(["f1"]);
  });

  it("reads pandoc's csl-entry divs as entries, each with its id", () => {
    const brief = load("pandoc-linked-citations.md");
    expect(brief.sources.map((s) => s.anchors?.[0])).toEqual(["ref-delacruz2023", "ref-hrw2024a", "ref-hrw2024b", "ref-lutz2016", "ref-moj2022", "ref-okafor2019"]);
    expect(brief.sources[2]?.authors[0]?.family).toBe("Human Rights Watch");
  });
});
