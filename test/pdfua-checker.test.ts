// The PDF/UA checker against PDFs made by hand with pdfkit: one tagged properly that must
// pass, and variants that each break one condition and must fail exactly that check.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPdfUa, type PdfUaReport } from "./helpers/pdfua.js";
import { ROOT } from "./helpers/paths.js";

const SERIF = join(ROOT, "node_modules", "@expo-google-fonts", "source-serif-4", "400Regular", "SourceSerif4_400Regular.ttf");

/** One switch per condition; the defaults make a document that meets them all. */
interface Spec {
  tagged: boolean;
  lang: boolean;
  title: boolean;
  displayTitle: boolean;
  pdfua: boolean;
  headings: string[];
  figureAlt: string | null;
  link: "tagged" | "no-contents" | "no-struct" | "in-paragraph";
  table: "th" | "td-only";
  unmarkedText: boolean;
  helvetica: boolean;
  outline: boolean;
  bareSecondPage: boolean;
}

const GOOD: Spec = {
  tagged: true,
  lang: true,
  title: true,
  displayTitle: true,
  pdfua: true,
  headings: ["H1", "H2", "H3", "H2"],
  figureAlt: "A grey square",
  link: "tagged",
  table: "th",
  unmarkedText: false,
  helvetica: false,
  outline: false,
  bareSecondPage: false,
};

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** pdfkit writes a plain JS string in an annotation dictionary as a PDF name; a String object becomes a text string. */
function linkOptions(structParent: Element | undefined, contents: string): PDFKit.Mixins.AnnotationOption {
  // @types/pdfkit 0.17 knows neither structParent nor String-valued Contents.
  return { ...(structParent ? { structParent } : {}), Contents: new String(contents) } as unknown as PDFKit.Mixins.AnnotationOption;
}

/** Adds a `role` element under `parent` whose content is whatever `draw` paints. */
function tag(doc: Doc, parent: Element, role: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): Element {
  const element = doc.struct(role, options);
  parent.add(element);
  const content = doc.markStructureContent(role);
  draw();
  doc.endMarkedContent();
  element.add(content);
  element.end();
  return element;
}

function drawBody(doc: Doc, root: Element, spec: Spec): void {
  let y = 72;
  const next = (dy = 28) => (y += dy);
  for (const h of spec.headings.slice(0, 2)) tag(doc, root, h, () => doc.text(`Heading ${h}`, 72, next()));

  // A paragraph holding a Link element whose annotation is its OBJR child.
  const p = doc.struct("P");
  root.add(p);
  const intro = doc.markStructureContent("P");
  doc.text("See the report at", 72, next());
  doc.endMarkedContent();
  p.add(intro);
  const linkY = next(16);
  if (spec.link === "in-paragraph") {
    // The annotation hangs off the P, not a Link element.
    const text = doc.markStructureContent("P");
    doc.text("example.org", 72, linkY);
    doc.endMarkedContent();
    p.add(text);
    doc.link(72, linkY, 60, 14, "https://example.org/", linkOptions(p, "Example report"));
  } else {
    const link = doc.struct("Link");
    p.add(link);
    const text = doc.markStructureContent("Link");
    doc.text("example.org", 72, linkY);
    doc.endMarkedContent();
    link.add(text);
    const parent = spec.link === "no-struct" ? undefined : link;
    const contents = spec.link === "no-contents" ? "" : "Example report";
    doc.link(72, linkY, 60, 14, "https://example.org/", linkOptions(parent, contents));
    link.end();
  }
  p.end();

  tag(doc, root, "Figure", () => doc.rect(72, next(), 40, 40).fill("#777").fillColor("black"), spec.figureAlt ? { alt: spec.figureAlt } : {});
  next(40);
  drawTable(doc, root, spec, next);

  if (spec.helvetica) {
    tag(doc, root, "P", () => doc.font("Helvetica").text("Set in Helvetica", 72, next()).font("serif"));
  }
  if (spec.unmarkedText) doc.text("Painted outside any marked content", 72, next());

  // A running page number: real layout, not content.
  doc.markContent("Artifact", { type: "Pagination" });
  doc.text("1", 300, 700);
  doc.endMarkedContent();
}

function drawTable(doc: Doc, root: Element, spec: Spec, next: (dy?: number) => number): void {
  const table = doc.struct("Table");
  root.add(table);
  const rows = [["Year", "Returns"], ["2024", "12"]];
  for (const [r, cells] of rows.entries()) {
    const tr = doc.struct("TR");
    table.add(tr);
    const y = next(20);
    for (const [c, cell] of cells.entries()) {
      const role = r === 0 && spec.table === "th" ? "TH" : "TD";
      tag(doc, tr, role, () => doc.text(cell, 72 + c * 100, y));
    }
    tr.end();
  }
  table.end();
}

function drawSecondPage(doc: Doc, root: Element, spec: Spec): void {
  doc.addPage();
  if (spec.bareSecondPage) {
    // Only an artifact: the page has no structure to be read from.
    doc.markContent("Artifact", { type: "Pagination" });
    doc.text("2", 300, 700);
    doc.endMarkedContent();
    return;
  }
  for (const h of spec.headings.slice(2)) tag(doc, root, h, () => doc.text(`Heading ${h}`, 72, doc.y + 20));
  tag(doc, root, "P", () => doc.text("Closing words.", 72, doc.y + 20));
}

