// Every text colour of the deck theme against the background it sits on, by WCAG 2's
// contrast ratio: 4.5:1 for body text, 3:1 for large text (the key figures' numbers).
// axe-core checks the rendered decks too, but cannot see a background behind Marp's layers.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_PALETTE } from "../src/brand/brand.js";
import { deckPaletteCss } from "../src/brand/palette.js";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { barChartPng } from "./helpers/chart.js";
import { ROOT } from "./helpers/paths.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const THEME = readFileSync(join(ROOT, "slides/themes/briefpress.css"), "utf8");
// The palette's variables come first (issue 15), the theme after, as the build joins them.
let CSS = "";
let vars: Record<string, string> = {};
const value = (c: string) => (c.startsWith("var(") ? (vars[c.slice(6, -1)] ?? c) : c);

/** The colour the rules for `selector` give a property: the last declaration wins, as in CSS. */
function colour(selector: string, property = "color"): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rules = [...CSS.matchAll(new RegExp(`(?:^|\\n|,)\\s*${escaped}\\s*(?:,[^{]*)?\\{([^}]*)\\}`, "g"))].map((m) => m[1] ?? "");
  const found = rules.flatMap((rule) => [...rule.matchAll(new RegExp(`(?:^|;|\\s)${property}:\\s*([^;]+);`, "g"))].map((m) => m[1] ?? ""));
  const last = found[found.length - 1];
  if (!last) throw new Error(`no ${property} in ${selector}`);
  return value(last.trim().split(/\s+/).pop() ?? "");
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe.each([
  ["briefpress's own", DEFAULT_PALETTE],
  ["a dark green brand", { primary: "#0b5d3b", accent: "#b5461f" }],
])("deck theme colours, %s palette", (_, palette) => {
  CSS = `${deckPaletteCss(palette)}\n${THEME}`;
  vars = Object.fromEntries([...CSS.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? "", m[2] ?? ""]));
  const white = colour("section", "background");
  const navy = colour("section.title", "background");
  const pairs: Array<[string, string, string, number]> = [
    ["body text", colour("section"), white, 4.5],
    ["slide titles", colour("section h2"), white, 4.5],
    ["links", colour("section a"), white, 4.5],
    ["header, footer, page number", colour("footer"), white, 4.5],
    ["block quotes (in a section)", colour("section blockquote"), white, 4.5],
    ["quote attribution", colour("section.quote blockquote + p"), white, 4.5],
    ["table headers", colour("section.table th"), colour("section th", "background"), 4.5],
    ["credits under figures", colour("section.figure p em"), white, 4.5],
    ["key figures' numbers (72 px bold)", colour("section.stat li strong"), white, 3],
    ["title slide heading", colour("section.title h1"), navy, 4.5],
    ["title slide lines", colour("section.title p"), navy, 4.5],
    ["cover credit", colour("section.title p:last-of-type em"), navy, 4.5],
    ["closing slide", colour("section.closing h1"), colour("section.closing", "background"), 4.5],
    ["links on the title and closing slides", colour("section.closing a"), colour("section.closing", "background"), 4.5],
  ];
  for (const [what, fg, bg, min] of pairs) {
    it(`${what}: ${fg} on ${bg} reaches ${min}:1`, () => expect(contrast(fg, bg)).toBeGreaterThanOrEqual(min));
  }
});

/**
 * The primary-coloured title and closing slides of a deck in a dark brand colour, whose
 * contact line holds an e-mail address (a mailto: link in slides.html) and a web address:
 * axe-core in Chromium checks the links and the small text on them, not only the theme file.
 */
describe.skipIf(!CHROME)(`title and closing slides in a dark brand colour, in Chromium${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  it("pass axe-core (WCAG 2 AA): the contact's links and the small lines on the primary colour included", async () => {
    const fixture = readFileSync(join(ROOT, "test/fixtures/slides/speaker.md"), "utf8").replace(/^contact: .*$/m, 'contact: "justice@northbridge.org · https://northbridge.org/contact"');
    const dir = scratchProject({ "report/dark.md": fixture, "briefpress.yaml": 'colors:\n  primary: "#0b3d2e"\n  accent: "#b5461f"\n' });
    writeFileSync(join(dir, "assets", "remand-chart.png"), await barChartPng([1, 2, 3]));
    const r = briefpress(["build", "report/dark.md", "--formats", "deck"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(pathToFileURL(join(dir, "dist", "dark", "slides.html")).href, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      const links = await page.$$eval("section.closing a", (as) => as.map((a) => a.getAttribute("href")));
      expect(links).toEqual(["mailto:justice@northbridge.org", "https://northbridge.org/contact"]);
      await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
      const result = await page.evaluate(async () => {
        type Node = { target: string[] };
        type Result = { id: string; nodes: Node[] };
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[]; passes: Result[]; incomplete: Result[] }> } }).axe;
        const r = await axe.run({ include: [["section.title"], ["section.closing"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
        // Each node as "<its slide's class> <its tag>": axe names nodes by short selectors.
        const where = (n: Node) => {
          const el = document.querySelector(n.target.join(" "));
          return `${el?.closest("section")?.className ?? "?"} ${el?.tagName.toLowerCase() ?? "?"}`;
        };
        const targets = (list: Result[], id: string) => (list.find((x) => x.id === id)?.nodes ?? []).map((n) => where(n));
        return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), passed: targets(r.passes, "color-contrast"), unsure: targets(r.incomplete, "color-contrast") };
      });
      expect(result.violations).toEqual([]);
      expect(result.unsure).toEqual([]);
      // Both links, the subtitle and byline of the title slide, and the closing heading were checked and passed.
      expect(result.passed.filter((t) => t === "closing a")).toHaveLength(2);
      expect(result.passed.filter((t) => t === "title p").length).toBeGreaterThanOrEqual(2);
    } finally {
      await browser.close();
    }
  });
});
