// The deck model derived from test/fixtures/slides/speaker.md (a chart, a long table, a
// quote, a list introduced by a colon, eight key points, key figures) and from the sample:
// which slides, what is a bullet and what is not, whose citations, whose notes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { plainText } from "../src/model/plain-text.js";
import { deriveDeck } from "../src/deck/derive.js";
import { renderDeckHtml } from "../src/deck/marp/html.js";
import { deckMarkdown } from "../src/deck/marp/marp.js";
import type { Bullet, DeckSlide } from "../src/deck/model.js";
import { chunk, type Point } from "../src/deck/points.js";
import { ROOT, SAMPLE } from "./helpers/paths.js";

const FIXTURE = readFileSync(join(ROOT, "test/fixtures/slides/speaker.md"), "utf8");
const fixture = loadBrief("report/speaker.md", FIXTURE).brief;
const sample = loadBrief(SAMPLE, readFileSync(join(ROOT, SAMPLE), "utf8")).brief;
const ALT = /!\[([^\]]+)\]\(\.\.\/assets\/remand-chart\.png/.exec(FIXTURE)?.[1] ?? "";
const bulletsOf = (s: DeckSlide): Bullet[] => (s.kind === "points" ? s.bullets : []);
const textOf = (b: Bullet): string => plainText(b.inlines);

describe("deck model", () => {
  const deck = deriveDeck(fixture);
  const slides = deck.slides;

  it("gives the chart, the table and the quote slides of their own, after their section's bullets", () => {
    expect(slides.map((s) => s.kind)).toEqual(["title", "stat", "points", "points", "points", "figure", "points", "table", "table", "quote", "points", "sources", "closing"]);
    const figure = slides.find((s) => s.kind === "figure");
    expect(figure?.kind === "figure" && figure.picture).toEqual({ src: "../assets/remand-chart.png", alt: ALT });
    expect(figure?.kind === "figure" && plainText(figure.caption)).toBe("Figure 1: People held on remand in Veloria, 2019–2023.");
    expect(figure?.kind === "figure" && plainText(figure.credit)).toBe("Source: Northbridge Rights Monitor analysis of prison census returns");
  });

  it("never makes a caption or a credit a bullet", () => {
    const all = slides.flatMap(bulletsOf).flatMap((b) => [b, ...b.sub]).map(textOf);
    expect(all.length).toBeGreaterThan(10);
    for (const t of all) expect(t).not.toMatch(/^(Figure|Table) \d|^Source:/);
  });

  it("keeps a list on the slide of the sentence that introduces it", () => {
    const lead = slides.flatMap(bulletsOf).find((b) => textOf(b).startsWith("The monitor's visits found three causes"));
    expect(lead?.sub.map(textOf)).toEqual(["Bail hearings are adjourned when no judge is free.", "Prosecutors ask for remand by default.", "Legal aid lawyers carry caseloads of several hundred files."]);
  });

  it("lets a bullet keep only its own sentence's citations", () => {
    const first = slides.flatMap(bulletsOf).find((b) => textOf(b).startsWith("Remand in Veloria grew"));
    expect(first && textOf(first)).toBe("Remand in Veloria grew by a third between 2019 and 2023 (Okafor 2023).");
    expect(first?.cites.map((i) => fixture.sources[i]?.authors[0]?.family)).toEqual(["Okafor"]);
  });

  it("splits eight key points into a slide and its continuation, both with notes", () => {
    const keyPoints = slides.filter((s) => s.kind === "points" && s.role === "key-points");
    expect(keyPoints.map((s) => s.title)).toEqual(["Key points", "Key points (cont.)"]);
    expect(keyPoints.flatMap(bulletsOf).map(textOf)).toEqual(fixture.meta.key_points);
    for (const s of keyPoints) expect(s.notes.join(" ").length).toBeGreaterThan(20);
  });

  it("repeats a long table's header on each of its slides and shares its rows out evenly (4 + 4, not 6 + 2)", () => {
    const tables = slides.filter((s): s is Extract<DeckSlide, { kind: "table" }> => s.kind === "table");
    expect(tables.map((t) => t.rows.length)).toEqual([4, 4]);
    for (const t of tables) expect(t.header.map(plainText)).toEqual(["Region", "Median wait", "Longest wait", "Detainees"]);
    expect(tables[1]?.title).toMatch(/\(cont\.\)$/);
  });

  it("quotes with the attribution apart, and shows the key figures as number and label", () => {
    const quote = slides.find((s) => s.kind === "quote");
    expect(quote?.kind === "quote" && plainText(quote.attribution)).toBe("A defence lawyer in the capital, March 2024");
    const stat = slides.find((s) => s.kind === "stat");
    expect(stat?.kind === "stat" && stat.figures).toEqual([
      { value: "61%", label: "of prisoners are awaiting trial" },
      { value: "14 months", label: "median wait for a first hearing" },
      { value: "1 in 5", label: "detainees sees a legal aid lawyer" },
    ]);
  });

  it("gives every slide but the closing one speaker notes, in the sample too", () => {
    for (const d of [deck, deriveDeck(sample)]) {
      const closing = d.slides.at(-1);
      expect(closing?.kind).toBe("closing");
      expect(closing?.notes).toEqual([]);
      for (const s of d.slides.slice(0, -1)) expect(s.notes.join("").trim(), `${s.kind} "${s.title}"`).not.toBe("");
    }
  });

  it("gives a brief without headings its paragraphs as a section", () => {
    const letter = loadBrief("report/letter.md", "---\ntitle: A letter\n---\n\nDear minister, remand has grown by a third. We ask for a review.\n").brief;
    const slides = deriveDeck(letter).slides;
    expect(slides.map((s) => `${s.kind} ${s.title}`)).toEqual(["title A letter", "points A letter", "closing A letter"]);
  });

  it("gives even a bare brief's title slide notes, and a quote of a list its text", () => {
    const bare = loadBrief("report/bare.md", "## Only a section\n\n> - a listed line\n> - another\n").brief;
    const slides = deriveDeck(bare).slides;
    expect(slides.map((s) => s.kind)).toEqual(["title", "quote", "closing"]);
    expect(slides[0]?.notes.join("")).not.toBe("");
    expect(slides[1]?.kind === "quote" && plainText(slides[1].quote)).toContain("a listed line");
  });

  it("gives each recommendations slide the full text of its own recommendations as notes", () => {
    const recs = deriveDeck(sample).slides.filter((s) => s.kind === "points" && s.role === "recommendations");
    expect(recs.map((s) => s.notes.map((n) => /^\d+\. \S+ \S+/.exec(n)?.[0]))).toEqual([["1. Government of", "2. Government of", "3. UNHCR. Reaffirm"], ["4. UN member", "5. Government of"]]);
  });

  it("takes the sample's quote out of the bullets onto a quote slide with its citation", () => {
    const quote = deriveDeck(sample).slides.find((s) => s.kind === "quote");
    expect(quote?.kind === "quote" && plainText(quote.quote)).toMatch(/^No North Korean should be sent back/);
    expect(quote?.kind === "quote" && plainText(quote.attribution)).toBe("(HRC 2014; Yoon 2024)");
  });

  it("keeps alt text whole where Marp would read its words as image keywords", () => {
    const alt = "Map of the coast at sepia dusk, fit for print, with a blur of rain";
    const text = FIXTURE.replace(ALT, alt);
    const deck = deriveDeck(loadBrief("report/speaker.md", text).brief);
    const { html } = renderDeckHtml({ markdown: deckMarkdown(deck, "briefpress", { image: (src) => src }), themeCss: "/* @theme briefpress */", fontCss: "", title: "t", lang: "en" });
    const img = /<img[^>]*remand-chart[^>]*>/.exec(html)?.[0] ?? "";
    expect(img).not.toContain("filter");
    expect(/alt="([^"]*)"/.exec(img)?.[1]?.replace(/\u2060/g, "")).toBe(alt);
  });

  it("takes a section's ::: notes block as its speaker notes, and keeps hidden content out of slides and notes", () => {
    const text = "---\ntitle: Notes\n---\n\n## Findings\n\nRemand grew by a third.\n\n::: {.notes}\nStart with the census figure, then pause.\n:::\n\n::: hidden\nOnly for the HTML edition.\n:::\n";
    const slide = deriveDeck(loadBrief("report/notes.md", text).brief).slides.find((s) => s.title === "Findings");
    expect(slide?.notes).toEqual(["Start with the census figure, then pause."]);
    expect(slide?.kind === "points" && slide.bullets.map(textOf)).toEqual(["Remand grew by a third."]);
    expect(JSON.stringify(slide)).not.toContain("HTML edition");
  });
});

