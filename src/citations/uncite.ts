// Citation lookalikes the resolver set aside ("(Article 33)" read as MLA's author–page
// form) go back to being plain text in the model, so nothing prints them as references.
import type { Block, Citation, Inline } from "../model/brief.js";

function inlines(list: Inline[], drop: ReadonlySet<Citation>): Inline[] {
  return list.map((i): Inline => {
    if (i.kind === "citation" && drop.has(i.citation)) return { kind: "text", text: i.text };
    if (i.kind === "strong" || i.kind === "em" || i.kind === "link" || i.kind === "mark" || i.kind === "lang") return { ...i, children: inlines(i.children, drop) };
    return i;
  });
}

/** Rewrites, in place, every citation inline whose citation is in `drop`. */
export function uncite(blocks: Block[], drop: ReadonlySet<Citation>): void {
  for (const b of blocks) {
    if (b.kind === "paragraph" || b.kind === "heading") b.inlines = inlines(b.inlines, drop);
    else if (b.kind === "list") b.items.forEach((it) => uncite(it.blocks, drop));
    else if (b.kind === "quote" || b.kind === "callout") uncite(b.blocks, drop);
    else if (b.kind === "table") {
      b.header = b.header.map((c) => inlines(c, drop));
      b.rows = b.rows.map((r) => r.map((c) => inlines(c, drop)));
    }
  }
}

