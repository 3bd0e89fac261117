// The world's scripts (issue 14), as a reader's tools see them: names in each script
// inside an English brief, a whole brief in Arabic, a Thai paragraph. Their PDFs are read
// with pdf.js and qpdf, their decks opened in Chromium, whose DevTools protocol says
// which font drew each element.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageGeometry } from "../src/pdf/layout/style.js";
import { fontFamilyForText } from "../src/deck/fonts.js";
import { paragraphDirection, visualOrder } from "../src/text/bidi.js";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { ROOT } from "./helpers/paths.js";
import { readPdf, type PdfReading } from "./helpers/pdf.js";
import { checkPdfUa } from "./helpers/pdfua.js";
import { positionOf, scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const FIXTURES = join(ROOT, "test", "fixtures", "scripts");
const NAMES = ["names", "arabic", "thai", "hebrew"] as const;
type Fixture = (typeof NAMES)[number];

const source = (name: Fixture) => readFileSync(join(FIXTURES, `${name}.md`), "utf8");
/** Words with their combining marks (vowel signs, harakat): the test helper's words() splits at marks. */
const tokens = (text: string) => text.normalize("NFC").match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
const body = (text: string) => text.split(/^---$/m).slice(2).join("---");

let dir = "";
const pdfs = new Map<Fixture, PdfReading>();
const pdfPath = (name: Fixture) => join(dir, "dist", name, "brief.pdf");

beforeAll(async () => {
  dir = scratchProject(Object.fromEntries(NAMES.map((n) => [`report/${n}.md`, source(n)])));
  const r = briefpress(["build", ...NAMES.map((n) => `report/${n}.md`), "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  for (const name of NAMES) pdfs.set(name, await readPdf(pdfPath(name)));
}, 120_000);

const text = (name: Fixture) => pdfs.get(name)!.pages.map((p) => p.text).join(" ").normalize("NFC");

describe("names in their own scripts, inside an English brief", () => {
  const names = ["မောင်တော", "কক্সবাজার", "ভাসান চর", "حمص", "چابهار", "کوئٹہ", "באר שבע", "மட்டக்களப்பு", "මඩකලපුව", "नेपालगंज", "แม่สอด", "ភ្នំពេញ", "ວຽງຈັນ", "መቐለ", "თბილისი", "Ստեփանակերտ", "Ἑλλὰς", "ἄνθρωπος", "Ƙaura", "Ɗanja", "Ɛfiduase", "Ɔwusu", "⚠", "★", "☎", "🚨"];

  it("are in the PDF's text as typed, each word in logical order", () => {
    const got = text("names");
    for (const name of names) expect(got, name).toContain(name);
  });

  it("keep the English words around them in order", () => {
    const english = tokens(body(source("names"))).filter((t) => /^[A-Za-z]+$/.test(t));
    const got = tokens(text("names"));
    let i = 0;
    for (const word of english) {
      while (i < got.length && got[i] !== word) i++;
      expect(i, `"${word}" in order`).toBeLessThan(got.length);
      i++;
    }
  });

  it("read an Arabic sentence right to left, each direction's run in logical order", () => {
    const got = text("names");
    // A line with right-to-left text is drawn in reading order; pdf.js drops the spaces
    // where the direction changes (at the number), so compare without spaces.
    expect(got).toContain("نزح آلاف السكان من حمص إلى القرى المجاورة في عام");
    const squeeze = (s: string) => s.replace(/\s/g, "");
    expect(squeeze(got)).toContain(squeeze("نزح آلاف السكان من حمص إلى القرى المجاورة في عام 2024 بعد القصف."));
  });

  it("embed one subset face per script, and tag each run with its language", () => {
    const fonts = execFileSync("pdffonts", [pdfPath("names")], { encoding: "utf8" });
    for (const face of ["NotoSansMyanmar", "NotoSansBengali", "NotoNaskhArabic", "NotoSansHebrew", "NotoSansTamil", "NotoSansSinhala", "NotoSansDevanagari", "NotoSansThai", "NotoSansKhmer", "NotoSansLao", "NotoSansEthiopic", "NotoSansGeorgian", "NotoSansArmenian", "NotoEmoji", "NotoSerif"]) {
      expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${face}-Regular\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    }
    const langs = spanLangs(pdfPath("names"));
    for (const lang of ["my", "bn", "ar", "fa", "ur", "he", "ta", "si", "und-Deva", "th", "km", "lo", "und-Ethi", "ka", "hy", "grc"]) expect(langs, lang).toContain(lang);
  });

  it("grow the PDF by tens of kilobytes, not megabytes", () => {
    expect(readFileSync(pdfPath("names")).length).toBeLessThan(150 * 1024);
  });
});

describe("a brief in Arabic (lang: ar)", () => {
  it("has every word of its body in the PDF text, as typed", () => {
    // Item by item: pdf.js joins a table row's cells without a space between them.
    const got = new Set(pdfs.get("arabic")!.pages.flatMap((p) => p.items.flatMap((i) => tokens(i.str.normalize("NFC")))));
    const missing = tokens(body(source("arabic")).replace(/^\|[- |]+\|$/gm, "")).filter((w) => !got.has(w));
    expect(missing).toEqual([]);
  });

  it("reads its paragraphs in logical order, numbers and citations in place", () => {
    const squeeze = (s: string) => s.replace(/\s/g, "");
    const paragraph = source("arabic").split("\n").find((l) => l.startsWith("غادرت"))!;
    expect(squeeze(text("arabic"))).toContain(squeeze(paragraph));
  });

  it("sets its body lines right to left, sharing the right edge of the text block", () => {
    const geo = pageGeometry("a4");
    const right = geo.width - geo.left; // mirrored: the text block's right edge
    const page = pdfs.get("arabic")!.pages[1]!;
    // The first section: its heading and two paragraphs, down to the next heading (each
    // title is also a contents entry, higher on the page: take the lower one).
    const lowest = (title: string) => Math.min(...page.items.filter((i) => i.str === title).map((i) => i.y));
    const top = lowest("ما الذي حدث");
    const next = lowest("الإطار القانوني");
    const lines = new Map<number, number>();
    for (const item of page.items) {
      if (!item.str.trim() || item.y > top || item.y <= next || item.height < 8) continue; // not the raised note number
      const y = Math.round(item.y);
      lines.set(y, Math.max(lines.get(y) ?? 0, item.x + item.width));
    }
    expect(lines.size).toBeGreaterThanOrEqual(5);
    for (const [y, end] of lines) expect(Math.abs(end - right), `line at y=${y} ends at ${end.toFixed(2)}`).toBeLessThan(0.6);
  });

  it("resolves its Arabic author-date citations against المصادر", () => {
    const r = briefpress(["check", "report/arabic.md"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 errors, 0 warnings");
    expect(text("arabic")).toContain("المصادر");
  });

  it("declares Arabic for the document and mirrors the page furniture", () => {
    const qdf = qdfText(pdfPath("arabic"));
    expect(qdf).toMatch(/\/Lang \(ar\)/);
    const page = pdfs.get("arabic")!.pages[1]!;
    const number = page.items.find((i) => /^Page \d+ of \d+$/.test(i.str));
    expect(number && number.x).toBeLessThan(page.width / 2); // page numbers on the left
  });
});

describe("a brief in Hebrew (dir: rtl)", () => {
  it("reads in logical order, bold word and numbers in place", () => {
    const squeeze = (s: string) => s.replace(/\s/g, "");
    expect(squeeze(text("hebrew"))).toContain(squeeze("משפחות רבות עזבו את העיר בשנת 2024 ועברו לכפרים הסמוכים (כהן 2024). הדיווחים מצביעים על 150 משפחות לפחות."));
  });
});

describe("a Thai paragraph", () => {
  it("breaks between words, never inside one, with every word in order", () => {
    const paragraph = source("thai").split("\n").find((l) => l.startsWith("ครอบครัว"))!;
    const segmenter = new Intl.Segmenter("th", { granularity: "word" });
    const boundaries = new Set([...segmenter.segment(paragraph)].map((s) => s.index));
    const page = pdfs.get("thai")!.pages[1]!;
    const lines = new Map<number, string>();
    for (const item of page.items) lines.set(Math.round(item.y), (lines.get(Math.round(item.y)) ?? "") + item.str);
    const drawn = [...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, s]) => s.trim()).filter((s) => /\p{Script=Thai}/u.test(s) && paragraph.includes(s.slice(0, 8)));
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    expect(drawn.join("").replace(/\s/g, "")).toBe(paragraph.replace(/\s/g, ""));
    let at = 0;
    for (const line of drawn.slice(0, -1)) {
      at = paragraph.indexOf(line, at) + line.length;
      while (paragraph[at] === " ") at++;
      expect(boundaries.has(at), `a line ends at ${at}, inside "${paragraph.slice(at - 4, at + 4)}"`).toBe(true);
    }
  });
});

describe("the PPTX", () => {
  it("names the Noto faces for the scripts in its theme, and sets an Arabic deck's paragraphs right to left", async () => {
    const r = briefpress(["build", "report/arabic.md", "--formats", "pptx"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, "dist", "arabic", "slides.pptx"))));
    const part = (re: RegExp) => Object.entries(files).filter(([name]) => re.test(name)).map(([, data]) => strFromU8(data)).join("");
    const theme = part(/^ppt\/theme\/theme\d+\.xml$/);
    for (const [script, face] of [["Arab", "Noto Naskh Arabic"], ["Hebr", "Noto Sans Hebrew"], ["Mymr", "Noto Sans Myanmar"], ["Ethi", "Noto Sans Ethiopic"]]) {
      expect(theme).toContain(`<a:font script="${script}" typeface="${face}"/>`);
    }
    const slides = part(/^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toContain("غادرت مئات الأسر");
    const paragraphs = slides.match(/<a:p>/g)?.length ?? 0;
    expect(paragraphs).toBeGreaterThan(5);
    expect(slides.match(/<a:p><a:pPr rtl="1"/g)?.length).toBe(paragraphs);
  });
});

describe("check, before any build", () => {
  it("reports every script a hand-written deck needs and no font has, at its line and column", () => {
    const deck = "---\nmarp: true\n---\n\n# Places\n\nMae Sot (แม่สอด) is drawn; ᠤᠯᠠᠭᠠᠨ and ߌ ߣߌ are not (Desk 2025).\n";
    const dir = scratchProject({ "report/thai.md": source("thai"), "slides/thai.md": deck });
    const r = briefpress(["check", "report/thai.md"], { cwd: dir });
    expect(r.code).toBe(1);
    const mongolian = positionOf(deck, "ᠤ");
    const nko = positionOf(deck, "ߌ");
    expect(r.stdout).toContain(`slides/thai.md:${mongolian.line}:${mongolian.column} error font/missing-glyph no bundled font has the character "ᠤ" (U+1824)`);
    expect(r.stdout).toContain(`slides/thai.md:${nko.line}:${nko.column} error font/missing-glyph no bundled font has the character "ߌ" (U+07CC)`);
    expect(r.stdout).toContain("2 errors");
  });
});

describe("the text layer", () => {
  it("takes a paragraph's direction from most of its letters, not the first", () => {
    expect(paragraphDirection("حمص is a city in western Syria")).toBe("ltr");
    expect(paragraphDirection("نزح آلاف السكان من Homs")).toBe("rtl");
    expect(paragraphDirection("Plain English")).toBe("ltr");
  });

  it("orders a line's pieces by the bidi levels (UAX #9 rule L2)", () => {
    // "A [ar1 ar2 12] B" in a left-to-right paragraph: the Arabic run reverses, its number keeps its order.
    expect(visualOrder([0, 1, 1, 2, 0])).toEqual([0, 3, 2, 1, 4]);
    expect(visualOrder([1, 1, 2, 2, 1])).toEqual([4, 2, 3, 1, 0]);
  });

  it("names the font family a PPTX should use for a run", () => {
    expect(fontFamilyForText("Homs")).toBe("Source Sans 3");
    expect(fontFamilyForText("حمص")).toBe("Noto Naskh Arabic");
    expect(fontFamilyForText("Maungdaw (မောင်တော)")).toBe("Noto Sans Myanmar");
    expect(fontFamilyForText("መቐለ")).toBe("Noto Sans Ethiopic");
    expect(fontFamilyForText("윤석열")).toBe("Noto Sans KR");
  });
});

describe("every fixture PDF", () => {
  it.each(NAMES)("%s draws no .notdef glyph (glyph 0)", (name) => {
    const shown = drawnGlyphs(pdfPath(name));
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.filter((g) => g === "0000")).toEqual([]);
  });

  it.each(NAMES)("%s passes the PDF/UA checker", async (name) => {
    const report = await checkPdfUa(pdfPath(name));
    expect(report.findings).toEqual([]);
  });
});

/** The PDF with its streams uncompressed, as text. */
function qdfText(path: string): string {
  return execFileSync("qpdf", ["--qdf", "--object-streams=disable", path, "-"], { encoding: "latin1", maxBuffer: 64 * 1024 * 1024 });
}

/** Every glyph code shown by a TJ operator (our fonts are Identity-H: two bytes a glyph). */
function drawnGlyphs(path: string): string[] {
  const out: string[] = [];
  for (const line of qdfText(path).split("\n")) {
    if (!line.endsWith("TJ")) continue;
    for (const hex of line.matchAll(/<([0-9a-f]*)>/g)) out.push(...(hex[1]!.match(/.{4}/g) ?? []));
  }
  return out;
}

/** The /Lang of every Span structure element. */
function spanLangs(path: string): string[] {
  const objects = qdfText(path).split(/\nendobj\n/);
  return objects.filter((o) => /\/S \/Span/.test(o)).flatMap((o) => [...o.matchAll(/\/Lang \(([^)]*)\)/g)].map((m) => m[1]!));
}

