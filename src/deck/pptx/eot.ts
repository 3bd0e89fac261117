// Embedded OpenType (W3C submission, version 2.1, uncompressed): the wrapper PowerPoint
// stores its embedded fonts in (ppt/fonts/*.fntdata). A header of fields copied from the
// font's own OS/2, head and name tables, then the TrueType bytes unchanged.

/** What the font's tables say about embedding and the face, read straight from its bytes. */
export interface SfntFacts {
  /** OS/2 fsType: the licence's embedding bits. */
  fsType: number;
  /** TrueType outlines (a glyf table): the only kind PowerPoint embeds. */
  trueType: boolean;
  weight: number;
  italic: boolean;
  panose: Uint8Array;
  family: string;
  style: string;
  version: string;
  fullName: string;
}

function tables(font: Uint8Array): Map<string, { offset: number; length: number }> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const found = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(font[at] ?? 0, font[at + 1] ?? 0, font[at + 2] ?? 0, font[at + 3] ?? 0);
    found.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return found;
}

/** A name table string (Windows, Unicode BMP, US English first, then any Windows one). */
function nameOf(font: Uint8Array, table: { offset: number } | undefined, id: number): string {
  if (!table) return "";
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(table.offset + 2);
  const strings = table.offset + view.getUint16(table.offset + 4);
  let best: { rank: number; text: string } | undefined;
  for (let i = 0; i < count; i++) {
    const at = table.offset + 6 + 12 * i;
    if (view.getUint16(at) !== 3 || view.getUint16(at + 6) !== id) continue;
    const length = view.getUint16(at + 8);
    const start = strings + view.getUint16(at + 10);
    let text = "";
    for (let j = 0; j + 1 < length; j += 2) text += String.fromCharCode(view.getUint16(start + j));
    const rank = view.getUint16(at + 4) === 0x409 ? 0 : 1;
    if (!best || rank < best.rank) best = { rank, text };
  }
  return best?.text ?? "";
}

export function sfntFacts(font: Uint8Array): SfntFacts {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const t = tables(font);
  const os2 = t.get("OS/2");
  const name = t.get("name");
  return {
    fsType: os2 ? view.getUint16(os2.offset + 8) : 0,
    trueType: t.has("glyf"),
    weight: os2 ? view.getUint16(os2.offset + 4) : 400,
    italic: os2 ? (view.getUint16(os2.offset + 62) & 1) === 1 : false,
    panose: os2 ? font.slice(os2.offset + 32, os2.offset + 42) : new Uint8Array(10),
    // The family and style Windows (GDI) knows the face by, which PowerPoint matches on.
    family: nameOf(font, name, 1),
    style: nameOf(font, name, 2),
    version: nameOf(font, name, 5),
    fullName: nameOf(font, name, 4),
  };
}

/** fsType's licence says the face may not travel in a document (restricted licence), or only as bitmaps. */
export function mayEmbed(facts: SfntFacts): boolean {
  return (facts.fsType & 0x000f) !== 0x0002 && (facts.fsType & 0x0200) === 0 && facts.trueType;
}

const utf16le = (s: string): Buffer => Buffer.from(s, "utf16le");

/** The font wrapped as an uncompressed EOT; `subset` sets the header's TTEMBED_SUBSET flag. */
export function eot(font: Uint8Array, subset: boolean): Buffer {
  const facts = sfntFacts(font);
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const t = tables(font);
  const os2 = t.get("OS/2");
  const head = t.get("head");
  const fixed = Buffer.alloc(82);
  fixed.writeUInt32LE(font.byteLength, 4);
  fixed.writeUInt32LE(0x00020001, 8);
  fixed.writeUInt32LE(subset ? 0x1 : 0, 12);
  Buffer.from(facts.panose).copy(fixed, 16);
  fixed.writeUInt8(1, 26); // DEFAULT_CHARSET
  fixed.writeUInt8(facts.italic ? 1 : 0, 27);
  fixed.writeUInt32LE(facts.weight, 28);
  fixed.writeUInt16LE(facts.fsType, 32);
  fixed.writeUInt16LE(0x504c, 34);
  if (os2) {
    // ulUnicodeRange1–4, then ulCodePageRange1–2 (OS/2 version 1 and later).
    for (let i = 0; i < 4; i++) fixed.writeUInt32LE(view.getUint32(os2.offset + 42 + 4 * i), 36 + 4 * i);
    if (view.getUint16(os2.offset) >= 1 && os2.length >= 86) for (let i = 0; i < 2; i++) fixed.writeUInt32LE(view.getUint32(os2.offset + 78 + 4 * i), 52 + 4 * i);
  }
  if (head) fixed.writeUInt32LE(view.getUint32(head.offset + 8), 60);
  // Reserved1–4 (64–79) and Padding1 (80–81) stay zero.
  const names = [facts.family, facts.style, facts.version, facts.fullName].map(utf16le);
  const parts: Buffer[] = [fixed];
  names.forEach((n, i) => {
    const size = Buffer.alloc(i === 0 ? 2 : 4);
    size.writeUInt16LE(n.length, i === 0 ? 0 : 2); // a zero padding word before every name but the first
    parts.push(size, n);
  });
  parts.push(Buffer.alloc(4)); // Padding5, RootStringSize = 0
  parts.push(Buffer.from(font.buffer, font.byteOffset, font.byteLength));
  const out = Buffer.concat(parts);
  out.writeUInt32LE(out.length, 0);
  return out;
}
