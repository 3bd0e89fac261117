// What an SVG may hold before either renderer draws it: no DOCTYPE entities (an entity
// can expand a few bytes into gigabytes), no reference to another file or address (only
// "#fragment" and data: URLs: an SVG must not read outside the project or fetch), a
// complete document, and budgets on elements, nesting and embedded pictures. Linear scans.
import { imageSize } from "image-size";
import { MAX_PIXELS } from "./budgets.js";

/** Elements a drawing may hold: a detailed map is tens of thousands; a bomb is millions. */
const MAX_ELEMENTS = 200_000;
const MAX_DEPTH = 256;
/** Largest width or height of the drawing's own coordinates. */
const MAX_SIDE = 1_000_000;

export function svgProblem(svg: string): string | null {
  if (/<!DOCTYPE[^>]*\[|<!ENTITY/i.test(svg)) return "declares DOCTYPE entities, which briefpress does not expand: export it again without them";
  if (!/<\/svg\s*>\s*$/i.test(svg.trimEnd()) && !/<svg\b[^>]*\/>\s*$/i.test(svg.trimEnd())) return "is cut short (no closing </svg>): save it again from the program that made it";
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      elements++;
      if (!m[3]) deepest = Math.max(deepest, ++depth);
    }
    if (elements > MAX_ELEMENTS) return `holds more than ${MAX_ELEMENTS.toLocaleString("en")} elements, more than briefpress draws`;
  }
  if (deepest > MAX_DEPTH) return `nests its elements ${deepest} deep, more than briefpress draws (${MAX_DEPTH})`;
  for (const m of svg.matchAll(/\b(?:xlink:)?href\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const target = (m[2] ?? m[3] ?? "").trim();
    if (target.startsWith("#")) continue;
    if (!/^data:/i.test(target)) return `refers to another file or address ("${target.slice(0, 60)}"); briefpress reads nothing outside the project and fetches nothing: embed the picture in the SVG`;
    const pixels = embeddedPixels(target);
    if (pixels > MAX_PIXELS) return `embeds a picture of ${Math.round(pixels / 1e6)} megapixels, more than briefpress reads (${MAX_PIXELS / 1e6})`;
  }
  const viewBox = /viewBox\s*=\s*["']\s*[-\d.e+]+[\s,]+[-\d.e+]+[\s,]+([-\d.e+]+)[\s,]+([-\d.e+]+)/i.exec(svg);
  if (viewBox && (Math.abs(Number(viewBox[1])) > MAX_SIDE || Math.abs(Number(viewBox[2])) > MAX_SIDE)) return `has a viewBox of ${viewBox[1]} × ${viewBox[2]}, larger than briefpress draws`;
  return null;
}

/** Pixels of a base64 PNG or JPEG in a data: URL, read from its header only. */
function embeddedPixels(url: string): number {
  const base64 = /^data:image\/(?:png|jpe?g);base64,/i.exec(url);
  if (!base64) return 0;
  try {
    const head = Buffer.from(url.slice(base64[0].length, base64[0].length + 64 * 1024), "base64");
    const size = imageSize(head);
    return (size.width ?? 0) * (size.height ?? 0);
  } catch {
    return 0;
  }
}
