// Fixture-driven rule tests: each test/fixtures/rules/*.md states the diagnostics it
// expects inline, as HTML comments:
//   <!-- expect citation/unresolved at "Yon 2024" -->
// meaning: a diagnostic with that rule id whose span starts at the first occurrence of
// the quoted text in the file (after the comment lines are ignored). A fixture with no
// expect comments must check clean. Every diagnostic must be expected, and vice versa.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { expectations, key } from "./helpers/expectations.js";
import { briefpress } from "./helpers/run.js";

const DIR = join(ROOT, "test", "fixtures", "rules");

describe("rule fixtures", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".md")).sort();
  it("exist", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(DIR, file), "utf8");
      const r = briefpress(["check", join("test", "fixtures", "rules", file), "--format", "json"]);
      const json = JSON.parse(r.stdout) as { diagnostics: Array<{ ruleId: string; line: number; column: number }> };
      const got = json.diagnostics.map((d) => key({ rule: d.ruleId, line: d.line, column: d.column })).sort();
      expect(got).toEqual(expectations(text).map(key).sort());
    });
  }
});
