// A picture as every stage sees it: decoded enough to know its size, read once through
// the workspace. The PDF draws it, the deck embeds it, the checker probes it.
export type ImageAsset =
  | { kind: "svg"; svg: string; width: number; height: number }
  | { kind: "raster"; data: Buffer; width: number; height: number };

export type RasterImage = Extract<ImageAsset, { kind: "raster" }>;
