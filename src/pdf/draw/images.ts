// Raster images are embedded at no more than 200 pixels per inch of their printed size:
// a 12-megapixel photo printed 14 cm wide needs ~1,100 pixels, not 4,000. PNGs with an
// alpha channel are flattened onto the white page, which lets pdfkit embed their
// compressed data as it is instead of decoding every pixel on every build. Vector (SVG)
// images are drawn as vectors and need nothing.
//
// The prepared images are kept by content hash (and printed width) in a PreparedImages
// (a Memo) that lives as long as the Workspace: watch mode resamples a photograph once, not on
// every save.
import { sha256 } from "../../world/hash.js";
import { loadPackage } from "../../world/packages.js";
import type { RasterImage } from "../../model/image.js";
import { Memo } from "../../world/memo.js";
import type { PagePlan } from "../layout/plan.js";

export const MAX_PPI = 200;
/** Prepared images kept: a brief's pictures, a few times over as the writer swaps them. */
export const KEEP_PREPARED = 48;

/** Pictures resampled for print, by content hash and printed width. */
export type PreparedImages = Memo<RasterImage>;

/** `image` ready to embed at `width` pixels or fewer, made once per content. */
function prepare(cache: PreparedImages, image: RasterImage, width: number): Promise<RasterImage> {
  const target = image.width <= width * 1.02 ? image.width : width;
  return cache.get(`${sha256(image.data)}:${target}`, () => prepareRaster(image, target));
}

export async function downsampleImages(pages: PagePlan[], cache: PreparedImages = new Memo(KEEP_PREPARED)): Promise<void> {
  for (const page of pages) {
    for (const item of page.items) {
      if (item.type !== "image" || item.image.kind !== "raster") continue;
      item.image = await prepare(cache, item.image, Math.ceil((item.w / 72) * MAX_PPI));
    }
  }
}

async function prepareRaster(image: RasterImage, width: number): Promise<RasterImage> {
  const jpeg = image.data[0] === 0xff && image.data[1] === 0xd8;
  const resize = image.width > width;
  // A JPEG printed at its own size goes in untouched; sharp is loaded only when needed.
  if (jpeg && !resize) return image;
  const sharp = loadPackage<typeof import("sharp")>("sharp");
  if (!jpeg && !resize && !(await sharp(image.data).metadata()).hasAlpha) return image;
  let pipeline = sharp(image.data);
  if (resize) pipeline = pipeline.resize({ width, withoutEnlargement: true });
  const data = jpeg ? await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer() : await pipeline.flatten({ background: "#ffffff" }).png({ compressionLevel: 9 }).toBuffer();
  const meta = await sharp(data).metadata();
  return { kind: "raster", data, width: meta.width ?? width, height: meta.height ?? Math.round((image.height * width) / image.width) };
}
