// Shared walkers over the model for rules.
import type { Block, Inline } from "./brief.js";
import { plainText } from "../parse/parse.js";

export interface ImageInContext {
  image: Extract<Inline, { kind: "image" }>;
  /** Text of the block right after the image's paragraph (a credit line, often). */
  nextText: string;
}

export function imageRefsWithText(blocks: readonly Block[]): ImageInContext[] {
  const out: ImageInContext[] = [];
  const visit = (inlines: Inline[], nextText: string) => {
    for (const i of inlines) {
      if (i.kind === "image") out.push({ image: i, nextText });
      else if (i.kind === "strong" || i.kind === "em" || i.kind === "link" || i.kind === "mark" || i.kind === "lang") visit(i.children, nextText);
    }
  };
  blocks.forEach((b, n) => {
    const next = blocks[n + 1];
    const nextText = next && next.kind === "paragraph" ? plainText(next.inlines) : "";
    if (b.kind === "paragraph" || b.kind === "heading") {
      // A credit written on the line below the image, in the same paragraph, counts too.
      const after = plainText(b.inlines.slice(b.inlines.findIndex((i) => i.kind === "image") + 1)).trim();
      visit(b.inlines, after || nextText);
    } else if (b.kind === "list") b.items.forEach((it) => out.push(...imageRefsWithText(it.blocks)));
    else if (b.kind === "quote" || b.kind === "callout" || b.kind === "figure") out.push(...imageRefsWithText(b.blocks));
  });
  return out;
}
