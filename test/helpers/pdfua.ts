// PDF/UA checker for the Matterhorn Protocol conditions a machine can decide.
// It reads a PDF three ways, each where it is most trustworthy:
//   - qpdf --json for the object graph: catalog entries pdfjs hides (/Lang, /MarkInfo,
//     /ViewerPreferences, /Outlines /Count) and the whole logical structure tree, so
//     elements that span pages are counted once and headings/tables are seen in order;
//   - pdfjs-dist for what a reader resolves per page: marked content with MCIDs, the
//     page's structure tree as rebuilt from the ParentTree, annotations, XMP metadata;
//   - poppler (pdfinfo, pdffonts) and qpdf --check for the facts those tools own.
// It is not a full PDF/UA validator (veraPDF is); it covers what briefpress can meet.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pdfFonts, pdfinfo } from "./pdf.js";
import { ROOT } from "./paths.js";

export interface PdfUaFinding {
  check: string;
  message: string;
  page?: number;
}

export interface StructSummary {
  /** Elements per (role-mapped) structure type, over the whole logical tree: one per element, even if it spans pages. */
  roles: Record<string, number>;
  /** H1…H6 in logical (reading) order. */
  headings: string[];
  figuresWithAlt: number;
  /** Link annotations on all pages. */
  links: number;
}

export interface PdfUaReport {
  ok: boolean;
  findings: PdfUaFinding[];
  structure: StructSummary;
}

const standardFontDataUrl = join(ROOT, "node_modules", "pdfjs-dist", "standard_fonts") + "/";
/** pdfjs prefixes annotation ids with this when a structure element points at an annotation. */
const PDFJS_ANNOTATION_PREFIX = "pdfjs_internal_id_";
/** How many offending strings a finding quotes: enough to locate the problem, short enough to read. */
const SAMPLES = 3;

export async function checkPdfUa(path: string): Promise<PdfUaReport> {
  const graph = readQpdfGraph(path);
  const catalog = readCatalog(graph);
  const tree = catalog.structTreeRoot && graph ? logicalTree(graph, catalog.structTreeRoot, roleMap(graph, catalog.structTreeRoot)) : [];
  const elements = flatten(tree);
  const reading = await readWithPdfjs(path);

  const findings: PdfUaFinding[] = [
    ...(graph ? [] : [{ check: "qpdf", message: "qpdf --json could not read the file, so catalog checks saw an empty catalog" }]),
    ...checkTagged(path),
    ...checkCatalog(catalog),
    ...checkMetadata(reading.xmpTitle, reading.xmpRaw),
    ...checkFonts(path),
    ...checkStructTree(catalog, reading.pages),
    ...reading.pages.flatMap(checkMarkedContent),
    ...checkFigures(elements),
    ...reading.pages.flatMap(checkLinks),
    ...checkHeadings(elements),
    ...checkTables(elements),
    ...checkQpdf(path),
    ...checkOutline(reading.hasOutline, catalog),
  ];
  return { ok: findings.length === 0, findings, structure: summarise(elements, reading.pages) };
}

// ---------------------------------------------------------------------------------------------
// qpdf's JSON view of the object graph (JSON v2: names "/N", text strings "u:…", binary
// strings "b:hex", indirect references "n g R", streams { stream: { dict } }).

type QValue = null | boolean | number | string | QValue[] | QDict;
interface QDict {
  [key: string]: QValue;
}
interface QObject {
  value?: QValue;
  stream?: { dict: QDict };
}

class QpdfGraph {
  constructor(private readonly objects: Record<string, QObject>) {}

  /** Follows indirect references (a stream yields its dictionary); direct values pass through. */
  resolve(value: QValue | undefined): QValue | undefined {
    let v = value;
    // A reference can point at another reference; the bound guards against a malformed loop.
    for (let hops = 0; typeof v === "string" && /^\d+ \d+ R$/.test(v) && hops < 32; hops++) {
      const obj = this.objects[`obj:${v}`];
      v = obj?.stream ? obj.stream.dict : obj?.value;
    }
    return v;
  }

  dict(value: QValue | undefined): QDict | undefined {
    const v = this.resolve(value);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined;
  }

  get trailer(): QDict | undefined {
    return this.dict(this.objects["trailer"]?.value);
  }
}

