// fontverter ships no types; the one call the compile step makes.
declare module "fontverter" {
  export function convert(buffer: Buffer, to: "sfnt" | "woff" | "woff2", from?: "sfnt" | "woff" | "woff2"): Promise<Buffer>;
}
