// Cross-references in a run of prose, as Quarto, pandoc-crossref and bookdown write them:
//   @fig-map  -@tbl-cases  [@fig-map; @tbl-cases]  @fig:map  [@fig:a; @tbl:b]  \@ref(fig:map)
//   \ref{fig-map} (raw LaTeX, which Quarto and R Markdown pass to their PDF)
// and capitalised ("@Fig:map", "@Tbl-cases": the same label, its word capitalised at the
// start of a sentence). Found before citations, so none of these is ever read as a key.
// Pure string → offsets, like citations/find.ts; these are never citations.
import type { XrefKind } from "../../model/brief.js";

export interface FoundRef {
  label: string;
  /** Prints the number alone: "-@fig-x", "\@ref(fig:x)". */
  bare: boolean;
  start: number;
  end: number;
}

export interface FoundXref {
  start: number;
  end: number;
  refs: FoundRef[];
}

const PREFIX = String.raw`(?:[Ff]ig|[Tt]bl|[Ss]ec|[Ee]q|[Ll]st)[-:]`;
const LABEL = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_:.-]*`;
const ONE = new RegExp(String.raw`^\s*(-?)@(${PREFIX}${LABEL})\s*$`, "u");
const BARE = new RegExp(String.raw`(?<![\p{L}\p{N}_@.\[/:-])(-?)@(${PREFIX}${LABEL})`, "gu");
const BOOKDOWN = /@ref\(([^()\s]+)\)/gu;
/** Raw LaTeX in a Quarto or R Markdown paper bound for PDF: "\ref{fig-map}" prints the number. */
const LATEX_REF = /\\ref\{([\p{L}\p{N}_][\p{L}\p{N}_:.-]*)\}/gu;

/** "fig-map" → "fig"; bookdown's "tab:x" is a table; any other label names a section. */
export function labelKind(label: string): XrefKind {
  const m = /^(fig|tbl|tab|sec|eq|lst)[-:]/.exec(label);
  if (!m) return "sec";
  return m[1] === "tab" ? "tbl" : (m[1] as XrefKind);
}

/** Trailing sentence punctuation is not part of a label; "@Fig:x" names the label "fig:x". */
const tidy = (label: string) => label.replace(/[.:]+$/, "").replace(/^[A-Z]/, (c) => c.toLowerCase());

export function findXrefs(text: string): FoundXref[] {
  const found: FoundXref[] = [];
  const taken = (i: number) => found.some((f) => i >= f.start && i < f.end);
  for (const m of text.matchAll(/\[([^[\]]*@[^[\]]*)\]/gu)) {
    const refs: FoundRef[] = [];
    let offset = m.index + 1;
    const parts = (m[1] ?? "").split(";");
    for (const part of parts) {
      const r = ONE.exec(part);
      if (!r) break;
      const at = offset + part.indexOf("@") - (r[1] ? 1 : 0);
      const label = tidy(r[2] ?? "");
      refs.push({ label, bare: r[1] === "-", start: at, end: at + (r[1] ?? "").length + 1 + label.length });
      offset += part.length + 1;
    }
    if (refs.length === parts.length) found.push({ start: m.index, end: m.index + m[0].length, refs });
  }
  for (const m of text.matchAll(BOOKDOWN)) {
    if (taken(m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, refs: [{ label: m[1] ?? "", bare: true, start: m.index, end: m.index + m[0].length }] });
  }
  for (const m of text.matchAll(LATEX_REF)) {
    if (taken(m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, refs: [{ label: m[1] ?? "", bare: true, start: m.index, end: m.index + m[0].length }] });
  }
  for (const m of text.matchAll(BARE)) {
    if (taken(m.index)) continue;
    const label = tidy(m[2] ?? "");
    const end = m.index + (m[1] ?? "").length + 1 + label.length;
    found.push({ start: m.index, end, refs: [{ label, bare: m[1] === "-", start: m.index, end }] });
  }
  return found.sort((a, b) => a.start - b.start);
}
