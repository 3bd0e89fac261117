// Finding author-date citations in prose, and reading free-form source entries.
import { describe, expect, it } from "vitest";
import { findCitations } from "../src/citations/find.js";
import { findNumericCitations } from "../src/citations/numeric.js";
import { findNoteCitations, italicShortNote } from "../src/citations/notes.js";
import { citableYears, parseSourceEntry } from "../src/citations/sources.js";
import { initialsOf } from "../src/citations/forms.js";
import { splitSources } from "../src/citations/section.js";
import { parseMarkdown } from "../src/parse/parse.js";

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
  // Issue 12: the styles' own forms, and parenthesised dates and figures that are not citations.
  ["(Okafor, Lindqvist, and Haddad 2019)", [{ authors: "Okafor, Lindqvist, and Haddad", year: "2019" }]],
  ["(Okafor, Lindqvist and Haddad, 2019)", [{ authors: "Okafor, Lindqvist and Haddad", year: "2019" }]],
  ["(Okafor et al 2019)", [{ authors: "Okafor et al", year: "2019" }]],
  ["Haddad et al (2019) found", [{ authors: "Haddad et al", year: "2019" }]],
  ["(Haddad 2020:38)", [{ authors: "Haddad", year: "2020", locator: "38" }]],
  ["(Okafor et al. 12)", [{ authors: "Okafor et al.", year: "", locator: "12" }]],
  ["(de la Cruz et al. 2023)", [{ authors: "de la Cruz et al.", year: "2023" }]],
  ["as von Arnim (2019) shows", [{ authors: "von Arnim", year: "2019" }]],
  ["(June 2021, N = 412)", []],
  ["(since 2019)", []],
  ["(Since 2019)", []],
  ["(n = 412)", []],
  ["(2019–2021)", []],
  ["in March (2019)", []],
  ["Mendez, “Courts,” in Asylum Law (London: Meridian Press, 2011), 45.", []],
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

describe("findNumericCitations", () => {
  const numbers = (text: string) => findNumericCitations(text).map((c) => c.items.map((i) => i.number));
  it("reads brackets, carets, superscript digits and Vancouver's parentheses", () => {
    expect(numbers("as shown [1], and [1, 3] and [2–4].")).toEqual([[1], [1, 3], [2, 3, 4]]);
    expect(numbers("as shown^1^ and^2,5^.")).toEqual([[1], [2, 5]]);
    expect(numbers("as shown¹ and again²,³.")).toEqual([[1], [2, 3]]);
    expect(numbers("as shown (1). Others agree (2, 3).")).toEqual([[1], [2, 3]]);
  });
  it("leaves enumerations, links and footnote references alone", () => {
    expect(numbers("The state must (1) stop returns and (2) release detainees.")).toEqual([]);
    expect(numbers("[1]: https://example.org and [link][2] and [^3]")).toEqual([]);
  });
});

describe("findNoteCitations", () => {
  const read = (text: string) => findNoteCitations(text, []).map((c) => (c.items[0]?.ibid ? `ibid ${c.items[0].locator}`.trim() : `${c.items[0]?.authors[0]} ${c.items[0]?.year} ${c.items[0]?.locator}`.trim()));
  it("reads a note as citations and prose", () => {
    expect(read("Mendez 2011, 45; Lutz 2016.")).toEqual(["Mendez 2011 45", "Lutz 2016"]);
    expect(read("On the camps, see Haddad 2020, pp. 80–82.")).toEqual(["Haddad 2020 pp. 80–82"]);
    expect(read("Ibid., 12.")).toEqual(["ibid 12"]);
    expect(read("Lutz 2016, 3; see ibid., 14.")).toEqual(["Lutz 2016 3", "ibid 14"]);
    expect(read("Id.")).toEqual(["ibid"]);
    expect(read("Mendez, op. cit., 47.")).toEqual(["Mendez  47"]);
    expect(read("Mendez, “Courts as Gatekeepers,” 47.")).toEqual(["Mendez  47"]);
    expect(read("See Mendez, “Courts as Gatekeepers,” 47.")).toEqual(["Mendez  47"]);
    expect(italicShortNote("See Lutz, ", ", 80.")).toEqual({ author: "Lutz", authorStart: 4, locator: "80", afterEnd: 4 });
    expect(italicShortNote("Interviews in Geneva and ", ".")).toBeNull();
    expect(read("Lucía Mendez, “Courts as Gatekeepers,” in Asylum Law in Practice (London: Meridian Press, 2011), 45.")[0]).toBe("Lucía Mendez");
  });
  it("leaves dates, laws and places alone", () => {
    expect(read("Interview, Seoul, 12 May 2023.")).toEqual([]);
    expect(read("Act No. 11298 of 2012, art. 3.")).toEqual([]);
    expect(read("The figures for 2019 were revised in March 2020.")).toEqual([]);
  });
});

