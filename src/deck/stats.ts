// Key figures for the talk's opening: a `key_figures:` front-matter list ("670+ forced
// returns since 2020", or {value, label}) or a `::: figures` block of list items
// ("**670+** forced returns since 2020"), shown as big numbers. Pure.
import type { Block, Brief } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import type { DeckSlide } from "./model.js";

export interface KeyFigure {
  value: string;
  label: string;
}

const PER_SLIDE = 4;

/** "670+ forced returns" → "670+" and "forced returns"; "1 in 5 detainees …" keeps "1 in 5" whole. */
export function splitFigure(text: string): KeyFigure {
  const m = /^\s*(\S*\d\S*(?:\s+(?:in|of|out of)\s+\S*\d\S*)?)\s+(.+)$/su.exec(text);
  return m ? { value: m[1] ?? "", label: (m[2] ?? "").trim() } : { value: text.trim(), label: "" };
}

function fromBlocks(blocks: readonly Block[]): Array<KeyFigure & { line: number }> {
  const out: Array<KeyFigure & { line: number }> = [];
  for (const b of blocks) {
    if (b.kind === "callout" && b.variant === "figures") {
      for (const inner of b.blocks) {
        if (inner.kind !== "list") continue;
        for (const item of inner.items) {
          const p = item.blocks.find((x) => x.kind === "paragraph");
          if (p?.kind !== "paragraph") continue;
          const lead = p.inlines[0];
          // A bold lead is the number, exactly as the writer marked it.
          const figure = lead?.kind === "strong" ? { value: plainText(lead.children).trim(), label: plainText(p.inlines.slice(1)).trim() } : splitFigure(plainText(p.inlines));
          out.push({ ...figure, line: item.at.line });
        }
      }
    } else if (b.kind === "callout" || b.kind === "quote") out.push(...fromBlocks(b.blocks));
  }
  return out;
}

export function keyFigures(brief: Brief): DeckSlide[] {
  const listed = (brief.meta.key_figures ?? []).map((f) => (typeof f === "string" ? splitFigure(f) : { value: String(f.value), label: f.label }));
  const line = brief.metaLines.key_figures ?? 1;
  const figures = [...listed.map((f) => ({ ...f, line })), ...fromBlocks(brief.blocks)].filter((f) => f.value);
  const slides: DeckSlide[] = [];
  for (let i = 0; i < figures.length; i += PER_SLIDE) {
    const group = figures.slice(i, i + PER_SLIDE);
    slides.push({
      kind: "stat",
      title: i === 0 ? "In figures" : "In figures (cont.)",
      line: group[0]?.line ?? line,
      figures: group.map(({ value, label }) => ({ value, label })),
      notes: group.map((f) => `${f.value} ${f.label}`.trim() + (/[.!?]$/.test(f.label) ? "" : ".")),
    });
  }
  return slides;
}
