// Reads a PDF the way a reader's software does: pdfjs-dist for text, links and
// outline; poppler and qpdf for fonts and structural validity.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ROOT } from "./paths.js";

const standardFontDataUrl = join(ROOT, "node_modules", "pdfjs-dist", "standard_fonts") + "/";

export interface PdfPage {
  text: string;
  items: Array<{ str: string; x: number; y: number; width: number; height: number }>;
  links: Array<{ url?: string; dest?: string; rect: number[]; contents?: string }>;
  width: number;
  height: number;
}

export interface PdfReading {
  pages: PdfPage[];
  outline: Array<{ title: string; items: Array<{ title: string }> }>;
  info: Record<string, unknown>;
  destinations: string[];
}

export async function readPdf(path: string): Promise<PdfReading> {
  return readPdfBuffer(readFileSync(path));
}

export async function readPdfBuffer(bytes: Buffer): Promise<PdfReading> {
  const data = new Uint8Array(bytes);
  const doc = await getDocument({ data, standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.flatMap((it) =>
      "str" in it ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, height: it.height, eol: it.hasEOL }] : [],
    );
    const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown; rect: number[]; contentsObj?: { str: string } }>;
    pages.push({
      // Runs on one line join as drawn (their spaces are in the text); lines join with a space.
      text: items.map((i) => i.str + (i.eol ? " " : "")).join(""),
      items,
      links: annotations
        .filter((a) => a.subtype === "Link")
        .map((a) => ({ url: a.url, dest: typeof a.dest === "string" ? a.dest : undefined, rect: a.rect, contents: a.contentsObj?.str })),
      width: viewport.width,
      height: viewport.height,
    });
  }
  const outline = ((await doc.getOutline()) ?? []).map((o) => ({ title: o.title, items: (o.items ?? []).map((i) => ({ title: i.title })) }));
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const destinations = Object.keys((await doc.getDestinations()) ?? {});
  await doc.destroy();
  return { pages, outline, info, destinations };
}

/** pdffonts rows: name, type, embedded. */
export function pdfFonts(path: string): Array<{ name: string; embedded: boolean }> {
  const out = execFileSync("pdffonts", [path], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // columns: name type [encoding…] emb sub uni object ID
      const emb = cols[cols.length - 5];
      return { name: cols[0] ?? "", embedded: emb === "yes" };
    });
}

export function qpdfCheck(path: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync("qpdf", ["--check", path], { encoding: "utf8" }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

export function pdfinfo(path: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Object.fromEntries(out.split("\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]));
}

export function hasTool(name: string): boolean {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Words as a reader sees them: letters and digits, case-folded, ligatures and hyphens undone. */
export function words(text: string): string[] {
  const tokens = text.normalize("NFKC").toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+/gu) ?? [];
  // Chinese and Korean names have no spaces to split on, and a PDF may draw them in two
  // fonts (赵 from Noto Sans SC, 乐际 from Noto Sans KR): compare them character by character.
  return tokens.flatMap((t) => (/[\p{Script=Han}\p{Script=Hangul}]/u.test(t) ? [...t] : [t]));
}
