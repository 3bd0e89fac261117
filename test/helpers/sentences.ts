// Sentences of the model, to find in an output's text: the web edition's recall measure.
// The same blocks as blockWords (words.ts) counts for the PDF, cut into sentences.
import type { Block, Brief } from "../../src/model/brief.js";
import { plainText } from "../../src/model/plain-text.js";
import { words } from "./pdf.js";

function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case "heading":
      case "paragraph":
        return [plainText(b.inlines)];
      case "list":
        return b.items.flatMap((i) => blockTexts(i.blocks));
      case "quote":
        return blockTexts(b.blocks);
      case "callout":
        return b.variant === "slide" || b.variant === "notes" || b.variant === "hidden" ? [] : [...(b.title ? [plainText(b.title)] : []), ...blockTexts(b.blocks)];
      case "figure": {
        const shown = b.blocks.filter((x) => !(x.kind === "paragraph" && x.inlines.every((i) => i.kind === "image" || (i.kind === "text" && !i.text.trim()))));
        return [...blockTexts(shown), plainText(b.caption)];
      }
      case "table":
        return [...(b.caption ? [plainText(b.caption)] : []), ...[...b.header, ...b.rows.flat()].map((c) => plainText(c))];
      case "code":
      case "html":
        return [b.text];
      default:
        return [];
    }
  });
}

/** Every sentence a reader of the brief should find: front matter, body, notes, sources. */
export function briefSentences(brief: Brief): string[][] {
  const m = brief.meta;
  const texts = [
    m.title ?? brief.title,
    m.subtitle ?? "",
    m.summary ?? "",
    ...(m.key_points ?? []),
    ...blockTexts(brief.blocks),
    ...brief.footnotes.flatMap((n) => blockTexts(n.blocks)),
    ...brief.sources.map((s) => s.text),
  ];
  const seg = new Intl.Segmenter(m.lang ?? "en", { granularity: "sentence" });
  return texts.flatMap((t) => [...seg.segment(t)].map((s) => words(s.segment))).filter((w) => w.length > 0);
}

/** The share of sentences whose words appear, in order and together, in `text`. */
export function sentenceRecall(sentences: readonly string[][], text: string): { recall: number; missing: string[] } {
  const hay = ` ${words(text).join(" ")} `;
  const missing = sentences.filter((s) => !hay.includes(` ${s.join(" ")} `)).map((s) => s.join(" "));
  return { recall: sentences.length ? 1 - missing.length / sentences.length : 1, missing };
}
