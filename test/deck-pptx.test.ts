// Issue 21: a PPTX that survives PowerPoint. The deck's faces travel in the package as
// PowerPoint embeds them (EOT parts listed in presentation.xml), a face that may not be
// embedded is replaced by one PowerPoint ships and the build says so; tables take their
// column widths from their content and their captions sit under them in LibreOffice's
// rendering; the bytes do not depend on the time zone.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8 } from "fflate";
import * as fontkit from "fontkit";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { embedFonts, fontFallbackNotes, pptxFonts } from "../src/deck/pptx/fonts.js";
import { tableGrid } from "../src/deck/pptx/table.js";
import { fontPath } from "../src/text/font-files.js";
import { FontBook, type FontKey } from "../src/text/fonts.js";
import { barChartPng } from "./helpers/chart.js";
import { ROOT } from "./helpers/paths.js";
import { readPdfBuffer, type PdfPage } from "./helpers/pdf.js";
import { libreOfficePdf, readPptx, relsOf, resolveTarget, type Pptx } from "./helpers/pptx.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
const fixture = (name: string) => readFileSync(join(ROOT, "test/fixtures/slides", `${name}.md`), "utf8");

/** An EOT's fields and the TrueType font inside it. */
function readEot(data: Uint8Array): { size: number; version: number; magic: number; family: string; font: Buffer } {
  const b = Buffer.from(data);
  let at = 82;
  const names: string[] = [];
  for (let i = 0; i < 4; i++) {
    if (i) at += 2;
    const length = b.readUInt16LE(at);
    names.push(b.subarray(at + 2, at + 2 + length).toString("utf16le"));
    at += 2 + length;
  }
  at += 4;
  expect(b.readUInt32LE(4), "FontDataSize").toBe(b.length - at);
  return { size: b.readUInt32LE(0), version: b.readUInt32LE(8), magic: b.readUInt16LE(34), family: names[0] ?? "", font: b.subarray(at) };
}

/** The embedded faces presentation.xml lists: family → style → part. */
function embeddedFaces(pptx: Pptx): Map<string, Map<string, string>> {
  const xml = pptx.text("ppt/presentation.xml");
  const rels = relsOf(pptx.files, "ppt/presentation.xml");
  const out = new Map<string, Map<string, string>>();
  for (const m of xml.matchAll(/<p:embeddedFont><p:font typeface="([^"]+)"[^>]*\/>(.*?)<\/p:embeddedFont>/g)) {
    const styles = new Map<string, string>();
    for (const s of (m[2] ?? "").matchAll(/<p:(regular|bold|italic|boldItalic) r:id="([^"]+)"\/>/g)) {
      const rel = rels.find((r) => r.id === s[2]);
      expect(rel?.type, `${m[1]} ${s[1]}`).toBe(FONT_REL);
      styles.set(s[1] ?? "", resolveTarget("ppt/presentation.xml", rel?.target ?? ""));
    }
    out.set(m[1] ?? "", styles);
  }
  return out;
}

