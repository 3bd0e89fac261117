// Loads the images a brief refers to (cover + figures), at the I/O edge, before layout.
// Remote URLs are never fetched; paths outside the project are never read.
import { imageSize } from "image-size";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import type { Brief, Block, Inline } from "../model/brief.js";
import type { ImageAsset } from "../pdf/layout/plan.js";
import type { Workspace } from "../world/workspace.js";

export interface LoadedAssets {
  images: Map<string, ImageAsset>;
  diagnostics: Diagnostic[];
}

export function imageRefs(brief: Brief): Array<{ src: string; line: number; column: number }> {
  const refs: Array<{ src: string; line: number; column: number }> = [];
  const visit = (inlines: Inline[]) => {
    for (const i of inlines) {
      if (i.kind === "image") refs.push({ src: i.src, line: i.at.line, column: i.at.column });
      else if (i.kind === "strong" || i.kind === "em" || i.kind === "link" || i.kind === "mark" || i.kind === "lang") visit(i.children);
    }
  };
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "paragraph" || b.kind === "heading") visit(b.inlines);
      else if (b.kind === "list") b.items.forEach((it) => walk(it.blocks));
      else if (b.kind === "quote" || b.kind === "callout" || b.kind === "figure") walk(b.blocks);
    }
  };
  walk(brief.blocks);
  return refs;
}

export function loadImages(brief: Brief, ws: Workspace, coverLine: number): LoadedAssets {
  const images = new Map<string, ImageAsset>();
  const diagnostics: Diagnostic[] = [];
  const refs = imageRefs(brief);
  if (brief.meta.cover) refs.unshift({ src: brief.meta.cover.image, line: coverLine, column: 1 });
  for (const ref of refs) {
    if (images.has(ref.src)) continue;
    const read = readImage(ws, ws.resolvePath(brief.file, ref.src), ref.src);
    if (typeof read === "string") diagnostics.push(diagnostic(brief.file, pointSpan(ref.line, ref.column, ref.src.length), "error", "image/load", read));
    else images.set(ref.src, read);
  }
  return { images, diagnostics };
}

/**
 * One image inside the project, decoded; or what is wrong with it, as a message. Remote
 * URLs are refused before `path` (already resolved) is looked at.
 */
export function readImage(ws: Workspace, path: string, src: string): ImageAsset | string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return `image "${src}" is a remote URL; briefpress never fetches from the network — download it into assets/`;
  if (!ws.contains(path)) return `image "${src}" lies outside the project; copy it into assets/`;
  if (!ws.exists(path)) return `image "${src}" not found`;
  return decodeImage(ws.readBytes(path)) ?? `image "${src}" is not a PNG, JPEG or SVG file`;
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
