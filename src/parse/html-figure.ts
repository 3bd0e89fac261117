// Raw HTML pictures as Word, Google Docs and web editors leave them in markdown:
//   <img src="media/chart.png" alt="…" style="width:6.5in">
//   <figure><img src="map.png" alt="…"><figcaption>Where the camps are</figcaption></figure>
// A block that holds only pictures (and the wrappers around them) is read as what it shows:
// a picture, or a numbered figure with its caption. A remote picture is never fetched: its
// alt text prints in its place, and the caption stays. Any other raw HTML is left to parse.ts.
import type { Block, Inline } from "../model/brief.js";
import type { Position } from "../model/diagnostics.js";
import { readHtmlTag, REMOTE } from "./html-inline.js";

const TAG = /<[^<>]*>/g;
/** Tags that only wrap a picture: nothing of them prints. */
const WRAPPERS = new Set(["p", "div", "center", "a", "span", "figure", "picture", "br"]);

export interface HtmlPicture {
  block: Block;
  /** Pictures that were remote, for one warning. */
  remote: string[];
}

/**
 * The block as a picture or figure, or null when it holds anything else. `decode` turns
 * entities ("&amp;") into text; `at` is where the block starts.
 */
export function htmlPicture(html: string, at: Position, decode: (s: string) => string): HtmlPicture | null {
  const source = html.replace(/<!--[\s\S]*?-->/g, "");
  const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption\s*>/i.exec(source);
  const rest = caption ? source.replace(caption[0], "") : source;
  const images: Inline[] = [];
  const remote: string[] = [];
  let figureId: string | undefined;
  for (const m of rest.matchAll(TAG)) {
    const tag = readHtmlTag(m[0]);
    if (tag.type === "image") {
      const lines = source.slice(0, source.indexOf(m[0])).split("\n");
      const where = { line: at.line + lines.length - 1, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
      if (!tag.src || REMOTE.test(tag.src)) {
        remote.push(tag.src);
        images.push({ kind: "text", text: decode(tag.alt) });
      } else images.push({ kind: "image", src: decode(tag.src), alt: decode(tag.alt), title: decode(tag.title), at: where });
      continue;
    }
    const name = /^<\s*\/?\s*([a-zA-Z][\w-]*)/.exec(m[0])?.[1]?.toLowerCase() ?? "";
    if (!WRAPPERS.has(name)) return null;
    if (name === "figure") figureId ??= /\bid\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
  }
  // Words outside any tag are prose, not a picture's wrapper: not ours to read.
  if (images.length === 0 || rest.replace(TAG, "").trim()) return null;
  const spaced = images.flatMap((img, i) => (i > 0 ? [{ kind: "text" as const, text: " " }, img] : [img]));
  const paragraph: Block = { kind: "paragraph", inlines: spaced, at };
  const captionText = caption ? decode((caption[1] ?? "").replace(TAG, " ")).replace(/\s+/g, " ").trim() : "";
  if (!caption && !/<figure\b/i.test(source)) return { block: paragraph, remote };
  const text = captionText || images.map((i) => (i.kind === "image" ? i.alt : "")).join(" ").trim();
  return { block: { kind: "figure", ...(figureId ? { label: figureId } : {}), number: 0, blocks: [paragraph], caption: text ? [{ kind: "text", text }] : [], at }, remote };
}
