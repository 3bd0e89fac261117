// The deck's fonts inside slides.pptx, as PowerPoint embeds them ("Embed fonts in the
// file", characters in use only): each face an EOT part (ppt/fonts/fontN.fntdata,
// application/x-fontdata) that presentation.xml lists under <p:embeddedFontLst>. A venue
// laptop without Source Sans 3 or the Noto faces then shows the deck as it was made. A face
// whose licence forbids embedding, or that is not TrueType, is replaced by a face PowerPoint
// ships, and the build says which.
import { strFromU8, strToU8 } from "fflate";
import { diagnostic, pointSpan, type Diagnostic } from "../../model/diagnostics.js";
import type { FontBook } from "../../text/fonts.js";
import { deckFaces, subset, type FontCache } from "../fonts.js";
import { eot, mayEmbed, sfntFacts } from "./eot.js";

type Style = "regular" | "bold" | "italic" | "boldItalic";

export interface PptxFontFace {
  family: string;
  style: Style;
  /** The face's subset, wrapped as EOT. */
  data: Uint8Array;
  panose: string;
  pitchFamily: number;
}

export interface PptxFontFallback {
  family: string;
  /** A face PowerPoint installs with Office that draws the same script. */
  fallback: string;
  reason: string;
}

export interface PptxFonts {
  faces: PptxFontFace[];
  fallbacks: PptxFontFallback[];
}

/** Faces Office installs on Windows and macOS, by the script each of ours draws. */
const SHIPPED: Readonly<Record<string, string>> = {
  "Source Sans 3": "Arial",
  "Noto Sans KR": "Malgun Gothic",
  "Noto Sans SC": "Microsoft YaHei",
  "Noto Naskh Arabic": "Arial",
  "Noto Sans Hebrew": "Arial",
  "Noto Sans Myanmar": "Myanmar Text",
  "Noto Sans Bengali": "Nirmala UI",
  "Noto Sans Tamil": "Nirmala UI",
  "Noto Sans Sinhala": "Nirmala UI",
  "Noto Sans Devanagari": "Nirmala UI",
  "Noto Sans Thai": "Leelawadee UI",
  "Noto Sans Khmer": "Leelawadee UI",
  "Noto Sans Lao": "Leelawadee UI",
  "Noto Sans Ethiopic": "Ebrima",
  "Noto Sans Georgian": "Sylfaen",
  "Noto Sans Armenian": "Sylfaen",
  "Noto Sans Symbols": "Segoe UI Symbol",
  "Noto Sans Symbols 2": "Segoe UI Symbol",
  "Noto Emoji": "Segoe UI Emoji",
  "Noto Serif": "Cambria",
};

/** PANOSE family and serif style → the pitch-and-family byte of a <p:font> (variable pitch, plus Roman, Swiss, Script or Decorative). */
function pitchFamily(panose: Uint8Array): number {
  const [kind = 0, serif = 0] = panose;
  const family = kind === 3 ? 0x40 : kind === 4 || kind === 5 ? 0x50 : serif >= 11 && serif <= 13 ? 0x20 : serif >= 2 ? 0x10 : 0;
  return family | 0x02;
}

/**
 * The faces `text` uses, subset to its characters (the same subsets as slides.html's, so
 * cached), wrapped for PowerPoint; or, for a face that may not be embedded, its stand-in.
 */
export async function pptxFonts(text: string, book: FontBook, cache?: FontCache): Promise<PptxFonts> {
  const faces: PptxFontFace[] = [];
  const fallbacks: PptxFontFallback[] = [];
  const seen = new Set<string>();
  for (const face of deckFaces(text, book)) {
    const style: Style = face.weight >= 600 ? (face.style === "italic" ? "boldItalic" : "bold") : face.style === "italic" ? "italic" : "regular";
    if (seen.has(`${face.family}\u0000${style}`) || fallbacks.some((f) => f.family === face.family)) continue;
    seen.add(`${face.family}\u0000${style}`);
    const facts = sfntFacts(book.bytes(face.key));
    if (!mayEmbed(facts)) {
      const reason = facts.trueType ? "its licence does not allow embedding" : "PowerPoint embeds TrueType faces only";
      fallbacks.push({ family: face.family, fallback: SHIPPED[face.family] ?? "Arial", reason });
      continue;
    }
    // A face whose licence forbids subsetting goes in whole.
    const whole = (facts.fsType & 0x0100) !== 0;
    const bytes = whole ? book.bytes(face.key) : Buffer.from(await subset(book, face.key, face.chars, cache), "base64");
    faces.push({ family: face.family, style, data: eot(bytes, !whole), panose: Buffer.from(facts.panose).toString("hex").toUpperCase(), pitchFamily: pitchFamily(facts.panose) });
  }
  // A family with one face that may not travel is replaced whole: its other faces go too.
  return { faces: faces.filter((f) => !fallbacks.some((b) => b.family === f.family)), fallbacks };
}