describe("points over slides (issue 21)", () => {
  const point = (length: number, from: number): Point => {
    const text = `Point ${from} `.padEnd(length, "x");
    return { bullet: { inlines: [{ kind: "text", text }], cites: [], sub: [] }, from, note: text };
  };
  const sizes = (n: number, length: number, limit: number) => chunk(Array.from({ length: n }, (_, i) => point(length, i)), 4, limit).map((g) => g.length);

  it("spares a lone point a continuation slide of its own when the others can take it within a quarter over", () => {
    expect(sizes(5, 250, 600)).toEqual([3, 2]);
  });

  it("keeps the third slide when taking its point would crowd the others", () => {
    expect(sizes(5, 300, 600)).toEqual([2, 2, 1]);
  });

  it("never repeats a lead-in on one slide: the pieces of its list that share a slide are one bullet", () => {
    const lead = point(90, 0);
    const withList: Point = { ...lead, bullet: { ...lead.bullet, sub: [1, 2, 3, 4, 5].map((i) => point(150, i).bullet) } };
    // Fitting asked for at most one item of the list per piece.
    const groups = chunk([withList], 4, 600, 1, 1);
    expect(groups.every((g) => g.length === 1)).toBe(true);
    expect(groups.map((g) => g[0]?.bullet.sub.length)).toEqual(groups.map((g) => g.flatMap((p) => p.bullet.sub).length));
    expect(groups.flatMap((g) => g.flatMap((p) => p.bullet.sub)).map((b) => plainText(b.inlines).slice(0, 7))).toEqual(["Point 1", "Point 2", "Point 3", "Point 4", "Point 5"]);
  });
});

