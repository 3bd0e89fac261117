// Property test: random markdown documents (headings, paragraphs, lists, tables, quotes,
// footnotes, citations, several scripts) lay out without throwing and lose no word.
// 500 documents through the placement pass; a sample of them through real PDFs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { briefBrand } from "../src/brand/brand.js";
import { loadBrief } from "../src/load/brief.js";
import { FontBook } from "../src/text/fonts.js";
import { planPdf, renderPdf } from "../src/pdf/render.js";
import type { PagePlan } from "../src/pdf/layout/plan.js";
import { Workspace } from "../src/world/workspace.js";
import { ROOT } from "./helpers/paths.js";
import { blockWords, missingInOrder } from "./helpers/words.js";
import { readPdfBuffer, words } from "./helpers/pdf.js";

const fonts = new FontBook(new Workspace(ROOT));

const WORDS = ["returns", "border", "Sáenz", "refoulement", "O’Brien", "détention", "Zürich", "윤석열", "김정은", "赵乐际", "金正恩", "Müller", "naïve", "año", "Łódź", "2024", "UNHCR"];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
const cite = fc.constantFrom(" (Kim 2020)", " (Kim 2020, 4)", "", "", "");

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(sentence, cite).map(([s, c]) => `${s}${c}.`) },
  { weight: 1, arbitrary: sentence.map((s) => `### ${s}`) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 5 }).map((items) => items.map((s, i) => `${"  ".repeat(Math.min(i, 3))}- ${s}`).join("\n")) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((s, i) => `${i + 1}. ${s}`).join("\n")) },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(word, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }))
      .map(([n, rows]) => [`| ${rows[0]!.slice(0, n).join(" | ")} |`, `|${" --- |".repeat(n)}`, ...rows.slice(1).map((r) => `| ${r.slice(0, n).join(" | ")} |`)].join("\n")),
  },
);

const document = fc.array(fc.array(block, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }).map((sections) => {
  const body = sections.map((blocks, i) => `## Section ${i + 1}\n\n${blocks.join("\n\n")}`).join("\n\n");
  return `---\ntitle: "Random"\n---\n\n${body}\n\nA noted point.[^1]\n\n[^1]: ${WORDS.slice(0, 5).join(" ")}.\n\n## Sources\n\nMin-ji Kim. (2020). A report. Publisher.\n`;
});

function planWords(pages: PagePlan[]): string[] {
  return pages.flatMap((p) => p.items.flatMap((i) => (i.type === "line" ? i.line.fragments.map((f) => f.text).join("") + " " : ""))).flatMap((t) => words(t));
}

describe("random documents", () => {
  it("lay out 500 documents without throwing, every source word placed in order", () => {
    fc.assert(
      fc.property(document, (md) => {
        const { brief } = loadBrief("random.md", md);
        const pages = planPdf({ brief, brand: briefBrand(brief.meta), fonts, images: new Map(), paper: "a4", date: new Date(0) });
        const placed = planWords(pages);
        const body = brief.blocks.filter((b) => b.kind !== "table");
        expect(missingInOrder(placed, blockWords(body))).toBeNull();
        const cells = blockWords(brief.blocks.filter((b) => b.kind === "table"));
        expect(cells.filter((w) => !placed.includes(w))).toEqual([]);
      }),
      { numRuns: 500, seed: 1128 },
    );
  });

  it("write real PDFs in which pdfjs finds every word", async () => {
    await fc.assert(
      fc.asyncProperty(document, async (md) => {
        const { brief } = loadBrief("random.md", md);
        const pdf = await renderPdf({ brief, brand: briefBrand(brief.meta), fonts, images: new Map(), paper: "a4", date: new Date(0) });
        const reading = await readPdfBuffer(pdf);
        const found = reading.pages.flatMap((p) => words(p.text));
        expect(missingInOrder(found, blockWords(brief.blocks.filter((b) => b.kind !== "table")))).toBeNull();
      }),
      { numRuns: 100, seed: 2811 },
    );
  });
});
