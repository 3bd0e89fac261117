// Cross-references, resolved once the whole document is read: figures, tables and
// equations are numbered in order, sections by their place (1, 1.1), and each
// "@fig-map" / "\@ref(fig:map)" becomes "Figure 2" (Quarto's words, or the front
// matter's crossref: prefixes), linked to its target. Pure: mutates only the model it is given.
import type { Block, Inline, XrefIndex, XrefKind, XrefTarget, XrefUse } from "../model/brief.js";
import type { XrefPrefixes } from "../load/frontmatter.js";
import { labelKind } from "./pandoc/xref-find.js";
import { plainText } from "../model/plain-text.js";

const WORDS: XrefPrefixes = { fig: "Figure", tbl: "Table", sec: "Section", eq: "Equation", lst: "Listing" };

/** `numbered` false: the writer turned section numbers off, so "@sec-x" prints the heading's text. */
export function resolveXrefs(blocks: Block[], footnoteBlocks: Block[][], uses: XrefUse[], prefixes: Partial<XrefPrefixes> = {}, numbered?: boolean): XrefIndex {
  const index: XrefIndex = { targets: [], duplicates: [], uses };
  const seen = new Map<string, XrefTarget>();
  const counters = { fig: 0, tbl: 0, eq: 0, lst: 0 };
  const define = (label: string | undefined, kind: XrefKind, number: string, at: { line: number; column: number }, implicit = false, title?: string) => {
    if (!label) return;
    const first = seen.get(label);
    if (first) {
      if (!implicit) index.duplicates.push({ label, at, first: first.at });
      return;
    }
    const target: XrefTarget = { label, kind, number, dest: label, at, ...(title ? { title } : {}) };
    seen.set(label, target);
    index.targets.push(target);
  };
  const top = Math.min(7, ...blocks.flatMap((b) => (b.kind === "heading" ? [b.level] : [])));
  const sections: number[] = [];
  const drawnByCode = new Set<string>();
  const visitInlines = (inlines: Inline[], at: { line: number; column: number }) => {
    for (const i of inlines) {
      if (i.kind === "math" && i.label) {
        i.number = ++counters.eq;
        define(i.label, "eq", String(i.number), at);
      }
      else if (i.kind === "strong" || i.kind === "em" || i.kind === "link" || i.kind === "lang") visitInlines(i.children, at);
    }
  };
  const visit = (list: Block[]) => {
    for (const b of list) {
      switch (b.kind) {
        case "heading": {
          if (b.numbered !== false) {
            const depth = Math.max(0, b.level - top);
            sections.length = depth + 1;
            for (let d = 0; d < depth; d++) sections[d] ??= 0;
            sections[depth] = (sections[depth] ?? 0) + 1;
            b.number = sections.map((n) => n ?? 0).join(".");
          }
          const title = plainText(b.inlines);
          define(b.label, "sec", b.number ?? "", b.at, false, title);
          // bookdown refers to headings by their automatic ids too: \@ref(method).
          define(b.id, "sec", b.number ?? "", b.at, true, title);
          visitInlines(b.inlines, b.at);
          break;
        }
        case "figure": {
          b.number = ++counters.fig;
          define(b.label, "fig", String(b.number), b.at);
          for (const alias of b.aliases ?? []) define(alias, "fig", String(b.number), b.at, true);
          // Code draws how many plots it draws: Quarto names them "fig-x-1", "fig-x-2"…
          if (b.blocks.every((x) => x.kind === "chunk")) for (const l of [b.label, ...(b.aliases ?? [])]) if (l) drawnByCode.add(l);
          // Figures inside a figure div are its sub-figures: 1a, 1b (Quarto's numbering).
          let sub = 0;
          for (const inner of b.blocks) {
            if (inner.kind !== "figure") continue;
            inner.number = b.number;
            inner.sub = String.fromCharCode(97 + (sub++ % 26));
            define(inner.label, "fig", `${b.number}${inner.sub}`, inner.at);
          }
          visit(b.blocks.filter((x) => x.kind !== "figure"));
          break;
        }
        case "table":
          if (b.caption) {
            b.number = ++counters.tbl;
            define(b.label, "tbl", String(b.number), b.at);
          }
          break;
        case "chunk":
          // "#| label: tbl-x" with "#| tbl-cap": a table the chunk would make.
          if (b.label && (/^tbl[-:]/.test(b.label) || b.options["tbl-cap"])) {
            b.tableNumber = ++counters.tbl;
            define(/^tbl[-:]/.test(b.label) ? b.label : `tab:${b.label}`, "tbl", String(b.tableNumber), b.at);
          }
          else if (b.label && /^lst[-:]/.test(b.label)) define(b.label, "lst", String(++counters.lst), b.at);
          break;
        case "paragraph":
          visitInlines(b.inlines, b.at);
          break;
        case "list":
          b.items.forEach((it) => visit(it.blocks));
          break;
        case "quote":
        case "callout":
          visit(b.blocks);
          break;
        default:
          break;
      }
    }
  };
  visit(blocks);
  footnoteBlocks.forEach(visit);
  const words = { ...WORDS, ...prefixes };
  for (const use of uses) {
    const target = seen.get(use.label) ?? seen.get(use.label.replace(/^tbl:/, "tab:")) ?? subFigure(use.label, seen, drawnByCode);
    if (!target) {
      // Printed as Quarto does for a reference it cannot resolve: "?@fig-x".
      use.inline.children = [{ kind: "text", text: `?@${use.label}` }];
      continue;
    }
    use.target = target;
    use.inline.href = `#${target.dest}`;
    const kind = labelKind(use.label) === "sec" ? target.kind : labelKind(use.label);
    const byTitle = target.kind === "sec" && target.title && (numbered === false || !target.number);
    const printed = byTitle ? `“${target.title}”` : use.bare ? target.number : `${words[kind]}\u00a0${target.number}`;
    use.inline.children = [{ kind: "text", text: printed }];
  }
  return index;
}

/** "fig-x-2": the second plot of the chunk figure "fig-x", printed "Figure 3b" (Quarto's sub-figure ids). */
function subFigure(label: string, seen: ReadonlyMap<string, XrefTarget>, drawnByCode: ReadonlySet<string>): XrefTarget | undefined {
  const m = /^(.+)-(\d{1,2})$/.exec(label);
  const parent = m && drawnByCode.has(m[1] ?? "") ? seen.get(m[1] ?? "") : undefined;
  const n = Number(m?.[2] ?? 0);
  if (!parent || n < 1) return undefined;
  return { ...parent, label, number: `${parent.number}${String.fromCharCode(96 + ((n - 1) % 26) + 1)}` };
}
