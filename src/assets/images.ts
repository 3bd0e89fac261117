// Loads the images a brief refers to (cover + figures), at the I/O edge, before layout.
// Remote URLs are never fetched; paths outside the project are never read.
import { basename, dirname, relative, sep } from "node:path";
import { imageSize } from "image-size";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import type { Brief } from "../model/brief.js";
import { eachBlock, eachInline } from "../model/walk.js";
import type { ImageAsset } from "../model/image.js";
import { problemOf } from "../model/errors.js";
import { svgProblem } from "./svg-probe.js";
import { MAX_PIXELS } from "./budgets.js";
import { jpegProblem } from "./jpeg.js";
import type { Workspace } from "../world/workspace.js";

export interface LoadedAssets {
  images: Map<string, ImageAsset>;
  diagnostics: Diagnostic[];
}

export function imageRefs(brief: Brief): Array<{ src: string; line: number; column: number }> {
  const refs: Array<{ src: string; line: number; column: number }> = [];
  eachBlock(brief.blocks, (b) => {
    if (b.kind === "paragraph" || b.kind === "heading")
      eachInline(b.inlines, (i) => {
        if (i.kind === "image") refs.push({ src: i.src, line: i.at.line, column: i.at.column });
      });
  });
  return refs;
}

export function loadImages(brief: Brief, ws: Workspace, coverLine: number): LoadedAssets {
  const images = new Map<string, ImageAsset>();
  const diagnostics: Diagnostic[] = [];
  const refs = imageRefs(brief);
  if (brief.meta.cover) refs.unshift({ src: brief.meta.cover.image, line: coverLine, column: 1 });
  for (const ref of refs) {
    if (images.has(ref.src)) continue;
    const read = readImage(ws, ws.resolvePath(brief.file, ref.src), ref.src, brief.file);
    if (typeof read === "string") diagnostics.push(diagnostic(brief.file, pointSpan(ref.line, ref.column, ref.src.length), "error", "image/load", read));
    else images.set(ref.src, read);
  }
  return { images, diagnostics };
}

/**
 * One image inside the project, decoded; or what is wrong with it, as a message. Remote
 * URLs are refused before `path` (already resolved) is looked at.
 */
export function readImage(ws: Workspace, path: string, src: string, from?: string): ImageAsset | string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return `image "${src}" is a remote URL; briefpress never fetches from the network — download it into assets/`;
  if (!ws.contains(path)) return `image "${src}" lies outside the project; copy it into assets/`;
  if (!ws.exists(path)) return notFound(ws, path, src, from);
  let bytes: Buffer;
  try {
    bytes = ws.readBytes(path);
  } catch (e) {
    return `image "${src}" cannot be read: ${problemOf(e, "the file cannot be opened")}`;
  }
  const image = decodeImage(bytes);
  if (!image) return `image "${src}" is not a PNG, JPEG or SVG file`;
  if (image.kind === "svg") {
    const problem = svgProblem(image.svg);
    if (problem) return `image "${src}" ${problem}`;
  }
  if (image.kind === "raster") {
    if (image.width * image.height > MAX_PIXELS) return `image "${src}" is ${image.width} × ${image.height} pixels, more than briefpress reads (${MAX_PIXELS / 1e6} megapixels): resize it`;
    const jpeg = bytes[0] === 0xff ? jpegProblem(bytes) : null;
    if (jpeg) return `image "${src}" ${jpeg}: save it again from the program that made it`;
    if (!wholeRaster(bytes)) return `image "${src}" is cut short or damaged: save it again from the program that made it`;
  }
  return image;
}

/**
 * `image "x" not found`, and why: what the path was relative to, where that led, and the
 * file of that name elsewhere in the project, as the path that would reach it.
 */
function notFound(ws: Workspace, path: string, src: string, from: string | undefined): string {
  if (from === undefined) return `image "${src}" not found`;
  const folder = dirname(from).split(sep).join("/");
  const looked = relative(ws.root, path).split(sep).join("/");
  const base = folder === "." ? `paths in ${from} are relative to the project folder` : `paths in ${from} are relative to its folder, ${folder}/`;
  const found = ws.findByName(basename(path))[0];
  const meant = found === undefined ? "" : ` — did you mean "${relative(dirname(ws.projectFile(from)), ws.projectFile(found)).split(sep).join("/")}"?`;
  return `image "${src}" not found: there is no ${looked} (${base})${meant}`;
}


/**
 * Whether a PNG's chunks run to IEND with image data on the way: a file cut short (a failed download, a header only) fails here, in `check`,
 * not later in the PDF's image decoder.
 */
function wholeRaster(bytes: Buffer): boolean {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    let at = 8;
    let data = false;
    while (at + 8 <= bytes.length) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.toString("latin1", at + 4, at + 8);
      // A chunk whose checksum disagrees is damaged: the PDF's decoder would refuse it.
      if (at + 12 + length > bytes.length || crc32(bytes, at + 4, at + 8 + length) !== bytes.readUInt32BE(at + 8 + length)) return false;
      if (type === "IDAT") data = true;
      if (type === "IEND") return data;
      at += 12 + length;
    }
    return false;
  }
  // A JPEG was walked to its end marker by jpegProblem (assets/jpeg.ts).
  return bytes[0] === 0xff && bytes[1] === 0xd8;
}

export function decodeImage(bytes: Buffer): ImageAsset | null {
  const head = bytes.subarray(0, 512).toString("utf8");
  if (/<svg[\s>]/i.test(head) || /^\s*<\?xml/.test(head)) {
    const svg = bytes.toString("utf8");
    const viewBox = /viewBox\s*=\s*"\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
    const width = Number(viewBox?.[1] ?? /\bwidth\s*=\s*"([\d.]+)/.exec(svg)?.[1] ?? 0);
    const height = Number(viewBox?.[2] ?? /\bheight\s*=\s*"([\d.]+)/.exec(svg)?.[1] ?? 0);
    return width > 0 && height > 0 ? { kind: "svg", svg, width, height } : null;
  }
  try {
    const size = imageSize(bytes);
    if ((size.type !== "png" && size.type !== "jpg") || !size.width || !size.height) return null;
    return { kind: "raster", data: bytes, width: size.width, height: size.height };
  } catch {
    return null;
  }
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG computes it (ISO 3309), over bytes[from, to). */
function crc32(bytes: Buffer, from: number, to: number): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