describe("Sources headings as written", () => {
  const headings = ["IV. References", "7 References", "7. References:", "Notes:", "Endnotes", "References and further reading", "Works Cited", "Références", "Fuentes", "Bibliografía", "Quellen", "Литература", "참고문헌", "参考文献", "المراجع"];
  for (const heading of headings) {
    it(`finds "${heading}"`, () => {
      const { blocks } = parseMarkdown(`## Findings\n\nText.\n\n## ${heading}\n\nYoon, L. (2024). A title. Publisher.\n`);
      const split = splitSources(blocks);
      expect(split.heading).toBe(heading);
      expect(split.entries.map((e) => e.authors[0]?.family)).toEqual(["Yoon"]);
    });
  }
  it("does not take a heading that only mentions sources", () => {
    const { blocks } = parseMarkdown("## Notes on method\n\nText.\n\n## Sources of funding\n\nText.\n");
    expect(splitSources(blocks).heading).toBeNull();
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

describe("parseSourceEntry, in the common styles", () => {
  it("keeps particles with the family name and reads et al.", () => {
    expect(parseSourceEntry("De Souza, A., & van der Berg, P. (2021). Quiet borders. Migration Review, 5, 1–20.").authors.map((a) => a.family)).toEqual(["De Souza", "van der Berg"]);
    expect(parseSourceEntry("Arnim, Klara von. 2019. “Safe Third Countries Revisited.” Journal 21: 301–25.").authors[0]).toEqual({ family: "von Arnim", given: "Klara" });
    const mla = parseSourceEntry("Okafor, Chidi, et al. “Detention Conditions.” Journal of Refugee Studies, vol. 32, no. 4, 2019, pp. 611–30.");
    expect(mla.moreAuthors).toBe(true);
    expect(mla.year).toBe("2019");
    expect(mla.title).toBe("Detention Conditions");
  });

  it("reads numbered entries and their number", () => {
    const ieee = parseSourceEntry("[3] C. Okafor, M. Lindqvist, and R. Haddad, “Detention conditions,” Journal of Refugee Studies, vol. 32, pp. 611–630, 2019, doi: 10.1093/jrs/fez041.");
    expect(ieee.number).toBe(3);
    expect(ieee.authors.map((a) => a.family)).toEqual(["Okafor", "Lindqvist", "Haddad"]);
    expect(ieee.doi).toBe("10.1093/jrs/fez041");
    expect(parseSourceEntry("12. Okafor C, Lindqvist M. Detention conditions. J Refug Stud. 2019;32(4):611–30.").year).toBe("2019");
  });

  it("reads names in scripts without capitals as given and family name", () => {
    expect(parseSourceEntry("ليلى الحسيني. (2024). العودة المؤجلة. دار الشهادة.").authors).toEqual([{ family: "الحسيني", given: "ليلى" }]);
    expect(parseSourceEntry("רות כהן. (2024). דוח שטח. הוצאת העדות.").authors).toEqual([{ family: "כהן", given: "רות" }]);
  });

  it("marks ———. entries so they take the authors above", () => {
    expect(parseSourceEntry("———. 2024b. No Safe Harbour. Human Rights Watch.").sameAuthors).toBe(true);
    expect(parseSourceEntry("---. Sent Back. Human Rights Watch, 2024.").sameAuthors).toBe(true);
  });
});

describe("one entry, several years (issue 20)", () => {
  it("reads a serial, a season, a reprint and lettered undated entries", () => {
    const serial = parseSourceEntry("United Nations. (2016, 2017, 2018). *Statistical Annex*. New York.");
    expect(citableYears(serial.year, serial.dateText)).toEqual(expect.arrayContaining(["2016", "2017", "2018"]));
    const season = parseSourceEntry("Marlowe, K. (2019/2020). *Winter Survey*. Harbour Institute.");
    expect(citableYears(season.year, season.dateText)).toEqual(expect.arrayContaining(["2019", "2020", "2019/2020"]));
    const written = "Harlan, E. (1990). *The Poor Laws*. Meridian Press. (Original work published 1867)";
    const apa = parseSourceEntry(written);
    expect(citableYears(apa.year, apa.dateText, written)).toEqual(["1990", "1867", "1867/1990"]);
    const chicago = parseSourceEntry("Harlan, Edith. (1867) 1990. The Poor Laws. Meridian Press.");
    expect(chicago.year).toBe("1990");
    expect(chicago.title).toBe("The Poor Laws");
    expect(citableYears(chicago.year, chicago.dateText)).toContain("1867/1990");
    expect(parseSourceEntry("World Health Organization. (n.d. a). *By theme*.").year).toBe("n.d.-a");
    expect(parseSourceEntry("World Health Organization. (n.d.-b). *By category*.").year).toBe("n.d.-b");
    // A date that is more than years is one year: "last updated 2021" is not a second one.
    const updated = parseSourceEntry("Climate-Watch. (2019, last updated 2021). Capacity building.");
    expect(citableYears(updated.year, updated.dateText)).toEqual(["2019"]);
  });
  it("reads the same years in the text", () => {
    const years = (t: string) => findCitations(t).flatMap((c) => c.items.map((i) => i.year));
    expect(years("(Harlan, 1867/1990)")).toEqual(["1867/1990"]);
    expect(years("(Harlan [1867] 1990)")).toEqual(["1867/1990"]);
    expect(years("(WHO, n.d. d)")).toEqual(["n.d.-d"]);
    expect(years("(WHO, n.d.-a; Smith n.d. and more)")).toEqual(["n.d.-a"]);
    expect(years("Harlan (1867/1990) said")).toEqual(["1867/1990"]);
  });
});

describe("organisations by their initials (issue 20)", () => {
  it("takes the initials of the words that count", () => {
    expect(initialsOf("World Health Organization")).toBe("WHO");
    expect(initialsOf("United Nations Environment Programme")).toBe("UNEP");
    expect(initialsOf("Food and Agriculture Organization")).toBe("FAO");
    expect(initialsOf("Office of the High Commissioner for Human Rights")).toBe("OHCHR");
    expect(initialsOf("Oxfam")).toBe("");
  });
});
