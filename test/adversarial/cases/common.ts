// What the adversarial cases share: a real PNG and JPEG (drawn once by sharp), the outside
// secrets, and small makers for briefs and rows.
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { SECRET, type Case, type Entry } from "../harness/suite.js";

export const PNG = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#0b6e4f" } }).png().toBuffer();
export const JPEG = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c0392b" } }).jpeg({ quality: 80 }).toBuffer();
export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50" fill="#0b6e4f"/></svg>';

/** Files outside every project: each holds the secret, so any that leaks shows. */
export const SECRETS: Record<string, string | Buffer> = {
  "secret.txt": SECRET,
  "secret.md": `${SECRET} paragraph.\n`,
  "secret.qmd": `${SECRET} included.\n`,
  "secret.bib": `@misc{leak, title={${SECRET}}, author={Outside, O.}, year={2020}}\n`,
  "secret.json": JSON.stringify([{ id: "leak", type: "book", title: SECRET, issued: { "date-parts": [[2020]] } }]),
  "secret.csl": `<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><title>${SECRET}</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info><citation><layout><text value="${SECRET}"/></layout></citation><bibliography><layout><text value="${SECRET}"/></layout></bibliography></style>`,
  "secret.png": Buffer.concat([PNG.subarray(0, PNG.length - 12), Buffer.from(SECRET), PNG.subarray(PNG.length - 12)]),
  "secret.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><text x="5" y="30">${SECRET}</text></svg>`,
  "secret.css": `body::after{content:"${SECRET}"}`,
  "secret.yaml": `organisation:\n  name: ${SECRET}\n`,
};

export function md(body: string, front = "title: A brief"): string {
  return `---\n${front}\n---\n${body}\n`;
}

export const pic = (src: string) => `![A chart of returns](${src} "Credit: the desk")`;

/** A check of report/x.md in a project holding `files`. */
export function check(id: string, cls: Case["cls"], files: Record<string, Entry>, more: Partial<Case> = {}): Case {
  return { id, cls, files, argv: ["check", "report/x.md"], ...more };
}

/** A PDF-only build of report/x.md. */
export function build(id: string, cls: Case["cls"], files: Record<string, Entry>, more: Partial<Case> = {}): Case {
  return { id, cls, files, argv: ["build", "report/x.md", "--formats", "pdf"], ...more };
}

/** A PNG chunk with its CRC. */
export function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A well-formed PNG of the given size whose pixels are all zeros (a decompression bomb when large). */
export function pngOf(width: number, height: number, idatRows = height): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * Math.min(idatRows, height));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** An SVG nesting `depth` groups. */
export const nestedSvg = (depth: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${"<g>".repeat(depth)}<rect width="1" height="1"/>${"</g>".repeat(depth)}</svg>`;

/** A JPEG with its bytes from `at` replaced by `fill` (scan data damaged, markers kept when `keepEnd`). */
export function damagedJpeg(at: number, length: number, fill: number): Buffer {
  const out = Buffer.from(JPEG);
  const sos = out.indexOf(Buffer.from([0xff, 0xda]));
  const start = sos + at;
  for (let i = start; i < Math.min(start + length, out.length - 2); i++) out[i] = fill;
  return out;
}
