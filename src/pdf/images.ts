// Raster images are embedded at no more than 200 pixels per inch of their printed size:
// a 12-megapixel photo printed 14 cm wide needs ~1,100 pixels, not 4,000. Vector (SVG)
// images are drawn as vectors and need nothing.
import { loadPackage } from "../packages.js";
import type { ImageAsset, PagePlan } from "./plan.js";

export const MAX_PPI = 200;

export async function downsampleImages(pages: PagePlan[]): Promise<void> {
  const resized = new Map<ImageAsset, ImageAsset>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.type !== "image" || item.image.kind !== "raster") continue;
      const target = Math.ceil((item.w / 72) * MAX_PPI);
      if (item.image.width <= target * 1.02) continue;
      let small = resized.get(item.image);
      if (!small) {
        small = await resize(item.image, target);
        resized.set(item.image, small);
      }
      item.image = small;
    }
  }
}

async function resize(image: Extract<ImageAsset, { kind: "raster" }>, width: number): Promise<ImageAsset> {
  // sharp (libvips) is loaded only for briefs that carry photographs.
  const sharp = loadPackage<typeof import("sharp")>("sharp");
  const jpeg = image.data[0] === 0xff && image.data[1] === 0xd8;
  const pipeline = sharp(image.data).resize({ width, withoutEnlargement: true });
  const data = jpeg ? await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer() : await pipeline.png({ compressionLevel: 9 }).toBuffer();
  const meta = await sharp(data).metadata();
  return { kind: "raster", data, width: meta.width ?? width, height: meta.height ?? Math.round((image.height * width) / image.width) };
}
