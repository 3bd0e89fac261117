// Real documents build as found (issue 19): test/fixtures/field/ holds briefs in the shapes
// real Quarto, R Markdown, bookdown, MyST and pasted-from-Word documents take. Each states
// its diagnostics inline; check must report exactly those in the brief (a shared .bib's
// notes are checked below). Each then builds (mended where it expects an error) and its
// PDF must hold what the source says: nothing dropped without a word.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectations, key, mended } from "./helpers/expectations.js";
import { ROOT } from "./helpers/paths.js";
import { readPdf } from "./helpers/pdf.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const DIR = join(ROOT, "test", "fixtures", "field");
const files = readdirSync(DIR).filter((f) => /\.(?:md|qmd|Rmd)$/.test(f)).sort();

type Json = { diagnostics: Array<{ file: string; ruleId: string; line: number; column: number; severity: string; message: string }> };

/** What each fixture's PDF must show, in this order (whitespace folded). */
const PRINTED: Record<string, string[]> = {
  "html-pictures.md": ["Registration opened in March.", "Queues formed before dawn", "Figure 1. Queue at the gate, first morning of registration", "Aerial view of the camp gate", "Figure 2. The gate seen from the water tower", "Each family got a token a numbered paper token at the gate."],
  "footnote-blocks.md": ["1 The survey covered three districts.", "Two of them were reached only by boat:", "• Riverside ward, with forty households", "• Upper terrace, with twelve households", "Nobody asked us for papers until the water came.", "A third paragraph closes the note.", "2 Minutes of the district coordination meeting"],
  "byline-dates.Rmd": ["Water points in the northern settlements", "A field note", "Amara Okonkwo; Joseph Mensah · 12/9/2019", "Three of the five water points"],
  "date-unreadable.md": ["Shelter survey", "sometime in the dry season", "Most shelters needed"],
  "xref-subfigures.qmd": ["Figure 1. Weekly hours worked, by group (a) By age band (b) By sex", "Both Figure 1a and Figure 1b show fewer hours", "as Figure 1 does overall"],
  "xref-bookdown.Rmd": ["Figure 1 shows the monthly count, and Figure 2", "Table 1 gives the intake, and Figure 4", "Figure 2. Reports by district of origin", "Figure 2 uses the LaTeX label, and 3 the bookdown one", "Figure 3. Reports tagged as urgent", "Figure 4. Shelters open in March"],
  "xref-crossref-caps.md": ["Figure 1 shows arrivals by week; Table 1 lists them", "Figure 1 and Table 1."],
  "myst-roles.md": ["ran dry by June (Okafor 2021), and Diallo (2022) counts", "Figure 1 maps them, and Figure 1 again", "A borehole is a deep well"],
  "html-blocks.md": ["Only a third of the wells still gave water in May.", "The table below counts them", "Village", "Wells", "Dry in May", "Kombo", "12", "8", "Sanda upper", "Table: wells per village", "What the team saw", "Queues at the two working pumps began before dawn, and nobody was turned away.", "Endnotes", "1. District water office, monthly pump log, May."],
  "latex-ref.qmd": ["Figure 1. Days closed, by region", "The longest closures are in Figure 1, and Figure 1 also shows the shortest.", "A label defined nowhere, 1, points nowhere."],
  "windows-paste.md": ["Registration closed on 4 May – two days early – after the “last call” at the gate.", "The team counted 212 families… and sent the list on."],
  // Sorted as the style sorts (issue 20): Boateng before Mensah.
  "shared-bib.qmd": ["https://tallyr.example.org", "Mensah, J. (2020). Counting returnees in the north"],
};

/** Text a fixture's PDF must not show: labels, markup, entries nobody cites. */
const ABSENT: Record<string, string[]> = {
  "html-pictures.md": ["<img", "<figure", "</br>", "figcaption"],
  "latex-ref.qmd": ["\\ref", "newpage", "fig-closed"],
  "html-blocks.md": ["<p", "<table", "<td", "<div", "<small", "<script", "drawChart", "hashlink", "class="],
  "xref-bookdown.Rmd": ["\\label", "#fig:", "@ref"],
  "xref-crossref-caps.md": ["@Fig", "@Tbl", "?@"],
  "myst-roles.md": ["{cite", "{numref", "{term", "fig-wells"],
  "shared-bib.qmd": ["github.com/example/tallyr", "A paper nobody here cites"],
};