/** One info a face that could not be embedded, naming the face PowerPoint will show instead. */
export function fontFallbackNotes(file: string, fonts: PptxFonts | undefined): Diagnostic[] {
  return (fonts?.fallbacks ?? []).map((f) =>
    diagnostic(file, pointSpan(1, 1), "info", "slides/font-fallback", `slides.pptx names "${f.fallback}" instead of "${f.family}": ${f.reason}`, [
      `"${f.fallback}" comes with PowerPoint; slides.html and slides.pdf keep "${f.family}"`,
    ]),
  );
}

const STYLE_ORDER: readonly Style[] = ["regular", "bold", "italic", "boldItalic"];
const FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

/** Adds the font parts, their relationships and the <p:embeddedFontLst> to the package's files. */
export function embedFonts(files: Record<string, Uint8Array>, fonts: PptxFonts): void {
  const edit = (part: string, change: (xml: string) => string) => {
    const data = files[part];
    if (data) files[part] = strToU8(change(strFromU8(data)));
  };
  for (const { family, fallback } of fonts.fallbacks) {
    const named = new RegExp(`typeface="${family.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "g");
    for (const part of Object.keys(files)) if (/^ppt\/.*\.xml$/.test(part)) edit(part, (xml) => xml.replace(named, `typeface="${fallback}"`));
  }
  if (fonts.faces.length === 0) return;
  const rels = "ppt/_rels/presentation.xml.rels";
  const used = [...strFromU8(files[rels] ?? new Uint8Array()).matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(0, ...used) + 1;
  const families = new Map<string, string[]>();
  const relationships: string[] = [];
  fonts.faces.forEach((face, i) => {
    const id = `rId${next++}`;
    files[`ppt/fonts/font${i + 1}.fntdata`] = face.data;
    relationships.push(`<Relationship Id="${id}" Type="${FONT_REL}" Target="fonts/font${i + 1}.fntdata"/>`);
    const entry = families.get(face.family) ?? [`<p:font typeface="${escapeAttr(face.family)}" panose="${face.panose}" pitchFamily="${face.pitchFamily}"/>`];
    entry.push(`<p:${face.style} r:id="${id}"/>`);
    families.set(face.family, entry);
  });
  // Within a family the schema wants regular, bold, italic, boldItalic in that order.
  const order = (el: string) => STYLE_ORDER.findIndex((s) => el.startsWith(`<p:${s} `));
  const list = [...families.values()].map(([font, ...styles]) => `<p:embeddedFont>${font}${styles.sort((a, b) => order(a) - order(b)).join("")}</p:embeddedFont>`).join("");
  edit(rels, (xml) => xml.replace("</Relationships>", `${relationships.join("")}</Relationships>`));
  edit("[Content_Types].xml", (xml) => (xml.includes('Extension="fntdata"') ? xml : xml.replace(/(<Types\b[^>]*>)/, '$1<Default Extension="fntdata" ContentType="application/x-fontdata"/>')));
  edit("ppt/presentation.xml", (xml) =>
    xml
      .replace(/<p:presentation\b(?![^>]*embedTrueTypeFonts)/, '<p:presentation embedTrueTypeFonts="1"')
      // After <p:notesSz>, where the schema places it.
      .replace(/(<p:notesSz\b[^>]*\/>)/, `$1<p:embeddedFontLst>${list}</p:embeddedFontLst>`),
  );
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
