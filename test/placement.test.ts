// Print polish, rule by rule: the placement pass fed hand-made flow items (so each rule is
// tested where it matters, at a page foot), and the flow and cover of real briefs.
import { describe, expect, it } from "vitest";
import { decodeImage } from "../src/assets/images.js";
import { briefBrand, DEFAULT_PALETTE } from "../src/brand/brand.js";
import { formatDate } from "../src/model/dates.js";
import { loadBrief } from "../src/load/brief.js";
import { FontBook } from "../src/text/fonts.js";
import { breakLines, type Line } from "../src/pdf/layout/lines.js";
import { paginate } from "../src/pdf/layout/paginate.js";
import { StructIds, type FigureItem, type ImageAsset, type TableItem, type PagePlan, type Placed, type TextItem } from "../src/pdf/layout/plan.js";
import { planPdf } from "../src/pdf/render.js";
import { lookFor, pageGeometry } from "../src/pdf/layout/style.js";
import { Workspace } from "../src/world/workspace.js";
import { ROOT } from "./helpers/paths.js";
import { sampleSource } from "./helpers/project.js";

const fonts = new FontBook(new Workspace(ROOT));
const geo = pageGeometry("a4");
const colours = lookFor(DEFAULT_PALETTE).colours;
const ids = new StructIds();
const TEXT_HEIGHT = geo.bottom - geo.top;

const lineOf = (size: number, leading: number): Line => {
  const line = breakLines([{ text: "word", style: { face: "serif", size, color: "#000000" } }], fonts, { width: 400, leading })[0];
  if (!line) throw new Error("no line");
  return line;
};
const BODY = lineOf(10.5, 15);

function text(lines: number, extra: Partial<TextItem> = {}, line = BODY): TextItem {
  return { type: "text", role: "P", lines: Array.from({ length: lines }, () => line), indent: 0, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, keepTogether: false, tag: [ids.next(extra.role ?? "P")], ...extra };
}
const box = (lines: number) => text(lines, { box: { fill: colours.boxFill, pad: 7 } });
const heading = () => text(1, { role: "H2", keepWithNext: true, spaceBefore: 14, spaceAfter: 5 }, lineOf(14, 18));
const SQUARE: ImageAsset = { kind: "svg", svg: "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'/>", width: 10, height: 10 };
const figure = (height: number): FigureItem => ({ type: "figure", image: SQUARE, alt: "a chart", tag: [ids.next("Figure")], captionTag: [ids.next("Caption")], width: height, height, caption: [], spaceBefore: 6, spaceAfter: 10 });

/** The page each line of `item` landed on, in order. */
function pagesOf(pages: PagePlan[], item: TextItem): number[] {
  const id = item.tag === "artifact" ? -1 : item.tag.at(-1)?.id;
  return pages.flatMap((p, n) => p.items.filter((i) => i.type === "line" && i.tag !== "artifact" && i.tag.at(-1)?.id === id).map(() => n));
}
const counts = (xs: number[]) => [...new Set(xs)].map((n) => xs.filter((x) => x === n).length);

describe("boxes at a page foot", () => {
  it("keeps a box of ten lines whole, on the next page, rather than split it", () => {
    const b = box(10);
    const pages = paginate([text(40), b], geo, { colours });
    expect(counts(pagesOf(pages, b))).toEqual([10]);
    expect(pagesOf(pages, b)[0]).toBe(1);
  });

  it("splits a longer box only where at least three lines stay on each side", () => {
    const b = box(14);
    const pages = paginate([text(40), b], geo, { colours });
    const split = counts(pagesOf(pages, b));
    expect(split.length).toBe(2);
    expect(Math.min(...split)).toBeGreaterThanOrEqual(3);
  });

  it("moves a long box whole when only two of its lines would fit", () => {
    const b = box(14);
    const pages = paginate([text(43), b], geo, { colours });
    expect(counts(pagesOf(pages, b))).toEqual([14]);
  });
});

describe("headings", () => {
  it("take at least two lines of what follows, even one-line notes or sources", () => {
    const note = lineOf(8.5, 11.5);
    const h = heading();
    const notes = Array.from({ length: 6 }, () => text(1, { role: "Note", spaceAfter: 3 }, note));
    // A page with room for the heading and one note, not two.
    const filler = text(43);
    const room = TEXT_HEIGHT - 43 * 15;
    expect(room).toBeGreaterThan(14 + 18 + 5 + 11.5);
    expect(room).toBeLessThan(14 + 18 + 5 + 11.5 * 2 + 3);
    const pages = paginate([filler, h, ...notes], geo, { colours });
    const headingPage = pagesOf(pages, h)[0];
    const withIt = notes.filter((n) => pagesOf(pages, n)[0] === headingPage);
    expect(withIt.length).toBeGreaterThanOrEqual(2);
  });

  it("take a subheading and two lines after it along", () => {
    const h2 = heading();
    const h3 = heading();
    const para = text(6);
    const pages = paginate([text(43), h2, h3, para], geo, { colours });
    const onPage = pagesOf(pages, h2)[0];
    expect(pagesOf(pages, h3)[0]).toBe(onPage);
    expect(pagesOf(pages, para).filter((p) => p === onPage).length).toBeGreaterThanOrEqual(2);
  });
});