describe("a long section, condensed", () => {
  // Twelve paragraphs and five testimonies under one heading: a monitoring report's chapter.
  const paragraphs = Array.from({ length: 12 }, (_, i) => `Finding ${i + 1} was recorded in the district logs. It was confirmed by two monitors.`);
  const quotes = Array.from({ length: 5 }, (_, i) => `> Witness ${i + 1} said the officers kept the group standing for hours.`);
  const source = `---\ntitle: Long chapter\n---\n\n## Detentions\n\n${paragraphs.slice(0, 6).join("\n\n")}\n\n${quotes.join("\n\n")}\n\n${paragraphs.slice(6).join("\n\n")}\n`;
  const slides = deriveDeck(loadBrief("report/long.md", source).brief).slides.filter((s) => s.title.startsWith("Detentions"));
  const bullets = slides.flatMap(bulletsOf).map(textOf);
  const notes = slides.flatMap((s) => s.notes).join("\n");

  it("shows two slides of bullets and two of quotes, not a slide for every four paragraphs and every quote", () => {
    expect(slides.map((s) => s.kind)).toEqual(["points", "points", "quote", "quote"]);
    expect(bullets).toEqual(paragraphs.slice(0, 8).map((p) => p.split(". ")[0] + "."));
  });

  it("keeps every paragraph and every quote it does not show in the notes, in full", () => {
    for (const p of paragraphs) expect(notes).toContain(p);
    for (const q of quotes) expect(notes).toContain(q.slice(2));
  });
});