describe("slides.pptx of the fixture decks", () => {
  let dir: string;
  const pptx = (name: string, out = "dist") => readPptx(join(dir, out, name, "slides.pptx"));
  beforeAll(async () => {
    dir = scratchProject({ "report/speaker.md": fixture("speaker"), "report/fit.md": fixture("fit") });
    writeFileSync(join(dir, "assets", "remand-chart.png"), await barChartPng([9000, 9800, 10500, 11200, 12000]));
    const tall = `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="900"><rect width="100%" height="100%" fill="#1f3a5f"/></svg>`;
    writeFileSync(join(dir, "assets", "tall-chart.png"), await sharp(Buffer.from(tall)).png().toBuffer());
    for (const name of ["speaker", "fit"]) {
      const r = briefpress(["build", `report/${name}.md`, "--formats", "pptx"], { cwd: dir, env: { TZ: "UTC" } });
      expect(r.stderr, name).toBe("");
      expect(r.code, name).toBe(0);
    }
  });

  it("embeds Source Sans 3 (regular, bold, italic) as PowerPoint does: EOT parts, their relationships and content type, listed in presentation.xml", () => {
    const deck = pptx("speaker");
    const xml = deck.text("ppt/presentation.xml");
    expect(xml).toMatch(/<p:presentation [^>]*embedTrueTypeFonts="1"/);
    // The schema's order: the font list right after the notes size, the notes master before the slides.
    expect(xml).toMatch(/<p:notesSz [^>]*\/><p:embeddedFontLst>/);
    expect(xml.indexOf("<p:notesMasterIdLst>")).toBeLessThan(xml.indexOf("<p:sldIdLst>"));
    expect(deck.text("[Content_Types].xml")).toContain('<Default Extension="fntdata" ContentType="application/x-fontdata"/>');
    const faces = embeddedFaces(deck);
    expect([...faces.keys()]).toEqual(["Source Sans 3"]);
    expect([...(faces.get("Source Sans 3")?.keys() ?? [])]).toEqual(["regular", "bold", "italic"]);
    const shown = deck.slides.flatMap((s) => s.texts).join("");
    for (const [style, part] of faces.get("Source Sans 3") ?? []) {
      const data = deck.files[part];
      expect(data, part).toBeDefined();
      const eot = readEot(data ?? new Uint8Array());
      expect([eot.size, eot.version, eot.magic, eot.family]).toEqual([data?.length, 0x00020001, 0x504c, "Source Sans 3"]);
      const font = fontkit.create(eot.font) as fontkit.Font;
      expect(font.familyName).toBe("Source Sans 3");
      expect(font.subfamilyName.toLowerCase()).toBe(style);
      // A subset: every character the slides show, and not the whole face.
      const missing = [...new Set(shown.replace(/\s/g, ""))].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
      expect(missing, style).toEqual([]);
      expect(font.numGlyphs).toBeLessThan(600);
    }
  });

  it("embeds the Arabic face beside the Latin one for a deck with an Arabic paragraph", () => {
    const faces = embeddedFaces(pptx("fit"));
    expect([...faces.keys()]).toEqual(["Source Sans 3", "Noto Naskh Arabic"]);
    expect([...(faces.get("Noto Naskh Arabic")?.keys() ?? [])]).toEqual(["regular", "bold"]);
    const deck = pptx("fit");
    const font = fontkit.create(readEot(deck.files[faces.get("Noto Naskh Arabic")?.get("regular") ?? ""] ?? new Uint8Array()).font) as fontkit.Font;
    expect(font.hasGlyphForCodePoint("ع".codePointAt(0) ?? 0)).toBe(true);
  });

  it("is byte-identical whatever the time zone, fonts and all", () => {
    const r = briefpress(["build", "report/fit.md", "--formats", "pptx", "--out", "kiritimati"], { cwd: dir, env: { TZ: "Pacific/Kiritimati" } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "kiritimati", "fit", "slides.pptx")).equals(readFileSync(join(dir, "dist", "fit", "slides.pptx")))).toBe(true);
  });

  describe("in LibreOffice Impress", () => {
    const rendered = new Map<string, PdfPage[]>();
    beforeAll(async () => {
      for (const name of ["speaker", "fit"]) rendered.set(name, (await readPdfBuffer(libreOfficePdf(join(dir, "dist", name, "slides.pptx")))).pages);
    }, 400_000);

    it("opens, with every slide's title drawn", () => {
      for (const name of ["speaker", "fit"]) {
        const pages = rendered.get(name) ?? [];
        const deck = pptx(name);
        expect(pages.length, name).toBe(deck.slides.length);
        const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, "");
        deck.slides.forEach((s, i) => expect(squash(pages[i]?.text ?? ""), `${name} slide ${i + 1}`).toContain(squash(s.title)));
      }
    });

    it("puts every table caption under the table's last row, and breaks no header word inside its column", () => {
      let captions = 0;
      for (const name of ["speaker", "fit"]) {
        for (const [i, page] of (rendered.get(name) ?? []).entries()) {
          const caption = page.items.find((it) => /^Table \d+:/.test(it.str.trim()));
          if (!caption) continue;
          captions += 1;
          const top = caption.y + caption.height;
          // Everything on the slide but the caption's own line and the footer band: the
          // header, the title and the table's rows, the lowest of them above the caption.
          const above = page.items.filter((it) => it.str.trim() && Math.abs(it.y - caption.y) > 2 && it.y > 50);
          const lowest = Math.min(...above.map((it) => it.y - 0.3 * it.height));
          expect(lowest, `${name} slide ${i + 1}: the table's last row sits above its caption`).toBeGreaterThan(top);
        }
      }
      expect(captions).toBeGreaterThanOrEqual(3);
      const words = (rendered.get("fit") ?? []).flatMap((p) => p.items.map((it) => it.str.trim()));
      expect(words).toContain("Returns");
      expect(words).not.toContain("Return");
    });
  });
});

