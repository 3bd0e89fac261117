// Finding author-date citations in prose, and reading free-form source entries.
import { describe, expect, it } from "vitest";
import { findCitations } from "../src/citations/find.js";
import { parseSourceEntry } from "../src/citations/sources.js";

const cases: Array<[string, Array<{ authors: string; year: string; locator?: string }>]> = [
  ["as reported (Yoon 2024).", [{ authors: "Yoon", year: "2024" }]],
  ["(Yoon 2024, 3)", [{ authors: "Yoon", year: "2024", locator: "3" }]],
  ["(Yoon 2024, pp. 3–5)", [{ authors: "Yoon", year: "2024", locator: "pp. 3–5" }]],
  ["(see Yoon 2024)", [{ authors: "Yoon", year: "2024" }]],
  ["(Yoon 2024; Human Rights Council 2014)", [{ authors: "Yoon", year: "2024" }, { authors: "Human Rights Council", year: "2014" }]],
  ["(Yoon 2024, 2025)", [{ authors: "Yoon", year: "2024" }, { authors: "Yoon", year: "2025" }]],
  ["Yoon (2024) reports", [{ authors: "Yoon", year: "2024" }]],
  ["Yoon and Kim (2023) argue", [{ authors: "Yoon and Kim", year: "2023" }]],
  ["Smith et al. (2022) found", [{ authors: "Smith et al.", year: "2022" }]],
  ["(Smith et al. 2022)", [{ authors: "Smith et al.", year: "2022" }]],
  ["(HRC 2014)", [{ authors: "HRC", year: "2014" }]],
  ["(Yoon 2024a)", [{ authors: "Yoon", year: "2024a" }]],
  ["(Sáenz n.d.)", [{ authors: "Sáenz", year: "n.d." }]],
  ["(윤 2024)", [{ authors: "윤", year: "2024" }]],
  ["(赵乐际 2023)", [{ authors: "赵乐际", year: "2023" }]],
  ["(O’Brien 2019)", [{ authors: "O’Brien", year: "2019" }]],
  ["(Yoon\u00a02024)", [{ authors: "Yoon", year: "2024" }]],
  ["(Article 33 1951)", []],
  ["(A/HRC/25/CRP.1)", []],
  ["the Korean War of 1950–53", []],
  ["(1950-1953)", []],
];

describe("findCitations", () => {
  for (const [text, want] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const got = findCitations(text).flatMap((c) => c.items.map((i) => ({ authors: i.authors[0], year: i.year, locator: i.locator || undefined })));
      expect(got).toEqual(want.map((w) => ({ ...w, locator: w.locator })));
    });
  }

  it("takes the whole organisation name before a narrative year, and shorter runs as fallbacks", () => {
    const [c] = findCitations("According to Human Rights Watch (2024), returns rose.");
    expect(c?.items[0]?.authors).toEqual(["Human Rights Watch", "Rights Watch", "Watch"]);
    expect(c?.raw).toBe("Human Rights Watch (2024)");
  });

  it("does not read table-cell lookalikes as narrative citations when asked not to", () => {
    expect(findCitations("Full (2008)", { narrative: false })).toEqual([]);
  });

  it("gives offsets that point at the citation", () => {
    const text = "Returns (Yoon 2024) rose.";
    const [c] = findCitations(text);
    expect(text.slice(c?.start, c?.end)).toBe("(Yoon 2024)");
  });
});

describe("parseSourceEntry", () => {
  it("reads a person, a spelled-out date, title and URL", () => {
    const e = parseSourceEntry("Lina Yoon. (May 8th 2024). China Forcibly Returns 60 Refugees to North Korea. Human Rights Watch. https://www.hrw.org/news/x.");
    expect(e.authors).toEqual([{ family: "Yoon", given: "Lina" }]);
    expect(e.year).toBe("2024");
    expect(e.title).toBe("China Forcibly Returns 60 Refugees to North Korea");
    expect(e.url).toBe("https://www.hrw.org/news/x");
  });

  it("reads an organisation with its acronym and a day-month-year date", () => {
    const e = parseSourceEntry("Human Rights Council (HRC). (7 February 2014). Report of the detailed findings. A/HRC/25/CRP.1.");
    expect(e.authors).toEqual([{ family: "Human Rights Council", literal: "Human Rights Council", acronym: "HRC" }]);
    expect(e.year).toBe("2014");
    expect(e.dateText).toBe("7 February 2014");
  });

  it("reads n.d. and family-first author lists", () => {
    const e = parseSourceEntry("Smith, J., Jones, K. and Lee, M. (n.d.). A title. Publisher.");
    expect(e.year).toBe("n.d.");
    expect(e.authors.map((a) => a.family)).toEqual(["Smith", "Jones", "Lee"]);
  });

  it("keeps a year suffix", () => {
    expect(parseSourceEntry("Yoon, L. (2024b). Second report.").year).toBe("2024b");
  });
});