function readQpdfGraph(path: string): QpdfGraph | undefined {
  // Without stream data the JSON stays small; the buffer is generous because font width
  // arrays alone can run to megabytes. Exit 3 means "warnings" and still prints JSON.
  const run = spawnSync("qpdf", ["--json=2", "--json-key=qpdf", path], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  try {
    const json = JSON.parse(run.stdout) as { qpdf?: [unknown, Record<string, QObject>] };
    return json.qpdf ? new QpdfGraph(json.qpdf[1]) : undefined;
  } catch {
    return undefined;
  }
}

function pdfName(value: QValue | undefined): string | undefined {
  return typeof value === "string" && value.startsWith("/") ? value.slice(1) : undefined;
}

/** A PDF text string as JavaScript text; qpdf hex-encodes what it cannot show as UTF-8. */
function pdfText(value: QValue | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  if (value.startsWith("u:")) return value.slice(2);
  if (!value.startsWith("b:")) return undefined;
  const bytes = Buffer.from(value.slice(2), "hex");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  return bytes.toString("latin1");
}

function nonEmpty(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== "";
}

// ---------------------------------------------------------------------------------------------
// The document catalog.

interface CatalogFacts {
  lang?: string;
  displayDocTitle: boolean;
  structTreeRoot?: QDict;
  outlines?: QDict;
}

function readCatalog(graph: QpdfGraph | undefined): CatalogFacts {
  const root = graph?.dict(graph.trailer?.["/Root"]);
  if (!graph || !root) return { displayDocTitle: false };
  return {
    lang: pdfText(graph.resolve(root["/Lang"])),
    displayDocTitle: graph.dict(root["/ViewerPreferences"])?.["/DisplayDocTitle"] === true,
    structTreeRoot: graph.dict(root["/StructTreeRoot"]),
    outlines: graph.dict(root["/Outlines"]),
  };
}

// ---------------------------------------------------------------------------------------------
// The logical structure tree, read whole from /StructTreeRoot /K.

interface StructElement {
  /** The standard type after the RoleMap, e.g. a custom "Heading1" mapped to "H1". */
  role: string;
  alt?: string;
  children: StructElement[];
}

function roleMap(graph: QpdfGraph, structTreeRoot: QDict): Map<string, string> {
  const map = graph.dict(structTreeRoot["/RoleMap"]) ?? {};
  return new Map(Object.entries(map).flatMap(([k, v]) => {
    const to = pdfName(graph.resolve(v));
    return to ? [[k.slice(1), to] as [string, string]] : [];
  }));
}

function mapRole(role: string, map: Map<string, string>): string {
  // Role maps may chain (custom → custom → standard); stop on a cycle rather than spin.
  const seen = new Set<string>();
  let r = role;
  while (map.has(r) && !seen.has(r)) {
    seen.add(r);
    r = map.get(r) ?? r;
  }
  return r;
}

function logicalTree(graph: QpdfGraph, structTreeRoot: QDict, map: Map<string, string>): StructElement[] {
  const seen = new Set<QDict>();
  const kidsOf = (k: QValue | undefined): QValue[] => {
    const v = graph.resolve(k);
    return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  };
  const walk = (kid: QValue): StructElement[] => {
    // Kids that are MCIDs (numbers), marked-content or object references (/MCR, /OBJR) are
    // content, not elements; only dictionaries with /S are structure elements.
    const dict = graph.dict(kid);
    const type = dict && pdfName(graph.resolve(dict["/S"]));
    if (!dict || !type || seen.has(dict)) return [];
    seen.add(dict);
    const alt = pdfText(graph.resolve(dict["/Alt"])) ?? pdfText(graph.resolve(dict["/ActualText"]));
    return [{ role: mapRole(type, map), ...(nonEmpty(alt) ? { alt } : {}), children: kidsOf(dict["/K"]).flatMap(walk) }];
  };
  return kidsOf(structTreeRoot["/K"]).flatMap(walk);
}

/** Depth-first, pre-order: the logical reading order. */
function flatten(tree: StructElement[]): StructElement[] {
  return tree.flatMap((e) => [e, ...flatten(e.children)]);
}

// ---------------------------------------------------------------------------------------------
// What pdfjs resolves per page.

interface PjsStructNode {
  role: string;
  alt?: string;
  children: Array<PjsStructNode | PjsStructLeaf>;
}
interface PjsStructLeaf {
  type: "content" | "object" | "annotation";
  id: string;
}
type PjsTextItem =
  | { str: string }
  | { type: "beginMarkedContent" | "beginMarkedContentProps" | "endMarkedContent"; tag?: string | null; id?: string | null };
interface PjsAnnotation {
  id: string;
  subtype: string;
  url?: string;
  contentsObj?: { str: string };
  structParent?: number;
}

interface PageReading {
  number: number;
  tree: PjsStructNode | null;
  items: PjsTextItem[];
  annotations: PjsAnnotation[];
}

interface PdfjsReading {
  pages: PageReading[];
  xmpTitle?: string;
  xmpRaw?: string;
  hasOutline: boolean;
}

async function readWithPdfjs(path: string): Promise<PdfjsReading> {
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({ data, standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PageReading[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(await doc.getPage(n), n));
    const { metadata } = (await doc.getMetadata()) as { metadata: { get(name: string): unknown; getRaw(): string } | null };
    const title = metadata?.get("dc:title");
    return {
      pages,
      xmpTitle: typeof title === "string" ? title : undefined,
      xmpRaw: metadata?.getRaw(),
      hasOutline: ((await doc.getOutline()) ?? []).length > 0,
    };
  } finally {
    await doc.destroy();
  }
}

async function readPage(page: PDFPageProxy, number: number): Promise<PageReading> {
  // Annotations first: pdfjs registers an annotation's /StructParent while parsing it,
  // and the page's structure tree only includes annotation leaves it has registered.
  const annotations = (await page.getAnnotations()) as PjsAnnotation[];
  const tree = (await page.getStructTree()) as PjsStructNode | null;
  const content = await page.getTextContent({ includeMarkedContent: true });
  return { number, tree, items: content.items as PjsTextItem[], annotations };
}

function pageNodes(node: PjsStructNode | null): PjsStructNode[] {
  if (!node) return [];
  return [node, ...node.children.flatMap((c) => ("role" in c ? pageNodes(c) : []))];
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns its findings; none throws on a malformed file.

function checkTagged(path: string): PdfUaFinding[] {
  // pdfinfo's "Tagged" is the catalog's /MarkInfo /Marked: readers ignore the tags without it.
  let tagged: string | undefined;
  try {
    tagged = pdfinfo(path)["Tagged"];
  } catch {
    return [{ check: "tagged", message: "pdfinfo could not read the file" }];
  }
  return tagged === "yes" ? [] : [{ check: "tagged", message: `pdfinfo reports Tagged: ${tagged ?? "(missing)"}; the catalog needs /MarkInfo << /Marked true >>` }];
}

function checkCatalog(catalog: CatalogFacts): PdfUaFinding[] {
  const findings: PdfUaFinding[] = [];
  // Screen readers pick a voice and hyphenation from the document language.
  if (!nonEmpty(catalog.lang)) findings.push({ check: "lang", message: "the catalog has no non-empty /Lang" });
  // Matterhorn 07-001/07-002: the window title must show dc:title, not the file name.
  if (!catalog.displayDocTitle) findings.push({ check: "display-title", message: "/ViewerPreferences /DisplayDocTitle is not true" });
  return findings;
}

function checkMetadata(title: string | undefined, raw: string | undefined): PdfUaFinding[] {
  const findings: PdfUaFinding[] = [];
  // Matterhorn 06-001/06-003: the title lives in XMP dc:title, not only in the Info dictionary.
  if (!nonEmpty(title)) findings.push({ check: "title", message: raw ? "XMP metadata has no dc:title" : "the document has no XMP metadata stream" });
  // Matterhorn 06-002: the PDF/UA identifier, as element (<pdfuaid:part>1<) or attribute (pdfuaid:part="1").
  if (!/pdfuaid:part\s*(?:>\s*|=\s*["']\s*)1\s*[<"']/.test(raw ?? "")) {
    findings.push({ check: "pdfua-id", message: "XMP metadata does not declare pdfuaid:part 1" });
  }
  return findings;
}

function checkFonts(path: string): PdfUaFinding[] {
  // Matterhorn 31: every font a page uses is embedded. pdfkit's standard 14 (Helvetica, Times…) are not.
  let fonts: Array<{ name: string; embedded: boolean }>;
  try {
    fonts = pdfFonts(path);
  } catch {
    return [{ check: "fonts-embedded", message: "pdffonts could not read the file" }];
  }
  return fonts.filter((f) => !f.embedded).map((f) => ({ check: "fonts-embedded", message: `font ${f.name} is not embedded` }));
}

function checkStructTree(catalog: CatalogFacts, pages: PageReading[]): PdfUaFinding[] {
  // Without a structure tree nothing is tagged: one finding, not one per page.
  if (!catalog.structTreeRoot) return [{ check: "struct-tree", message: "the catalog has no /StructTreeRoot" }];
  // A page whose tree pdfjs cannot rebuild has no /StructParents, or a ParentTree entry that
  // leads nowhere: its content is unreachable from the structure.
  return pages
    .filter((p) => !p.tree || p.tree.children.length === 0)
    .map((p) => ({ check: "struct-tree", page: p.number, message: `page ${p.number} has no structure tree (no /StructParents, or its ParentTree entry is empty)` }));
}

type Marking = "tagged" | "artifact" | "unclaimed" | "other";

function checkMarkedContent(page: PageReading): PdfUaFinding[] {
  // Matterhorn 01-005: every piece of real content is tagged; 01-003/01-004: artifacts
  // and tagged content do not nest. A marked-content sequence counts as tagged only if a structure
  // element claims its MCID, which is what the page's pdfjs tree (built from the
  // ParentTree) lists.
  const claimed = new Set(pageNodes(page.tree).flatMap((n) => n.children.flatMap((c) => ("type" in c && c.type === "content" ? [c.id] : []))));
  const stack: Marking[] = [];
  const untagged: string[] = [];
  const unclaimed: string[] = [];
  const nested: string[] = [];
  for (const item of page.items) {
    if ("str" in item) {
      // Whitespace-only items are pdfjs's line-end and spacing artefacts, not glyphs a reader voices.
      if (item.str.trim() === "") continue;
      const tagged = stack.includes("tagged");
      const artifact = stack.includes("artifact");
      if (tagged && artifact) nested.push(item.str);
      else if (!tagged && !artifact) (stack.includes("unclaimed") ? unclaimed : untagged).push(item.str);
    } else if (item.type === "endMarkedContent") {
      stack.pop();
    } else {
      stack.push(classifyMarking(item.tag, item.id, claimed));
    }
  }
  const findings: PdfUaFinding[] = [];
  const quote = (strs: string[]) => strs.slice(0, SAMPLES).map((s) => JSON.stringify(s)).join(", ");
  if (untagged.length) {
    findings.push({ check: "marked-content", page: page.number, message: `page ${page.number}: ${untagged.length} text item(s) neither tagged nor artifact, e.g. ${quote(untagged)}` });
  }
  if (unclaimed.length) {
    findings.push({ check: "marked-content", page: page.number, message: `page ${page.number}: ${unclaimed.length} text item(s) in marked content whose MCID no structure element claims, e.g. ${quote(unclaimed)}` });
  }
  if (nested.length) {
    findings.push({ check: "marked-content", page: page.number, message: `page ${page.number}: ${nested.length} text item(s) where an artifact and tagged content nest, e.g. ${quote(nested)}` });
  }
  return findings;
}

function classifyMarking(tag: string | null | undefined, id: string | null | undefined, claimed: Set<string>): Marking {
  if (tag === "Artifact") return "artifact";
  // pdfjs gives an id only to sequences with an MCID.
  if (id) return claimed.has(id) ? "tagged" : "unclaimed";
  return "other";
}

function checkFigures(elements: StructElement[]): PdfUaFinding[] {
  // Matterhorn 13-004: a Figure needs Alt (ActualText also counts; pdfjs voices either).
  const missing = elements.filter((e) => e.role === "Figure" && !e.alt).length;
  return missing ? [{ check: "figure-alt", message: `${missing} Figure element(s) without Alt or ActualText` }] : [];
}

function checkLinks(page: PageReading): PdfUaFinding[] {
  const parents = linkParents(page.tree);
  return page.annotations
    .filter((a) => a.subtype === "Link")
    .flatMap((a) => {
      const what = `page ${page.number}: Link annotation ${a.id}${a.url ? ` (${a.url})` : ""}`;
      const findings: PdfUaFinding[] = [];
      // Matterhorn 28-012: a link's /Contents is its accessible description.
      if (!nonEmpty(a.contentsObj?.str)) findings.push({ check: "link-contents", page: page.number, message: `${what} has no /Contents` });
      // Matterhorn 28-011: the annotation is a child (OBJR) of a Link structure element.
      const parent = parents.get(a.id);
      if (!(typeof a.structParent === "number" && a.structParent >= 0)) {
        findings.push({ check: "link-struct", page: page.number, message: `${what} has no /StructParent` });
      } else if (parent !== "Link") {
        findings.push({ check: "link-struct", page: page.number, message: `${what} is ${parent ? `inside a ${parent} element, not a Link` : "not reachable from the structure tree"}` });
      }
      return findings;
    });
}

/** Annotation id → role of the structure element that references it on this page. */
function linkParents(tree: PjsStructNode | null): Map<string, string> {
  const parents = new Map<string, string>();
  for (const node of pageNodes(tree)) {
    for (const c of node.children) {
      // pdfjs reports an OBJR as "object" (bare ref id) or "annotation" (prefixed id), by version.
      if ("type" in c && c.type !== "content") parents.set(c.id.replace(PDFJS_ANNOTATION_PREFIX, ""), node.role);
    }
  }
  return parents;
}

function headingsOf(elements: StructElement[]): string[] {
  return elements.map((e) => e.role).filter((r) => /^H[1-6]$/.test(r));
}

function checkHeadings(elements: StructElement[]): PdfUaFinding[] {
  // Matterhorn 14-002/14-003: numbered headings start at H1 and never skip a level going down.
  const findings: PdfUaFinding[] = [];
  let previous = 0;
  for (const h of headingsOf(elements)) {
    const level = Number(h.slice(1));
    if (level > previous + 1) {
      findings.push({ check: "heading-order", message: previous === 0 ? `the first heading is ${h}, not H1` : `heading skips a level: H${previous} → ${h}` });
    }
    previous = level;
  }
  return findings;
}

function checkTables(elements: StructElement[]): PdfUaFinding[] {
  // A data table needs header cells for a screen reader to announce each cell's column or row.
  const hasTh = (e: StructElement): boolean => e.children.some((c) => c.role === "TH" || hasTh(c));
  const bare = elements.filter((e) => e.role === "Table" && !hasTh(e)).length;
  return bare ? [{ check: "table-headers", message: `${bare} Table element(s) without any TH cell` }] : [];
}

function checkQpdf(path: string): PdfUaFinding[] {
  // A reader that cannot parse the file cannot make it accessible. Exit 0 only: 3 means
  // qpdf repaired something. Run here rather than via pdf.ts's qpdfCheck so a damaged
  // file's warnings land in the finding instead of on the test run's stderr.
  const run = spawnSync("qpdf", ["--check", path], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status === 0) return [];
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  const detail = output.split("\n").filter((l) => /error|warning/i.test(l)).slice(0, SAMPLES).join("; ");
  return [{ check: "qpdf", message: `qpdf --check exited ${run.status ?? run.signal}: ${detail || output.trim().slice(0, 200)}` }];
}

function checkOutline(hasOutline: boolean, catalog: CatalogFacts): PdfUaFinding[] {
  // pdfkit leaves /Count off the outline root; ISO 32000 wants it whenever an entry is
  // open, and validators flag its absence.
  if (!hasOutline || typeof catalog.outlines?.["/Count"] === "number") return [];
  return [{ check: "outline", message: "the /Outlines dictionary has no /Count" }];
}

// ---------------------------------------------------------------------------------------------

function summarise(elements: StructElement[], pages: PageReading[]): StructSummary {
  const roles: Record<string, number> = {};
  for (const e of elements) roles[e.role] = (roles[e.role] ?? 0) + 1;
  return {
    roles,
    headings: headingsOf(elements),
    figuresWithAlt: elements.filter((e) => e.role === "Figure" && e.alt).length,
    links: pages.reduce((n, p) => n + p.annotations.filter((a) => a.subtype === "Link").length, 0),
  };
}
