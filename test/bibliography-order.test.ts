// The list printed from a .bib follows the style's order, as Pandoc's: author then year in
// author–date styles, first citation in numeric ones. Free-form lists print as written.
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { printedSources } from "../src/citations/style.js";

const BIB = `@book{zed2020, author = {Zed, Ana}, title = {Last}, year = {2020}}
@book{abe2021, author = {Abe, Ben}, title = {First}, year = {2021}}
@book{abe2019, author = {Abe, Ben}, title = {Earlier}, year = {2019}}`;
const io = { readRelative: (path: string) => ({ file: path, text: BIB }) };
const brief = (style?: string) =>
  loadBrief("report/o.md", `---\nbibliography: refs.bib\n${style ? `citation-style: ${style}\n` : ""}---\n\nText [@zed2020; @abe2021; @abe2019].\n`, io).brief;

describe("printed bibliography order", () => {
  it("sorts by author, then year, in an author–date style", () => {
    const b = brief();
    expect(printedSources(b).map((i) => b.sources[i]?.key)).toEqual(["abe2019", "abe2021", "zed2020"]);
  });
  it("keeps the order of first citation in a numeric style", () => {
    const b = brief("vancouver");
    expect(printedSources(b).map((i) => b.sources[i]?.key)).toEqual(["zed2020", "abe2021", "abe2019"]);
  });
});
