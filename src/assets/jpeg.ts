// A JPEG's structure, walked in `check` before any renderer decodes it: segments with
// lengths that fit, one frame header, Huffman tables that are well formed, and (for the
// baseline and extended Huffman JPEGs cameras and charting tools write) every block of
// every scan Huffman-decoded to the end, without computing a single pixel. Damage in the
// scan data (a flipped or zeroed run of bytes, a file cut short) shows as a code no table
// has, a block of more than 64 coefficients, a missing restart marker, data that ends
// before the last block or runs far past it. No decoder is installed for `check` (sharp
// loads only in the renderers), and this finds what the PDF's decoder would refuse.
// Progressive and arithmetic-coded files get the segment walk only.

interface Huffman {
  maxcode: Int32Array;
  valptr: Int32Array;
  mincode: Int32Array;
  values: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
}

/** What is wrong with the JPEG, in the user's words, or null when it is whole. */
export function jpegProblem(bytes: Uint8Array): string | null {
  try {
    return walk(bytes);
  } catch (e) {
    if (e instanceof Damage) return e.message;
    throw e;
  }
}

class Damage extends Error {}

function walk(b: Uint8Array): string | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return "does not start as a JPEG does";
  const tables = new Map<number, Huffman>(); // class << 4 | id
  let frame: { baseline: boolean; width: number; height: number; components: Component[] } | null = null;
  let restart = 0;
  let scans = 0;
  let at = 2;
  for (;;) {
    if (at >= b.length) return scans ? "is cut short: it has no end marker" : "is cut short before its picture data";
    if (b[at] !== 0xff) throw new Damage(`is damaged: bytes where a segment should start (at byte ${at})`);
    while (b[at] === 0xff) at++;
    const marker = b[at++] ?? 0;
    if (marker === 0xd9) return scans ? null : "has no picture data";
    if (marker >= 0xd0 && marker <= 0xd7) continue;
    if (at + 2 > b.length) throw new Damage("is cut short");
    const length = ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
    if (length < 2 || at + length > b.length) throw new Damage(length < 2 ? "is damaged: a segment of impossible length" : "is cut short inside a segment");
    const seg = b.subarray(at + 2, at + length);
    at += length;
    if (marker === 0xc4) readHuffman(seg, tables);
    else if (marker === 0xdd) restart = ((seg[0] ?? 0) << 8) | (seg[1] ?? 0);
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (frame) throw new Damage("is damaged: it has two frame headers");
      const n = seg[5] ?? 0;
      if (seg.length < 6 + 3 * n || n === 0) throw new Damage("is damaged: its frame header is cut short");
      const components = Array.from({ length: n }, (_, i) => ({ id: seg[6 + 3 * i] ?? 0, h: (seg[7 + 3 * i] ?? 0) >> 4, v: (seg[7 + 3 * i] ?? 0) & 15 }));
      if (components.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4)) throw new Damage("is damaged: its frame header has impossible sampling factors");
      frame = { baseline: marker === 0xc0 || marker === 0xc1, height: ((seg[1] ?? 0) << 8) | (seg[2] ?? 0), width: ((seg[3] ?? 0) << 8) | (seg[4] ?? 0), components };
      if (!frame.width || !frame.height) throw new Damage("is damaged: its frame header gives no size");
    } else if (marker === 0xda) {
      if (!frame) throw new Damage("is damaged: its picture data comes before its frame header");
      scans++;
      const n = seg[0] ?? 0;
      if (n < 1 || n > 4 || seg.length < 1 + 2 * n + 3) throw new Damage("is damaged: a scan header is cut short");
      const parts = Array.from({ length: n }, (_, i) => ({ component: frame!.components.find((c) => c.id === seg[1 + 2 * i]), dc: (seg[2 + 2 * i] ?? 0) >> 4, ac: (seg[2 + 2 * i] ?? 0) & 15 }));
      if (parts.some((p) => !p.component)) throw new Damage("is damaged: a scan names a colour component the frame does not have");
      at = frame.baseline ? decodeScan(b, at, frame, parts as ScanPart[], tables, restart) : skipScan(b, at);
    }
  }
}

interface ScanPart {
  component: Component;
  dc: number;
  ac: number;
}

function readHuffman(seg: Uint8Array, tables: Map<number, Huffman>): void {
  let at = 0;
  while (at < seg.length) {
    const head = seg[at] ?? 0;
    const counts = seg.subarray(at + 1, at + 17);
    const total = counts.reduce((s, c) => s + c, 0);
    if (counts.length < 16 || total > 256 || at + 17 + total > seg.length || head >> 4 > 1) throw new Damage("is damaged: a Huffman table is malformed");
    const values = seg.slice(at + 17, at + 17 + total);
    const maxcode = new Int32Array(18).fill(-1);
    const mincode = new Int32Array(17);
    const valptr = new Int32Array(17);
    let code = 0;
    let k = 0;
    for (let l = 1; l <= 16; l++) {
      const c = counts[l - 1] ?? 0;
      valptr[l] = k;
      mincode[l] = code;
      code += c;
      k += c;
      if (c) maxcode[l] = code - 1;
      if (code > 1 << l) throw new Damage("is damaged: a Huffman table has more codes than fit");
      code <<= 1;
    }
    tables.set(head, { maxcode, mincode, valptr, values });
    at += 17 + total;
  }
}