describe("headings over tables", () => {
  it("take the table's header row and first row along, however tall", () => {
    const cell = (n: number) => Array.from({ length: n }, () => BODY);
    const table: TableItem = { type: "table", columns: [204, 204], header: [cell(3), cell(1)], rows: [[cell(4), cell(1)], [cell(1), cell(1)]], align: ["left", "left"], pad: 4, path: [ids.next("Table")], rowTags: [ids.next("TR"), ids.next("TR"), ids.next("TR")], cellTags: [[ids.next("TH"), ids.next("TH")], [ids.next("TD"), ids.next("TD")], [ids.next("TD"), ids.next("TD")]], spaceBefore: 6, spaceAfter: 10 };
    const h = heading();
    // Room for the heading and 40 pt of table, not for its 3-line header and 4-line first row.
    const pages = paginate([text(40), h, table], geo, { colours });
    const headingPage = pagesOf(pages, h)[0];
    const tablePage = pages.findIndex((p) => p.items.some((i) => i.type === "line" && i.tag !== "artifact" && i.tag.at(-1)?.type === "TH"));
    expect(headingPage).toBe(tablePage);
  });
});

describe("figures", () => {
  it("float: the paragraphs after a figure that does not fit fill the page, the figure opens the next", () => {
    const fig = figure(300);
    const after = Array.from({ length: 8 }, () => text(3, { spaceAfter: 7 }));
    const pages = paginate([text(32), fig, ...after], geo, { colours });
    const image = (p: PagePlan) => p.items.find((i): i is Extract<Placed, { type: "image" }> => i.type === "image");
    expect(image(pages[0]!)).toBeUndefined();
    const placed = image(pages[1]!);
    expect(placed?.y).toBe(geo.top);
    // Page 1 ends no more than a fifth of the text block empty.
    const bottom = Math.max(...pages[0]!.items.map((i) => (i.type === "line" ? i.y + i.line.height : 0)));
    expect(geo.bottom - bottom).toBeLessThan(TEXT_HEIGHT / 5);
    expect(pagesOf(pages, after[0]!)).toEqual([0, 0, 0]);
  });

  it("never float past a heading: the figure stays in its section", () => {
    const fig = figure(300);
    const h = heading();
    const pages = paginate([text(32), fig, h, text(3)], geo, { colours });
    const figurePage = pages.findIndex((p) => p.items.some((i) => i.type === "image"));
    expect(figurePage).toBeLessThanOrEqual(pagesOf(pages, h)[0]!);
  });
});

describe("a brief's boxes and cover", () => {
  const long = Array.from({ length: 90 }, (_, i) => ["a", "to", "the", "state", "returns"][i % 5]).join(" ");
  const markdown = `---\ntitle: Boxes\n---\n\n## Recommendations\n\n1. **To the state.** ${long}\n2. **To the agency.** ${long}\n\n## Notes on method\n\n::: note\n${long}\n:::\n\n\`\`\`\n${long.slice(0, 400)}\n\`\`\`\n`;
  const { brief } = loadBrief("boxes.md", markdown);
  const pages = planPdf({ brief, brand: briefBrand(brief.meta), fonts, images: new Map(), paper: "a4", date: new Date(0) });

  it("pads every box equally on the left and the right", () => {
    const items = pages.filter((p) => p.kind === "body").flatMap((p) => p.items);
    const rects = items.filter((i): i is Extract<Placed, { type: "rect" }> => i.type === "rect" && i.h > 20);
    expect(rects.length).toBeGreaterThanOrEqual(4);
    for (const r of rects) {
      const inside = items.filter((i): i is Extract<Placed, { type: "line" }> => i.type === "line" && i.y >= r.y && i.y < r.y + r.h && i.tag !== "artifact" && i.tag.at(-1)?.type !== "Lbl");
      const left = Math.min(...inside.map((l) => l.x)) - r.x;
      const right = r.x + r.w - Math.max(...inside.map((l) => l.x + l.line.width));
      // Ragged right: the longest line ends within a short word of the padding, never in it.
      expect(right, `box at y=${r.y}`).toBeGreaterThanOrEqual(Math.min(left, 7) - 0.5);
      expect(right).toBeLessThan(Math.min(left, 7) + 20);
    }
  });

  it("prints each datum once on the cover and sets the credit under its picture", () => {
    const sample = loadBrief("report/x.md", sampleSource()).brief;
    // A 4:3 picture, narrower than the text block once its height is capped.
    const cover = decodeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300"/></svg>'));
    if (!cover || !sample.meta.cover || !sample.meta.date) throw new Error("the sample has a cover and a date");
    const [first] = planPdf({ brief: sample, brand: briefBrand(sample.meta), fonts, images: new Map([[sample.meta.cover.image, cover]]), paper: "a4", date: new Date(0) });
    const lines = (first?.items ?? []).filter((i): i is Extract<Placed, { type: "line" }> => i.type === "line");
    const all = lines.map((l) => l.line.fragments.map((f) => f.text).join("")).join("\n");
    expect(all.split(formatDate(sample.meta.date)).length - 1).toBe(1);
    expect(all.split(sample.meta.organisation ?? "?").length - 1).toBe(1);
    const picture = first?.items.find((i) => i.type === "image" && i.tag !== "artifact");
    const credit = lines.find((l) => l.tag !== "artifact" && l.tag.at(-1)?.type === "Caption");
    expect(picture && picture.type === "image" ? picture.x : NaN).toBeCloseTo(credit?.x ?? 0, 3);
    expect(picture?.type === "image" ? picture.x : 0).toBeGreaterThan(geo.left + 1);
  });
});

