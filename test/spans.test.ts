// Bracketed spans with a language ("[حمص]{lang=ar}") and pasted <u> (issue 16), as a
// reader's tools see them: the PDF's structure tree read with pdf.js (which /Lang each
// Span carries, over its text), the deck's DOM in Chromium, the page's pixels.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { ROOT } from "./helpers/paths.js";
import { readPdf } from "./helpers/pdf.js";
import { checkPdfUa } from "./helpers/pdfua.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const FIXTURE = readFileSync(join(ROOT, "test", "fixtures", "real-world", "language-spans.md"), "utf8");

interface StructNode {
  role: string;
  lang?: string;
  children: Array<StructNode | { type: string; id: string }>;
}
type Item = { str: string } | { type: string; id?: string | null };

/** Every Span with a /Lang on every page: its language and the text of its marked content. */
async function langSpans(path: string): Promise<Array<{ lang: string; text: string }>> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const out: Array<{ lang: string; text: string }> = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tree = (await page.getStructTree()) as StructNode | null;
      const items = (await page.getTextContent({ includeMarkedContent: true })).items as Item[];
      const textOf = new Map<string, string>();
      const open: string[] = [];
      for (const item of items) {
        if ("str" in item) for (const id of open) textOf.set(id, (textOf.get(id) ?? "") + item.str);
        else if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open.push(item.id ?? "");
        else if (item.type === "endMarkedContent") open.pop();
      }
      const walk = (node: StructNode): void => {
        if (node.role === "Span" && node.lang) out.push({ lang: node.lang, text: node.children.map((c) => ("id" in c ? (textOf.get(c.id) ?? "") : "")).join("").trim() });
        for (const c of node.children) if ("role" in c) walk(c);
      };
      if (tree) walk(tree);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

let dir = "";
const out = (file: string) => join(dir, "dist", "language-spans", file);

beforeAll(() => {
  // The same brief with its <u> taken out: what the page holds without an underline.
  dir = scratchProject({ "report/language-spans.md": FIXTURE, "report/plain.md": FIXTURE.replace(/<\/?u>/g, "") });
  const r = briefpress(["build", "report/language-spans.md", "report/plain.md", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
}, 120_000);

describe("spans with a language", () => {
  it("tag their text with the writer's language in the PDF, over the script's guess", async () => {
    const spans = await langSpans(out("brief.pdf"));
    expect(spans).toContainEqual({ lang: "ar", text: "حمص" });
    expect(spans).toContainEqual({ lang: "ja", text: "ミャンマー" });
    // Han characters alone would read as Chinese (zh-Hans); the span says Japanese.
    expect(spans).toContainEqual({ lang: "ja", text: "緬甸北部" });
    expect(spans.filter((s) => s.text === "緬甸北部").map((s) => s.lang)).toEqual(["ja"]);
    // Latin text has no script of its own to tell: only the span can say it is French.
    expect(spans).toContainEqual({ lang: "fr", text: "Poste de santé du nord" });
    expect(spans).toContainEqual({ lang: "en-US", text: "Kuttupalong" });
  });

  it("leave the brief's own language and a bad tag untagged", async () => {
    const spans = await langSpans(out("brief.pdf"));
    expect(spans.map((s) => s.text)).not.toContain("Homs");
    expect(spans.map((s) => s.text)).not.toContain("Balukhali");
    const check = briefpress(["check", "report/language-spans.md"], { cwd: dir });
    expect(check.stdout + check.stderr).toMatch(/language-spans\.md:13:71 warning span\/lang "bad!tag" is not a language tag/);
  });

  it("carry lang= and dir= onto the deck's markdown", () => {
    const md = readFileSync(out("slides.md"), "utf8");
    expect(md).toContain('<span lang="ja">ミャンマー</span>');
    expect(md).toContain('<span lang="ar" dir="rtl">حمص</span>');
    expect(md).toContain("another as Balukhali.");
  });

  it.skipIf(!CHROME)(`set lang= on the span's element in the deck${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out("slides.html")).href, { waitUntil: "load" });
      const found = await page.$$eval("section span[lang]", (els) => els.map((e) => ({ lang: e.getAttribute("lang"), dir: e.getAttribute("dir"), text: e.textContent, computed: e.matches(":lang(ja)") })));
      expect(found).toContainEqual({ lang: "ja", dir: null, text: "ミャンマー", computed: true });
      expect(found).toContainEqual({ lang: "ar", dir: "rtl", text: "حمص", computed: false });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/** Filled rectangles drawn as artifacts ("x y w h re … f" inside /Artifact … BDC), in pdfkit's top-down space. */
function artifactRects(path: string): Array<{ x: number; y: number; w: number; h: number }> {
  const qdf = execFileSync("qpdf", ["--qdf", "--object-streams=disable", path, "-"], { encoding: "latin1", maxBuffer: 64 * 1024 * 1024 });
  const blocks = [...qdf.matchAll(/\/Artifact\b[^]*?BDC\n([^]*?)\nEMC/g)].map((m) => m[1] ?? "");
  return blocks.flatMap((b) => [...b.matchAll(/^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\n(?:[^\n]*\n)*?f$/gm)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) })));
}

describe("pasted <u>", () => {
  it("draws a thin line under the words, as an artifact, and only where <u> is", async () => {
    const underlined = artifactRects(join(dir, "dist", "language-spans", "brief.pdf"));
    expect(artifactRects(join(dir, "dist", "plain", "brief.pdf"))).toEqual([]);
    expect(underlined).toHaveLength(1);
    const line = underlined[0]!;
    const page = (await readPdf(out("brief.pdf"))).pages[0]!;
    const word = page.items.find((i) => i.str === "no exceptions");
    expect(word, "the underlined words are one text item").toBeDefined();
    const baseline = page.height - word!.y;
    // Under the words' baseline by a fraction of the type size, spanning the words, thin.
    expect(line.x).toBeCloseTo(word!.x, 0);
    expect(Math.abs(line.w - word!.width)).toBeLessThan(1);
    expect(line.y).toBeGreaterThan(baseline);
    expect(line.y).toBeLessThan(baseline + 4);
    expect(line.h).toBeGreaterThan(0.2);
    expect(line.h).toBeLessThan(1.5);
    // Readers hear the words once, unchanged, and the tags stay whole (PDF/UA checks).
    expect(page.text).toContain("with no exceptions for late arrivals");
    const report = await checkPdfUa(out("brief.pdf"));
    expect(report.findings).toEqual([]);
  });
});
