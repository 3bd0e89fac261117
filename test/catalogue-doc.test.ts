// The reference documents every rule at the severity check reports it: the table in
// docs/REFERENCE.md must be the one generated from the catalogue.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogueTable } from "../src/check/catalogue-table.js";
import { CATALOGUE } from "../src/model/catalogue.js";

const doc = readFileSync(new URL("../docs/REFERENCE.md", import.meta.url), "utf8");

describe("docs/REFERENCE.md's rule table", () => {
  it("is the catalogue's table (run node tools/rules-doc.mjs after changing the catalogue)", () => {
    const start = doc.indexOf("<!-- rules:start");
    const end = doc.indexOf("<!-- rules:end -->");
    expect(start).toBeGreaterThan(0);
    const section = doc.slice(doc.indexOf("\n", start) + 1, end).trim();
    expect(section).toBe(catalogueTable());
  });

  it("names every rule id once, with its declared severity", () => {
    for (const [id, info] of Object.entries(CATALOGUE)) {
      const rows = doc.split("\n").filter((line) => line.startsWith(`| \`${id}\` |`));
      expect(rows, id).toHaveLength(1);
      expect(rows[0]!.split("|")[2]!.trim().startsWith(info.severity), id).toBe(true);
    }
  });
});
