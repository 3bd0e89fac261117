// The organisation on the deck: its logo on the title and closing slides (when the brand
// has one) in the model, the HTML's Marp source and the PPTX; its name once on the closing slide.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PALETTE } from "../src/brand/brand.js";
import { deriveColours } from "../src/brand/palette.js";
import { decodeImage } from "../src/assets/images.js";
import { loadBrief } from "../src/load/brief.js";
import { deriveDeck } from "../src/deck/derive.js";
import { deckMarkdown } from "../src/deck/marp/marp.js";
import { writePptx } from "../src/deck/pptx/pptx.js";
import { barChartPng } from "./helpers/chart.js";
import { ROOT, SAMPLE } from "./helpers/paths.js";
import { readPptx } from "./helpers/pptx.js";

const sample = loadBrief(SAMPLE, readFileSync(join(ROOT, SAMPLE), "utf8")).brief;
const fixture = loadBrief("report/speaker.md", readFileSync(join(ROOT, "test/fixtures/slides/speaker.md"), "utf8")).brief;

describe("the organisation on the deck", () => {
  it("names the organisation once on the closing slide, even when the contact line repeats it", () => {
    for (const brief of [sample, fixture]) {
      const closing = deriveDeck(brief).slides.at(-1);
      const name = brief.meta.organisation ?? "";
      expect(closing?.kind === "closing" && [closing.name, closing.contact ?? ""].join(" ").split(name).length - 1).toBe(1);
    }
    const closing = deriveDeck(sample).slides.at(-1);
    expect(closing?.kind === "closing" && closing.contact).toBe("Contact: Research desk");
  });

  it("has no logo unless the brand sets one", () => {
    const slides = deriveDeck(sample).slides;
    expect(slides.some((s) => (s.kind === "title" || s.kind === "closing") && s.logo)).toBe(false);
    expect(deckMarkdown(deriveDeck(sample), "briefpress", { image: (s) => s })).not.toContain("logo");
  });

  it("puts the brand's logo on the title and closing slides, with alt text, in Marp and in the PPTX", async () => {
    const logoPath = join(mkdtempSync(join(tmpdir(), "briefpress-logo-")), "logo.png");
    const png = await barChartPng([3, 5, 4], 240, 120);
    writeFileSync(logoPath, png);
    const deck = deriveDeck(sample, { name: "Global Human Rights Defence", logo: logoPath });
    const md = deckMarkdown(deck, "briefpress", { image: (s) => s });
    expect(md.split(`![Global Human Rights Defence logo h:`).length - 1).toBe(2);
    const file = join(mkdtempSync(join(tmpdir(), "briefpress-pptx-")), "slides.pptx");
    writeFileSync(file, await writePptx(deck, { brand: { colors: DEFAULT_PALETTE }, picture: (src) => (src === logoPath ? decodeImage(png) : null) }));
    const pptx = readPptx(file);
    const withLogo = pptx.slides.filter((s) => s.xml.includes('descr="Global Human Rights Defence logo"')).map((s) => s.title);
    expect(withLogo).toEqual([sample.title, "Global Human Rights Defence"]);
  });

  it("paints the PPTX masters, the cover and the table headers from the brand's palette", async () => {
    const green = { primary: "#0b6e4f", accent: "#b5461f" };
    const file = join(mkdtempSync(join(tmpdir(), "briefpress-pptx-")), "slides.pptx");
    writeFileSync(file, await writePptx(deriveDeck(fixture), { brand: { colors: green }, picture: () => null }));
    const pptx = readPptx(file);
    const layouts = Object.keys(pptx.files).filter((p) => p.startsWith("ppt/slideLayouts/") && p.endsWith(".xml")).map((p) => pptx.text(p)).join("");
    expect(layouts).toContain('<a:srgbClr val="0B6E4F"/>');
    expect(layouts).toContain('<a:srgbClr val="B5461F"/>');
    expect(layouts).not.toContain("1F3A5F");
    const tint = deriveColours(green).boxFill.slice(1).toUpperCase();
    const table = pptx.slides.find((s) => s.xml.includes("<a:tbl>"));
    expect(table?.xml).toContain(`<a:srgbClr val="${tint}"/>`);
  });

  it("shows TeX maths on a PPTX slide as its source", async () => {
    const text = "---\ntitle: Maths\n---\n\n## Growth\n\nThe rate is $r = \\frac{a}{b}$ each year.\n";
    const file = join(mkdtempSync(join(tmpdir(), "briefpress-pptx-")), "slides.pptx");
    writeFileSync(file, await writePptx(deriveDeck(loadBrief("report/m.md", text).brief), { brand: { colors: DEFAULT_PALETTE }, picture: () => null }));
    expect(readPptx(file).slides.find((s) => s.title === "Growth")?.texts.join("")).toContain("The rate is r = \\frac{a}{b} each year.");
  });
});
