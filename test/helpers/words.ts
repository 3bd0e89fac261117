// Words of the model, to compare with words extracted from a PDF.
import type { Block } from "../../src/model/brief.js";
import { plainText } from "../../src/model/plain-text.js";
import { words } from "./pdf.js";

export function blockWords(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case "heading":
      case "paragraph":
        return words(plainText(b.inlines));
      case "list":
        return b.items.flatMap((i) => blockWords(i.blocks));
      case "quote":
        return blockWords(b.blocks);
      case "callout":
        return b.variant === "slide" || b.variant === "notes" || b.variant === "hidden" ? [] : [...(b.title ? words(plainText(b.title)) : []), ...blockWords(b.blocks)];
      case "figure": {
        // An image's alt text is not printed; the caption is, under it.
        const shown = b.blocks.filter((x) => !(x.kind === "paragraph" && x.inlines.every((i) => i.kind === "image" || (i.kind === "text" && !i.text.trim()))));
        return [...blockWords(shown), ...words(plainText(b.caption))];
      }
      case "chunk":
      case "pagebreak":
        return [];
      case "table":
        return [...(b.caption ? words(plainText(b.caption)) : []), ...[...b.header, ...b.rows.flat()].flatMap((c) => words(plainText(c)))];
      case "code":
      case "html":
        return words(b.text);
      case "rule":
        return [];
    }
  });
}

/** null when `needle` is a subsequence of `hay`; otherwise the first missing word, in context. */
export function missingInOrder(hay: readonly string[], needle: readonly string[]): string | null {
  let i = 0;
  for (const [n, w] of needle.entries()) {
    while (i < hay.length && hay[i] !== w) i++;
    if (i === hay.length) return `${w} (word ${n}: …${needle.slice(Math.max(0, n - 6), n + 1).join(" ")})`;
    i++;
  }
  return null;
}
