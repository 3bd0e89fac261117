// Counts glyph 0 (.notdef, drawn as an empty box) in a PDF's content streams. briefpress
// embeds every font as a CID font with two-byte glyph ids, so each text string is hex
// glyph ids: "<0001002a>". A glyph 0 means a character was drawn with no glyph for it.
import { readFileSync } from "node:fs";
import { unzlibSync } from "fflate";

function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString("latin1");
  for (const m of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const dict = m[1] ?? "";
    const start = m.index + m[0].length;
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? NaN);
    const end = Number.isFinite(length) ? start + length : text.indexOf("endstream", start);
    const raw = pdf.subarray(start, end);
    if (/\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType)|\/Length1|\/Type\s*\/XObject/.test(dict)) continue;
    try {
      out.push(Buffer.from(/\/FlateDecode/.test(dict) ? unzlibSync(raw) : raw).toString("latin1"));
    } catch {
      // Not a stream we can read (never a content stream of ours): skip it.
    }
  }
  return out;
}

/** How many glyph-0s the PDF's text operators draw. */
export function countNotdef(path: string): number {
  let count = 0;
  for (const content of streams(readFileSync(path))) {
    if (!/T[Jj]\b/.test(content)) continue;
    for (const op of content.matchAll(/\[((?:[^\]]|\\\])*)\]\s*TJ|(<[0-9a-fA-F\s]*>)\s*Tj/g)) {
      for (const hex of (op[1] ?? op[2] ?? "").matchAll(/<([0-9a-fA-F\s]*)>/g)) {
        const digits = (hex[1] ?? "").replace(/\s+/g, "");
        for (let i = 0; i + 4 <= digits.length; i += 4) if (digits.slice(i, i + 4) === "0000") count++;
      }
    }
  }
  return count;
}
