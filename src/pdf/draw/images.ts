// Raster images are embedded at no more than 200 pixels per inch of their printed size:
// a 12-megapixel photo printed 14 cm wide needs ~1,100 pixels, not 4,000. PNGs with an
// alpha channel are flattened onto the white page, which lets pdfkit embed their
// compressed data as it is instead of decoding every pixel on every build. Vector (SVG)
// images are drawn as vectors and need nothing.
//
// The prepared images are kept by content hash (and printed width) in a PreparedImages
// that lives as long as the Workspace: watch mode resamples a photograph once, not on
// every save.
import { sha256 } from "../../world/hash.js";
import { loadPackage } from "../../world/packages.js";
import type { ImageAsset, PagePlan } from "../layout/plan.js";

export const MAX_PPI = 200;
/** Prepared images kept: a brief's pictures, a few times over as the writer swaps them. */
const KEEP = 48;

type Raster = Extract<ImageAsset, { kind: "raster" }>;

export class PreparedImages {
  private readonly prepared = new Map<string, Promise<Raster>>();

  /** `image` ready to embed at `width` pixels or fewer, made once per content. */
  prepare(image: Raster, width: number): Promise<Raster> {
    const target = image.width <= width * 1.02 ? image.width : width;
    const key = `${sha256(image.data)}:${target}`;
    let ready = this.prepared.get(key);
    if (!ready) {
      ready = prepareRaster(image, target);
      // A failure is not kept: the next build tries again (and reports it again).
      ready.catch(() => this.prepared.delete(key));
      this.prepared.set(key, ready);
      for (const old of this.prepared.keys()) {
        if (this.prepared.size <= KEEP) break;
        this.prepared.delete(old);
      }
    }
    return ready;
  }
}

export async function downsampleImages(pages: PagePlan[], cache: PreparedImages = new PreparedImages()): Promise<void> {
  for (const page of pages) {
    for (const item of page.items) {
      if (item.type !== "image" || item.image.kind !== "raster") continue;
      item.image = await cache.prepare(item.image, Math.ceil((item.w / 72) * MAX_PPI));
    }
  }
}

async function prepareRaster(image: Raster, width: number): Promise<Raster> {
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
