// The placement pass, tested without writing a PDF: plans from the generated stress
// brief are checked for stranded headings, widows and orphans, repeated table headers,
// and footnotes on the page that calls them.
import { describe, expect, it } from "vitest";
import { briefBrand } from "../src/brand/brand.js";
import { loadBrief } from "../src/load/brief.js";
import { FontBook } from "../src/text/fonts.js";
import { breakLines } from "../src/pdf/layout/lines.js";
import { notesCalled } from "../src/pdf/layout/paginate.js";
import type { PagePlan, Placed, StructRef } from "../src/pdf/layout/plan.js";
import { planPdf } from "../src/pdf/render.js";
import { Workspace } from "../src/world/workspace.js";
import { ROOT } from "./helpers/paths.js";
import { STRESS, generateBrief } from "./support/generate.mjs";

type Line = Extract<Placed, { type: "line" }>;

const fonts = new FontBook(new Workspace(ROOT));
const { brief } = loadBrief("stress.md", generateBrief(STRESS).markdown);
const pages: PagePlan[] = planPdf({ brief, brand: briefBrand(brief.meta), fonts, images: new Map(), paper: "a4", date: new Date(0) });
const lines = (p: PagePlan) => p.items.filter((i): i is Line => i.type === "line" && i.tag !== "artifact");
const leaf = (l: Line): StructRef | undefined => (l.tag === "artifact" ? undefined : l.tag[l.tag.length - 1]);

describe("placement of the stress brief", () => {
  it("spans tens of pages", () => expect(pages.length).toBeGreaterThan(40));

  it("never leaves a heading as the last thing on a page", () => {
    const stranded = pages.slice(0, -1).flatMap((p, n) => {
      const last = lines(p).filter((l) => !/^(Note)$/.test(leaf(l)?.type ?? "")).at(-1);
      return last && /^H[1-3]$/.test(leaf(last)?.type ?? "") ? [`page ${n + 2}`] : [];
    });
    expect(stranded).toEqual([]);
  });

  it("leaves no single line of a paragraph alone at a page foot or head", () => {
    const perPage = new Map<number, number[]>();
    pages.forEach((p, n) => {
      for (const l of lines(p)) {
        const ref = leaf(l);
        if (ref?.type !== "P") continue;
        const counts = perPage.get(ref.id) ?? [];
        counts[n] = (counts[n] ?? 0) + 1;
        perPage.set(ref.id, counts);
      }
    });
    const split = [...perPage.values()].map((c) => c.filter((x) => x !== undefined));
    expect(split.filter((c) => c.length > 1).length).toBeGreaterThan(0);
    expect(split.filter((c) => c.length > 1 && c.some((x) => x < 2))).toEqual([]);
  });

  it("repeats a table's header row at the top of each page it continues on", () => {
    let continued = 0;
    pages.forEach((p) => {
      const first = p.items.find((i): i is Line => i.type === "line");
      const firstBody = lines(p)[0];
      if (firstBody && leaf(firstBody)?.type === "TD") {
        continued++;
        expect(first?.tag).toBe("artifact");
        expect(first?.line.fragments.map((f) => f.text).join("")).toBe("Year");
      }
    });
    expect(continued).toBeGreaterThan(0);
  });

  it("puts every footnote on the page that calls it", () => {
    const calledOn = new Map<number, number>();
    const placedOn = new Map<number, number>();
    pages.forEach((p, n) => {
      for (const item of p.items) {
        if (item.type === "line") for (const note of notesCalled(item.line)) if (!calledOn.has(note)) calledOn.set(note, n);
        if (item.type === "dest" && item.name.startsWith("note-")) placedOn.set(Number(item.name.slice(5)), n);
      }
    });
    expect(calledOn.size).toBe(brief.footnotes.length);
    for (const [note, page] of calledOn) expect(placedOn.get(note), `note ${note}`).toBe(page);
  });
});

describe("line breaking", () => {
  const style = { face: "serif" as const, size: 10.5, color: "#000000" };
  const text = "The official 赵乐际 met 金正恩 and 이명박 said 대한민국은 민주공화국이다 in 中华人民共和国全国人民代表大会常务委员会 today.";
  const linesAt = (width: number) => breakLines([{ text, style }], fonts, { width, leading: 15 }).map((l) => l.fragments.map((f) => f.text).join(""));

  it("keeps Chinese names and Korean words whole, at every measure", () => {
    // From the width of the longest of them up (narrower, any word is cut by characters).
    for (let width = 80; width <= 300; width += 3) {
      const joined = linesAt(width).join("|");
      for (const whole of ["赵乐际", "金正恩", "이명박", "대한민국은", "민주공화국이다"]) expect(joined, `width ${width}: ${joined}`).toContain(whole);
    }
  });

  it("still breaks a long run of Chinese between characters, losing none", () => {
    const lines = linesAt(60);
    expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    expect(lines.some((l) => /^[\p{Script=Han}]+$/u.test(l.trim()) && l.trim().length < 22)).toBe(true);
  });
});