const fold = (s: string) => s.replace(/\s+/g, " ");

/** The fixture as a scratch project's report/ holds it (assets one level up), mended. */
function scratch(file: string): string {
  const text = mended(readFileSync(join(DIR, file), "utf8")).replaceAll("../../../assets/", "../assets/");
  return scratchProject({ [`report/${file}`]: text, "report/shared.bib": readFileSync(join(DIR, "shared.bib"), "utf8") });
}

describe("field fixtures", () => {
  it("exist", () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const file of files) {
    const text = readFileSync(join(DIR, file), "utf8");
    it(`${file}: check reports exactly the expected diagnostics`, () => {
      const json = JSON.parse(briefpress(["check", join("test", "fixtures", "field", file), "--format", "json"]).stdout) as Json;
      const own = json.diagnostics.filter((d) => d.file.endsWith(file));
      expect(own.map((d) => key({ rule: d.ruleId, line: d.line, column: d.column })).sort()).toEqual(expectations(text).map(key).sort());
    });
    it(`${file}: builds and prints what the source says`, async () => {
      const dir = scratch(file);
      const r = briefpress(["build", `report/${file}`, "--formats", "pdf"], { cwd: dir });
      expect(r.stderr + r.stdout).not.toMatch(/ error /);
      expect(r.code).toBe(0);
      const pdf = await readPdf(join(dir, "dist", file.replace(/\.\w+$/, ""), "brief.pdf"));
      const printed = fold(pdf.pages.map((p) => p.text).join(" "));
      let from = 0;
      for (const want of PRINTED[file] ?? []) {
        const at = printed.indexOf(fold(want), from);
        expect(at, `"${want}" (after offset ${from}) in:\n${printed}`).toBeGreaterThanOrEqual(0);
        from = at + fold(want).length;
      }
      for (const never of ABSENT[file] ?? []) expect(printed).not.toContain(never);
    });
  }
});

describe("missing alt text", () => {
  const claims = (file: string) => {
    const dir = scratch(file);
    expect(briefpress(["build", `report/${file}`, "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    return readFileSync(join(dir, "dist", file.replace(/\.\w+$/, ""), "brief.pdf")).includes("pdfuaid:part");
  };
  it("is a warning, and that PDF does not claim PDF/UA", () => expect(claims("alt-missing.md")).toBe(false));
  it("a brief whose pictures all have alt text still claims PDF/UA", () => expect(claims("html-pictures.md")).toBe(true));
});

describe("a shared bibliography", () => {
  it("reports what it read generously and what it printed once as infos, never errors", () => {
    const json = JSON.parse(briefpress(["check", join("test", "fixtures", "field", "shared-bib.qmd"), "--format", "json"]).stdout) as Json;
    const bib = json.diagnostics.filter((d) => d.file.endsWith("shared.bib")).map((d) => `${d.line} ${d.severity} ${d.ruleId}`);
    expect(bib.sort()).toEqual(["15 info bibliography/tidied", "30 info bibliography/duplicate-key", "8 info bibliography/duplicate"].sort());
    expect(json.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("what poppler reads at the ends of lines (pdftotext, as search and copy do)", () => {
  it("keeps a typed hyphen at a line's end and reads a note marker as a word of its own", () => {
    const file = "line-ends.md";
    const dir = scratch(file);
    expect(briefpress(["build", `report/${file}`, "--formats", "pdf"], { cwd: dir }).code).toBe(0);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "dist", "line-ends", "brief.pdf"), "-"], { encoding: "utf8" });
    const words = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\u2010-\u2015]/g, "-").match(/[\p{L}\p{N}]+/gu) ?? [];
    const source = readFileSync(join(DIR, file), "utf8").split("## Findings")[1]!.split("[^1]:")[0]!.replace(/\[\^\d\]/g, "");
    // Every word of the paragraph, in order, each a word of its own: no "workrelated", no "round1".
    const printed = words(text);
    let at = 0;
    for (const w of words(source)) {
      const next = printed.indexOf(w, at);
      expect(next, `"${w}" after word ${at} in:\n${text}`).toBeGreaterThanOrEqual(0);
      if (at > 0) expect(next - at, `"${w}" follows closely`).toBeLessThanOrEqual(2);
      at = next + 1;
    }
    // No word glued to the note marker after it ("round1").
    expect(text).not.toMatch(/\p{L}\d/u);
  });
});
