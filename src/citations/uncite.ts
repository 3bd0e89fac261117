// Citation lookalikes the resolver set aside ("(Article 33)" read as MLA's author–page
// form) go back to being plain text in the model, so nothing prints them as references.
import type { Block, Citation, Inline } from "../model/brief.js";
import { eachBlock, mapInlines } from "../model/walk.js";

function inlines(list: Inline[], drop: ReadonlySet<Citation>): Inline[] {
  return mapInlines(list, (i) => (i.kind === "citation" && drop.has(i.citation) ? { kind: "text", text: i.text } : i));
}

/** Rewrites, in place, every citation inline whose citation is in `drop`. */
export function uncite(blocks: Block[], drop: ReadonlySet<Citation>): void {
  eachBlock(blocks, (b) => {
    if (b.kind === "paragraph" || b.kind === "heading") b.inlines = inlines(b.inlines, drop);
    else if (b.kind === "table") {
      b.header = b.header.map((c) => inlines(c, drop));
      b.rows = b.rows.map((r) => r.map((c) => inlines(c, drop)));
    }
    // Figures keep their captions' citations, as before: a caption is never a lookalike.
    return b.kind !== "figure";
  });
}
