// Loads the images a brief refers to (cover + figures), at the I/O edge, before layout.
// Remote URLs are never fetched; paths outside the project are never read.
import { imageSize } from "image-size";
import { diagnostic, pointSpan, type Diagnostic } from "./diagnostics.js";
import type { Brief, Block, Inline } from "./model.js";
import type { ImageAsset } from "./pdf/plan.js";
import type { Workspace } from "./workspace.js";

export interface LoadedAssets {
  images: Map<string, ImageAsset>;
  diagnostics: Diagnostic[];
}

export function imageRefs(brief: Brief): Array<{ src: string; line: number; column: number }> {
  const refs: Array<{ src: string; line: number; column: number }> = [];
  const visit = (inlines: Inline[]) => {
    for (const i of inlines) {
      if (i.kind === "image") refs.push({ src: i.src, line: i.at.line, column: i.at.column });
      else if (i.kind === "strong" || i.kind === "em" || i.kind === "link" || i.kind === "mark") visit(i.children);
    }
  };
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === "paragraph" || b.kind === "heading") visit(b.inlines);
      else if (b.kind === "list") b.items.forEach((it) => walk(it.blocks));
      else if (b.kind === "quote" || b.kind === "callout") walk(b.blocks);
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
    const fail = (message: string) => diagnostics.push(diagnostic(brief.file, pointSpan(ref.line, ref.column, ref.src.length), "error", "image/load", message));
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref.src)) {
      fail(`image "${ref.src}" is a remote URL; briefpress never fetches from the network — download it into assets/`);
      continue;
    }
    const path = ws.resolvePath(brief.file, ref.src);
    if (!ws.contains(path)) {
      fail(`image "${ref.src}" lies outside the project; copy it into assets/`);
      continue;
    }
    if (!ws.exists(path)) {
      fail(`image "${ref.src}" not found`);
      continue;
    }
    const asset = decodeImage(ws.readBytes(path));
    if (!asset) fail(`image "${ref.src}" is not a PNG, JPEG or SVG file`);
    else images.set(ref.src, asset);
  }
  return { images, diagnostics };
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