describe.skipIf(!CHROME)(`decks in Chromium${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => browser?.close());

  /** Which fonts drew the text of each slide paragraph, list item and heading (CSS.getPlatformFontsForNode). */
  async function fontsOf(name: Fixture): Promise<Array<{ text: string; fonts: Array<{ familyName: string; isCustomFont: boolean; glyphCount: number }> }>> {
    await page.goto(pathToFileURL(join(dir, "dist", name, "slides.html")).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "section p, section li, section h1, section h2" });
    const out = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
      out.push({ text: outerHTML.replace(/<[^>]+>/g, ""), fonts });
    }
    await cdp.detach();
    return out;
  }

  it.each(["names", "arabic", "thai"] as const)("%s: every word is drawn by a font the deck carries", async (name) => {
    const nodes = await fontsOf(name);
    expect(nodes.length).toBeGreaterThan(3);
    const foreign = nodes.flatMap((n) => n.fonts.filter((f) => !f.isCustomFont).map((f) => `${f.familyName} drew ${f.glyphCount} glyphs of "${n.text.slice(0, 40)}"`));
    expect(foreign).toEqual([]);
  });

  it("sets the Arabic deck right to left, in Arabic", async () => {
    await page.goto(pathToFileURL(join(dir, "dist", "arabic", "slides.html")).href, { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
    const directions = await page.$$eval("section", (s) => [...new Set(s.map((x) => getComputedStyle(x).direction))]);
    expect(directions).toEqual(["rtl"]);
  });
});
