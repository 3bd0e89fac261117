// Pictures as PowerPoint takes them: PNG and JPEG as they are; SVG (which PowerPoint
// before 2016 and LibreOffice's importer treat unevenly) drawn to a PNG at twice the
// size it can take on a slide, by sharp.
import type sharpType from "sharp";
import { loadPackage } from "../../world/packages.js";
import type { ImageAsset } from "../../model/image.js";

export interface PptxPicture {
  /** pptxgenjs's data form: "image/png;base64,…". */
  data: string;
  width: number;
  height: number;
}

/** Widest an SVG is drawn, in pixels: a full 16:9 slide at 2× a 1280 px screen. */
const MAX_SVG_PX = 2560;

/**
 * Drawings already drawn, by their SVG text: the PPTX renderer starts drawing the brief's
 * pictures while the deck is still being fitted (renderers.ts), and takes them from here.
 * A few only: watch mode keeps this across rebuilds.
 */
const drawn = new Map<string, Promise<PptxPicture>>();
const KEEP = 16;

export function pptxPicture(asset: ImageAsset): Promise<PptxPicture> {
  if (asset.kind === "raster") {
    const png = asset.data[0] === 0x89;
    return Promise.resolve({ data: `image/${png ? "png" : "jpeg"};base64,${asset.data.toString("base64")}`, width: asset.width, height: asset.height });
  }
  let picture = drawn.get(asset.svg);
  if (!picture) {
    picture = drawSvg(asset);
    // A drawing that fails is not kept: the next call says why.
    picture.catch(() => drawn.delete(asset.svg));
    drawn.set(asset.svg, picture);
    for (const old of drawn.keys()) if (drawn.size > KEEP) drawn.delete(old);
  }
  return picture;
}

async function drawSvg(asset: Extract<ImageAsset, { kind: "svg" }>): Promise<PptxPicture> {
  const sharp = loadPackage<typeof sharpType>("sharp");
  const width = Math.round(Math.min(MAX_SVG_PX, Math.max(asset.width, 1) * 4));
  const png = await sharp(Buffer.from(asset.svg), { density: Math.max(72, Math.min(600, (72 * width) / Math.max(asset.width, 1))) })
    .resize({ width })
    .png()
    .toBuffer();
  return { data: `image/png;base64,${png.toString("base64")}`, width: asset.width, height: asset.height };
}