async function render(spec: Spec): Promise<Buffer> {
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    ...(spec.tagged ? { tagged: true } : {}),
    // @types/pdfkit 0.17 lists only the PDF/A subsets; pdfkit 0.20 also takes "PDF/UA".
    ...(spec.pdfua ? { subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets } : {}),
    ...(spec.lang ? { lang: "en-GB" } : {}),
    displayTitle: spec.displayTitle,
    info: spec.title ? { Title: "Checker fixture" } : {},
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("serif", SERIF);
  doc.font("serif");
  if (spec.tagged) {
    const root = doc.struct("Document");
    doc.addStructure(root);
    drawBody(doc, root, spec);
    drawSecondPage(doc, root, spec);
    root.end();
  } else {
    doc.text("Heading", 72, 72).text("Body text without any tags.", 72, 100);
    doc.link(72, 100, 60, 14, "https://example.org/", linkOptions(undefined, "Example report"));
  }
  if (spec.outline) doc.outline.addItem("Heading H1");
  doc.end();
  return done;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pdfua-checker-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(name: string, changes: Partial<Spec>): Promise<PdfUaReport> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await render({ ...GOOD, ...changes }));
  return checkPdfUa(path);
}

const failing = (report: PdfUaReport) => [...new Set(report.findings.map((f) => f.check))].sort();

describe("checkPdfUa", () => {
  it("passes a properly tagged PDF and summarises its structure", async () => {
    const report = await check("good", {});
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.structure).toEqual({
      roles: { Document: 1, H1: 1, H2: 2, H3: 1, P: 2, Link: 1, Figure: 1, Table: 1, TR: 2, TH: 2, TD: 2 },
      headings: ["H1", "H2", "H3", "H2"],
      figuresWithAlt: 1,
      links: 1,
    });
  });

  // Each variant breaks one condition and must fail exactly the checks named.
  const cases: Array<[string, Partial<Spec>, string[]]> = [
    ["no /Lang", { lang: false }, ["lang"]],
    ["no dc:title", { title: false }, ["title"]],
    ["no DisplayDocTitle", { displayTitle: false }, ["display-title"]],
    ["no PDF/UA identifier", { pdfua: false }, ["pdfua-id"]],
    ["a Figure without Alt", { figureAlt: null }, ["figure-alt"]],
    ["a Link annotation without Contents", { link: "no-contents" }, ["link-contents"]],
    ["a Link annotation outside the structure", { link: "no-struct" }, ["link-struct"]],
    ["a Link annotation under a P, not a Link", { link: "in-paragraph" }, ["link-struct"]],
    ["text neither tagged nor artifact", { unmarkedText: true }, ["marked-content"]],
    ["headings H1 → H3", { headings: ["H1", "H3", "H2"] }, ["heading-order"]],
    ["a first heading that is not H1", { headings: ["H2", "H3"] }, ["heading-order"]],
    ["a standard font (Helvetica, not embedded)", { helvetica: true }, ["fonts-embedded"]],
    ["a table without TH", { table: "td-only" }, ["table-headers"]],
    ["a page with no structure", { bareSecondPage: true }, ["struct-tree"]],
    ["pdfkit's outline (no /Count)", { outline: true }, ["outline"]],
  ];
  it.each(cases)("fails %s", async (name, changes, expected) => {
    const report = await check(name.replace(/\W+/g, "-"), changes);
    expect(report.ok).toBe(false);
    expect(failing(report)).toEqual(expected);
  });

  it("fails an untagged PDF on tagging, structure and marked content", async () => {
    const report = await check("untagged", { tagged: false });
    expect(report.ok).toBe(false);
    expect(failing(report)).toEqual(["link-struct", "marked-content", "struct-tree", "tagged"]);
    expect(report.structure).toEqual({ roles: {}, headings: [], figuresWithAlt: 0, links: 1 });
  });

  it("locates page-level findings and quotes the offending text", async () => {
    const report = await check("unmarked-located", { unmarkedText: true });
    expect(report.findings).toEqual([
      expect.objectContaining({ check: "marked-content", page: 1, message: expect.stringContaining("Painted outside any marked content") }),
    ]);
  });

  it("reports heading skips with the levels involved", async () => {
    const report = await check("skip-message", { headings: ["H1", "H3"] });
    expect(report.findings.map((f) => f.message)).toEqual(["heading skips a level: H1 → H3"]);
    expect(report.structure.headings).toEqual(["H1", "H3"]);
  });

  it("fails a file qpdf finds damaged", async () => {
    const path = join(dir, "damaged.pdf");
    const good = await render(GOOD);
    // Cutting off the cross-reference table and trailer forces qpdf to reconstruct it, with warnings.
    writeFileSync(path, good.subarray(0, good.lastIndexOf("xref")));
    const report = await checkPdfUa(path);
    expect(failing(report)).toContain("qpdf");
  });
});