describe("table grid", () => {
  it("gives each column at least its longest word and shares the rest by content, rows as tall as they wrap", () => {
    const rows = [["District", "Returns", "Rate", "Note"], ...Array.from({ length: 3 }, (_, i) => [`District ${i}`, "1000", "12.0", "Returns were recorded over several months by the district office, and checked again"])];
    const { colW, rowH } = tableGrid(rows, 11.8);
    expect(colW.reduce((a, b) => a + b, 0)).toBeCloseTo(11.8, 2);
    expect(colW[1]).toBeGreaterThan(0.95); // "Returns" in bold on one line
    expect(colW[3]).toBeGreaterThan(colW[0] ?? 0);
    expect(rowH[0]).toBeLessThan(0.5); // one line
    const narrow = tableGrid(rows, 6);
    expect(narrow.rowH[1]).toBeGreaterThan(0.42);
  });
});

describe("a face that may not be embedded", () => {
  /** Source Sans 3 Bold with its OS/2 fsType set to "restricted licence embedding". */
  const restricted = (key: FontKey): Buffer => {
    const bytes = Buffer.from(readFileSync(fontPath(key)));
    if (key !== "sans-bold") return bytes;
    const count = bytes.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      if (bytes.toString("latin1", at, at + 4) === "OS/2") bytes.writeUInt16BE(0x0002, bytes.readUInt32BE(at + 8) + 8);
    }
    return bytes;
  };

  it("is replaced in the package by a face PowerPoint ships, and the build says so in an info", async () => {
    const fonts = await pptxFonts("A title", new FontBook({ fontBytes: restricted }));
    expect(fonts.fallbacks).toEqual([{ family: "Source Sans 3", fallback: "Arial", reason: "its licence does not allow embedding" }]);
    expect(fonts.faces).toEqual([]);
    const files: Record<string, Uint8Array> = { "ppt/slides/slide1.xml": strToU8('<a:latin typeface="Source Sans 3"/>'), "ppt/presentation.xml": strToU8("<p:presentation><p:notesSz/></p:presentation>") };
    embedFonts(files, fonts);
    expect(strFromU8(files["ppt/slides/slide1.xml"] ?? new Uint8Array())).toBe('<a:latin typeface="Arial"/>');
    expect(strFromU8(files["ppt/presentation.xml"] ?? new Uint8Array())).not.toContain("embeddedFont");
    const notes = fontFallbackNotes("report/x.md", fonts);
    expect(notes.map((d) => [d.severity, d.ruleId])).toEqual([["info", "slides/font-fallback"]]);
    expect(notes[0]?.message).toContain('"Arial" instead of "Source Sans 3"');
  });

  it("is embedded when its licence allows it (the fonts briefpress ships all do)", async () => {
    const fonts = await pptxFonts("A title", new FontBook({ fontBytes: (key) => readFileSync(fontPath(key)) }));
    expect(fonts.fallbacks).toEqual([]);
    expect(fonts.faces.map((f) => `${f.family} ${f.style}`)).toEqual(["Source Sans 3 regular", "Source Sans 3 italic", "Source Sans 3 bold"]);
  });
});
