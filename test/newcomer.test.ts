// The first hour of a new user: each slip a newcomer makes gives exactly one diagnostic,
// at its place, with the fix in it, and never a parser's own words. Fixtures are
// test/fixtures/newcomer/*.md with the expected diagnostic and its fix written inline.
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectations, key, mended } from "./helpers/expectations.js";
import { ROOT } from "./helpers/paths.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const DIR = join(ROOT, "test", "fixtures", "newcomer");
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith(".md")).sort();

/** What a parser says to itself, never to a writer. */
const INTERNALS = /Implicit keys|mapAsMap|Cannot read properties|compact mapping|Nested mappings|block sequence|implicit map key|Unexpected (?:scalar|token)|without - indicator|All mapping items|BAD_INDENT|TAB_AS_INDENT|MISSING_CHAR|undefined|\[object Object\]/;

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
  hints: string[];
}

function checkAll(files: Record<string, string>): { diagnostics: JsonDiagnostic[]; stderr: string } {
  const dir = scratchProject(files);
  copyFileSync(join(ROOT, "templates", "assets", "chart.svg"), join(dir, "assets", "chart.svg"));
  const r = briefpress(["check", ...Object.keys(files), "--format", "json"], { cwd: dir });
  return { diagnostics: (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics, stderr: r.stderr };
}

describe("newcomer mistakes: one diagnostic each, with the fix", () => {
  const texts = Object.fromEntries(FIXTURES.map((f) => [`report/${f}`, readFileSync(join(DIR, f), "utf8")]));
  const { diagnostics, stderr } = checkAll(texts);

  it("prints nothing of its own on stderr (no library warnings)", () => {
    expect(stderr).toBe("");
  });

  it.each(FIXTURES)("%s", (name) => {
    const text = texts[`report/${name}`] ?? "";
    const mine = diagnostics.filter((d) => d.file === `report/${name}` && d.severity !== "info");
    const expected = expectations(text).map(key);
    expect(expected).toHaveLength(1);
    expect(mine.map((d) => key({ rule: d.ruleId, line: d.line, column: d.column }))).toEqual(expected);
    const [only] = mine;
    // The fix is in the message or its hints, in the writer's terms.
    const said = `${only?.message} ${only?.hints.join(" ")}`;
    expect(said).toMatch(/quote|indent|spaces|tab|did you mean|relative to/i);
    expect(said).not.toMatch(INTERNALS);
  });

  it("each fixture, mended as its fix says, gives no error or warning at all", () => {
    const fixed = Object.fromEntries(Object.entries(texts).map(([f, t]) => [f, mended(t)]));
    const after = checkAll(fixed).diagnostics.filter((d) => d.severity !== "info");
    expect(after).toEqual([]);
  });
});

describe("YAML slips never reach the writer in the parser's words", () => {
  type Split = { splitFrontMatter(file: string, source: string): { diagnostics: Array<{ message: string; hints: string[]; ruleId: string; severity: string }> } };
  type Config = { parseConfig(text: string): { diagnostics: Array<{ message: string; hints: string[]; ruleId: string }> } };

  const VALID = `title: Water in the camp
subtitle: A field note
authors:
  - name: Ana Ruiz
    affiliation: Camp Watch
  - name: Bo Lee
summary: >-
  Two sectors fall short.
key_points:
  - One
  - Two
lang: en
`;
  // What a hurried writer does to YAML: a space too many or too few, a colon, a hash,
  // a tab, a stray quote or bracket.
  const SLIPS = [" ", "", ":", ": ", " #x", "\t", '"', "'", "[", "{", "- ", "@"];

  it("a thousand slips: no parser wording, no crash, every YAML error with a fix", async () => {
    const { splitFrontMatter } = (await import(pathToFileURL(join(ROOT, "build", "load", "frontmatter.js")).href)) as Split;
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.constantFrom(...SLIPS), fc.boolean(), (at, slip, remove) => {
        const yaml = remove ? VALID.slice(0, at) + VALID.slice(at + 1) : VALID.slice(0, at) + slip + VALID.slice(at);
        const { diagnostics } = splitFrontMatter("x.md", `---\n${yaml}---\n\nBody.\n`);
        for (const d of diagnostics) {
          expect(`${d.message} ${d.hints.join(" ")}`).not.toMatch(INTERNALS);
          if (d.ruleId === "frontmatter/yaml" && d.severity === "error") expect(d.hints.length).toBeGreaterThan(0);
        }
        // One slip, one YAML diagnostic, and nothing echoing it as an unknown key.
        expect(diagnostics.filter((d) => d.ruleId === "frontmatter/yaml").length).toBeLessThanOrEqual(1);
        expect(diagnostics.filter((d) => d.ruleId === "frontmatter/unknown" && /[[{]/.test(d.message))).toEqual([]);
      }),
      { numRuns: 1000, seed: 23 },
    );
  });

  it("briefpress.yaml: a colour with an unquoted # is one error that says to quote it", async () => {
    const { parseConfig } = (await import(pathToFileURL(join(ROOT, "build", "load", "config.js")).href)) as Config;
    const { diagnostics } = parseConfig("organisation:\n  name: Camp Watch\ncolors:\n  primary: #1f3a5f\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.ruleId).toBe("config/yaml");
    expect(diagnostics[0]?.hints.join(" ")).toContain('primary: "#1f3a5f"');
  });

  it("the logo in briefpress.yaml is said to be relative to the project, with the file meant", () => {
    const dir = scratchProject({ "briefpress.yaml": "organisation:\n  name: Camp Watch\n  logo: images/cover.svg\n", "report/x.md": "# A note\n\nText.\n" });
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.stdout).toMatch(/relative to the project folder/);
    expect(r.stdout).toContain('did you mean "assets/cover.svg"?');
  });
});
