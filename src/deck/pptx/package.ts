// What pptxgenjs leaves out of the package, mended in its XML: speaker notes as real
// paragraphs (it writes one run with line breaks), tables whose first row is marked as
// the header, content types only for parts that exist, the Noto faces for Korean and Chinese, the deck's language on every run, the fonts embedded (fonts.ts), and fixed dates and zip times so the same
// source gives the same bytes.
import { deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough } from "fflate";
import { themeScriptFaces } from "../../text/families.js";
import { isRtlLang } from "../../text/scripts.js";
import { embedFonts, type PptxFonts } from "./fonts.js";

export interface PackageOptions {
  lang: string;
  date?: Date;
  /** The deck's faces to embed, and those replaced by a face PowerPoint ships. */
  fonts?: PptxFonts;
}

const EPOCH = new Date(Date.UTC(2000, 0, 1));
/** Zip entries keep local wall-clock times (DOS dates): this one reads the same in every time zone. */
const ZIP_TIME = new Date(2000, 0, 1);
/** Characters XML 1.0 forbids (Word's vertical tab and form feed, NUL…): a break becomes a space. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function finishPackage(pptx: Buffer, options: PackageOptions): Buffer {
  const files = unzipSync(new Uint8Array(pptx));
  if (options.fonts) embedFonts(files, options.fonts);
  const stamp = (options.date ?? EPOCH).toISOString().replace(/\.\d{3}Z$/, "Z");
  const out: Array<[string, Uint8Array]> = [];
  // [Content_Types].xml first, as Office writes it; the rest in a stable order.
  const names = Object.keys(files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const data = files[name] as Uint8Array;
    let xml: string | null = name.endsWith(".xml") || name.endsWith(".rels") ? strFromU8(data) : null;
    if (xml !== null) {
      xml = xml.replace(NOT_XML, (c) => (c === "\u000B" || c === "\u000C" ? " " : ""));
      if (name.startsWith("ppt/notesSlides/")) xml = notesParagraphs(xml);
      if (name.startsWith("ppt/slides/")) xml = oneParagraphProperties(xml.replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1" bandRow="1"/>'));
      if (name.startsWith("ppt/slides/") || name.startsWith("ppt/notesSlides/")) xml = xml.replace(/ lang="en-US"/g, ` lang="${escapeAttr(options.lang)}"`);
      if (name.startsWith("ppt/slide")) xml = themeScriptFonts(xml);
      if (name.startsWith("ppt/theme/")) xml = themeScriptFaces(scriptFallbacks(xml));
      if (isRtlLang(options.lang) && (name.startsWith("ppt/slides/") || name.startsWith("ppt/slideLayouts/"))) xml = rightToLeft(xml);
      // pptxgenjs names a second slide master in the content types that it never writes.
      if (name === "[Content_Types].xml") xml = xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (o, part: string) => (files[part] ? o : ""));
      if (name === "ppt/presentation.xml") xml = notesMasterFirst(xml);
      if (name === "docProps/core.xml") xml = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`);
    }
    out.push([name, xml === null ? data : strToU8(xml)]);
  }
  return zipParts(out);
}

/**
 * fflate's own way to bring a compressor (a ZipPassThrough whose process() compresses):
 * Node's zlib, native, where fflate's JavaScript deflate starts cold in every build and
 * took a fifth of a second of it. Each part is pushed whole, as one final chunk.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk), final);
  }
}

/** The package's parts zipped in this order; pictures stored as they are (PNG and JPEG are compressed already). */
function zipParts(parts: ReadonlyArray<readonly [string, Uint8Array]>): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  for (const [name, data] of parts) {
    const file = name.startsWith("ppt/media/") ? new ZipPassThrough(name) : new NativeDeflate(name);
    file.mtime = ZIP_TIME;
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** pptxgenjs lists the notes master after the slides; the schema (and PowerPoint's repair check) wants it before them. */
function notesMasterFirst(xml: string): string {
  const notes = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml)?.[0];
  if (!notes || xml.indexOf(notes) < xml.indexOf("<p:sldIdLst>") || !xml.includes("<p:sldIdLst>")) return xml;
  return xml.replace(notes, "").replace("<p:sldIdLst>", `${notes}<p:sldIdLst>`);
}

/** One `<a:p>` per line of the notes placeholder's single run. */
function notesParagraphs(xml: string): string {
  return xml.replace(/<a:p><a:r><a:rPr([^>]*)\/><a:t>([^<]*)<\/a:t><\/a:r>(<a:endParaRPr[^>]*\/>)?<\/a:p>/, (whole, rPr: string, text: string) => {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length < 2) return whole;
    return lines.map((l) => `<a:p><a:r><a:rPr${rPr}/><a:t>${l}</a:t></a:r></a:p>`).join("");
  });
}

/**
 * pptxgenjs names the Latin face for East Asian and complex scripts too; those runs take
 * the theme's fonts instead, which scriptFallbacks points at the deck's Noto faces.
 */
function themeScriptFonts(xml: string): string {
  return xml.replace(/<a:ea typeface="[^"+][^"]*"[^>]*\/>/g, '<a:ea typeface="+mn-ea"/>').replace(/<a:cs typeface="[^"+][^"]*"[^>]*\/>/g, '<a:cs typeface="+mn-cs"/>');
}

/** The theme's East Asian fonts: the faces the HTML deck and the PDF use for Korean and Chinese. */
function scriptFallbacks(xml: string): string {
  return xml
    .replace(/<a:ea typeface=""\/>/g, '<a:ea typeface="Noto Sans KR"/>')
    .replace(/<a:font script="Hang" typeface="[^"]*"\/>/g, '<a:font script="Hang" typeface="Noto Sans KR"/>')
    .replace(/<a:font script="(Hans|Hant)" typeface="[^"]*"\/>/g, '<a:font script="$1" typeface="Noto Sans SC"/>');
}

/**
 * A deck in Arabic, Persian, Urdu, Hebrew…: every paragraph right to left (rtl="1"), and
 * left and right alignment swapped, as PowerPoint does when a paragraph's direction turns.
 */
function rightToLeft(xml: string): string {
  return xml
    .replace(/algn="(l|r)"/g, (_, a: string) => `algn="${a === "l" ? "r" : "l"}"`)
    .replace(/<a:pPr(?![^>]*\srtl=)/g, '<a:pPr rtl="1"')
    .replace(/<a:p>(?!<a:pPr)/g, '<a:p><a:pPr rtl="1"/>');
}

const PARAGRAPH_PROPERTIES = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;

/**
 * pptxgenjs writes an `<a:pPr>` before every run of a paragraph; the schema allows one,
 * first. Later ones (which would also switch the bullet off) are dropped.
 */
function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    const lead = /^(<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>)/.exec(inner)?.[0] ?? "";
    return `<a:p>${lead}${inner.slice(lead.length).replace(PARAGRAPH_PROPERTIES, "")}</a:p>`;
  });
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
