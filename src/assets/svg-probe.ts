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
  // CSS inside the drawing may name files or addresses too: url(…) and @import.
  if (/@import\b/i.test(svg)) return "imports a style sheet (@import); briefpress reads nothing outside the project and fetches nothing: put the styles in the SVG";
  for (const m of svg.matchAll(/url\(\s*(?:&quot;|['"])?\s*([^'")&\s]*)/gi)) {
    const target = (m[1] ?? "").trim();
    if (target && !target.startsWith("#") && !/^data:/i.test(target)) return `refers to another file or address ("${target.slice(0, 60)}"); briefpress reads nothing outside the project and fetches nothing: embed the picture in the SVG`;
  }
  const expanded = usedElements(svg);
  if (expanded === Infinity) return "refers to itself through <use>, which no renderer can draw: export it again";
  if (expanded > MAX_ELEMENTS) return `holds more than ${MAX_ELEMENTS.toLocaleString("en")} elements once its <use> copies are counted, more than briefpress draws`;
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

interface Group {
  nodes: number;
  uses: string[];
}

/**
 * Elements the drawing holds once every <use href="#id"> is replaced by a copy of what it
 * names: thirty groups that each use the one before twice are a billion elements. One pass
 * over the tags, then each id's size once (memoised); a <use> cycle is Infinity.
 */
function usedElements(svg: string): number {
  const root: Group & { id?: string } = { nodes: 0, uses: [] };
  const stack: Array<Group & { id?: string }> = [root];
  const groups = new Map<string, Group>();
  const close = (g: Group & { id?: string }) => {
    const parent = stack[stack.length - 1] ?? root;
    parent.nodes += g.nodes;
    for (const u of g.uses) parent.uses.push(u);
    if (g.id !== undefined && !groups.has(g.id)) groups.set(g.id, g);
  };
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>/g)) {
    if (m[1]) {
      const top = stack.pop();
      if (top && top !== root) close(top);
      else stack.push(root);
      continue;
    }
    const attrs = m[3] ?? "";
    const id = /\bid\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    const use = /^use$/i.test(m[2] ?? "") ? /\b(?:xlink:)?href\s*=\s*["']#([^"']*)["']/.exec(attrs)?.[1] : undefined;
    const g = { ...(id !== undefined ? { id } : {}), nodes: 1, uses: use !== undefined ? [use] : [] };
    if (m[4]) close(g);
    else stack.push(g);
  }
  while (stack.length > 1) close(stack.pop()!);
  const sizes = new Map<string, number>();
  const size = (id: string): number => {
    const known = sizes.get(id);
    if (known !== undefined) return known;
    const g = groups.get(id);
    if (!g) return 0;
    sizes.set(id, Infinity); // in progress: a use that reaches it again is a cycle
    let n = g.nodes;
    for (const u of g.uses) {
      n += size(u);
      if (n > MAX_ELEMENTS) break;
    }
    sizes.set(id, n);
    return n;
  };
  let total = root.nodes;
  for (const u of root.uses) {
    total += size(u);
    if (total > MAX_ELEMENTS) break;
  }
  return total;
}
