// Compact PDFs (PDF 1.5+, allowed by PDF/A-2 and PDF/UA): every object that is not a
// stream — the structure tree's thousands of small elements, annotations, fonts' and
// pages' dictionaries — goes into compressed object streams, and a cross-reference stream
// replaces the plain-text table. A tagged brief shrinks to about a third.
//
// pdfkit 0.20.2 (pinned) writes each object as it is finished, through
// PDFReference#finalize, and the table at the end, through PDFDocument#_finalize: both
// are private. finalize is wrapped once on pdfkit's prototype and acts only for
// documents handed to compactObjects(); _finalize is replaced on that document alone.
import { deflateSync } from "node:zlib";

/** Objects per object stream: what qpdf makes too, a balance of size and random access. */
const PER_STREAM = 100;

interface Reference {
  id: number;
  gen: number;
  offset: number;
  buffer: Uint8Array[] | Uint8Array;
  document: DocInternals;
  finalize(): void;
}

interface DocInternals {
  _offset: number;
  _offsets: Array<number | null>;
  _root: Reference;
  _info: Reference;
  _id: Uint8Array;
  _security?: unknown;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: Reference): void;
  _finalize(): void;
  push(chunk: null): void;
  [COMPACT]?: Packed;
}

/** Objects set aside for object streams, by id, as pdfkit serialised them. */
type Packed = Map<number, string>;

const COMPACT = Symbol("briefpress.compact");
const WRAPPED = Symbol("briefpress.compact.wrapped");

/** Makes `doc` write object streams and a cross-reference stream. Call before any object ends. */
export function compactObjects(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as DocInternals;
  if (internals._security) return; // encrypted documents keep pdfkit's own writer
  wrapFinalize(Object.getPrototypeOf(internals._root) as Reference & { [WRAPPED]?: true });
  const packed: Packed = new Map();
  internals[COMPACT] = packed;
  internals._finalize = () => finish(internals, packed);
}

function wrapFinalize(proto: Reference & { [WRAPPED]?: true }): void {
  if (proto[WRAPPED]) return;
  const original = proto.finalize;
  proto[WRAPPED] = true;
  proto.finalize = function (this: Reference) {
    const packed = this.document[COMPACT];
    // Streams stay where they are: an object stream may hold no streams.
    if (!packed || this.buffer.length > 0) return original.call(this);
    // Let pdfkit serialise the object, but keep its text instead of writing it.
    const doc = this.document;
    const write = doc._write;
    const refEnd = doc._refEnd;
    const parts: string[] = [];
    doc._write = (data) => parts.push(typeof data === "string" ? data : Buffer.from(data).toString("latin1"));
    doc._refEnd = () => undefined;
    try {
      original.call(this);
    } finally {
      doc._write = write;
      doc._refEnd = refEnd;
    }
    // parts: "N 0 obj", the dictionary (or value), "endobj".
    packed.set(this.id, parts.slice(1, -1).join("\n"));
    doc._refEnd(this);
  };
}

function finish(doc: DocInternals, packed: Packed): void {
  const count = doc._offsets.length;
  /** Where each object lives: [1, offset] in the file, or [2, stream id, index] packed. */
  const entries: Array<[1, number] | [2, number, number]> = [];
  const ids = [...packed.keys()].sort((a, b) => a - b);
  let next = count + 1;
  for (let i = 0; i < ids.length; i += PER_STREAM) {
    const group = ids.slice(i, i + PER_STREAM);
    const streamId = next++;
    const bodies = group.map((id) => packed.get(id) ?? "null");
    let at = 0;
    const header = group.map((id, k) => {
      const pair = `${id} ${at}`;
      at += Buffer.byteLength(bodies[k] ?? "", "latin1") + 1;
      entries[id] = [2, streamId, k];
      return pair;
    });
    const head = `${header.join(" ")}\n`;
    const data = deflateSync(Buffer.from(head + bodies.join("\n") + "\n", "latin1"));
    entries[streamId] = [1, doc._offset];
    writeObject(doc, streamId, `<<\n/Type /ObjStm\n/N ${group.length}\n/First ${Buffer.byteLength(head, "latin1")}\n/Filter /FlateDecode\n/Length ${data.length}\n>>`, data);
  }
  doc._offsets.forEach((offset, i) => {
    if (!packed.has(i + 1)) entries[i + 1] = [1, offset ?? 0];
  });
  // The cross-reference stream lists itself too.
  const xrefId = next;
  const xrefOffset = doc._offset;
  entries[xrefId] = [1, xrefOffset];
  const size = xrefId + 1;
  const rows = Buffer.alloc(size * 7);
  rows.writeUInt8(0, 0);
  rows.writeUInt32BE(0, 1);
  rows.writeUInt16BE(0xffff, 5);
  for (let id = 1; id < size; id++) {
    const e = entries[id];
    const o = id * 7;
    if (!e) continue; // a free entry: type 0, all zero
    rows.writeUInt8(e[0], o);
    rows.writeUInt32BE(e[1], o + 1);
    rows.writeUInt16BE(e[0] === 2 ? e[2] : 0, o + 5);
  }
  const data = deflateSync(rows);
  const fileId = `<${Buffer.from(doc._id).toString("hex")}>`;
  writeObject(doc, xrefId, `<<\n/Type /XRef\n/Size ${size}\n/W [1 4 2]\n/Root ${doc._root.id} 0 R\n/Info ${doc._info.id} 0 R\n/ID [${fileId} ${fileId}]\n/Filter /FlateDecode\n/Length ${data.length}\n>>`, data);
  doc._write("startxref");
  doc._write(`${xrefOffset}`);
  doc._write("%%EOF");
  doc.push(null);
}

function writeObject(doc: DocInternals, id: number, dict: string, stream: Uint8Array): void {
  doc._write(`${id} 0 obj`);
  doc._write(dict);
  doc._write("stream");
  doc._write(stream);
  doc._write("\nendstream");
  doc._write("endobj");
}