/** Skips entropy-coded data to the next marker that is not a restart or a stuffed byte. */
function skipScan(b: Uint8Array, at: number): number {
  for (let i = at; i + 1 < b.length; i++) if (b[i] === 0xff && b[i + 1] !== 0 && !((b[i + 1] ?? 0) >= 0xd0 && (b[i + 1] ?? 0) <= 0xd7) && b[i + 1] !== 0xff) return i;
  throw new Damage("is cut short inside its picture data");
}

/** Huffman-decodes every block of a baseline scan; returns where the next marker starts. */
function decodeScan(b: Uint8Array, start: number, frame: { width: number; height: number; components: Component[] }, parts: ScanPart[], tables: Map<number, Huffman>, restart: number): number {
  const hmax = Math.max(...frame.components.map((c) => c.h));
  const vmax = Math.max(...frame.components.map((c) => c.v));
  const single = parts.length === 1;
  const first = parts[0]!.component;
  const mcus = single
    ? Math.ceil(Math.ceil((frame.width * first.h) / hmax) / 8) * Math.ceil(Math.ceil((frame.height * first.v) / vmax) / 8)
    : Math.ceil(frame.width / (8 * hmax)) * Math.ceil(frame.height / (8 * vmax));
  const plan = parts.map((p) => {
    const dc = tables.get(p.dc);
    const ac = tables.get(0x10 | p.ac);
    if (!dc || !ac) throw new Damage("is damaged: a scan uses a Huffman table the file does not define");
    return { dc, ac, blocks: single ? 1 : p.component.h * p.component.v };
  });
  let at = start;
  let bits = 0;
  let nbits = 0;
  let ended = false;
  let padded = 0;
  const bit = (): number => {
    if (nbits === 0) {
      if (ended || at >= b.length) {
        ended = true;
        padded++;
        if (padded > 64) throw new Damage("is cut short: its picture data ends before its last block");
        return 0;
      }
      const byte = b[at] ?? 0;
      if (byte === 0xff) {
        const next = b[at + 1] ?? 0;
        if (next === 0) at += 2;
        else {
          ended = true;
          padded++;
          return 0;
        }
      } else at++;
      bits = byte;
      nbits = 8;
    }
    nbits--;
    return (bits >> nbits) & 1;
  };
  const decode = (t: Huffman): number => {
    let code = bit();
    for (let l = 1; l <= 16; l++) {
      if (code <= (t.maxcode[l] ?? -1)) return t.values[(t.valptr[l] ?? 0) + code - (t.mincode[l] ?? 0)] ?? 0;
      code = (code << 1) | bit();
    }
    throw new Damage("is damaged: its picture data holds a code no Huffman table has");
  };
  const skip = (n: number) => {
    for (let i = 0; i < n; i++) bit();
  };
  for (let m = 0; m < mcus; m++) {
    if (restart && m > 0 && m % restart === 0) {
      nbits = 0;
      if (b[at] !== 0xff || (b[at + 1] ?? 0) < 0xd0 || (b[at + 1] ?? 0) > 0xd7) throw new Damage("is damaged: a restart marker is missing from its picture data");
      at += 2;
      ended = false;
    }
    for (const p of plan) {
      for (let k = 0; k < p.blocks; k++) {
        const t = decode(p.dc);
        if (t > 11) throw new Damage("is damaged: its picture data holds an impossible value");
        skip(t);
        for (let c = 1; c < 64; ) {
          const rs = decode(p.ac);
          const r = rs >> 4;
          const s = rs & 15;
          if (s === 0) {
            if (r !== 15) break;
            c += 16;
            continue;
          }
          c += r;
          if (c > 63) throw new Damage("is damaged: a block of its picture data runs past 64 values");
          skip(s);
          c++;
        }
      }
    }
    if (ended && padded > 7) throw new Damage("is cut short: its picture data ends before its last block");
  }
  // What follows the last block is the next marker (after at most a byte of padding).
  let end = at;
  while (end < b.length && !(b[end] === 0xff && b[end + 1] !== 0)) end++;
  if (end >= b.length) throw new Damage("is cut short: it has no end marker");
  if (end - at > 2) throw new Damage("is damaged: its picture data runs past its last block");
  return end;
}
