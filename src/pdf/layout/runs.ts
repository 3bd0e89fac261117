// Model inlines → styled runs for the line breaker.
import type { Citation, Inline } from "../../model/brief.js";
import type { Face } from "../../text/fonts.js";
import type { Run, RunStyle } from "./lines.js";
import { COLOURS, type TextStyle } from "./style.js";

function withEmphasis(face: Face, kind: "strong" | "em"): Face {
  const sans = face.startsWith("sans");
  const bold = kind === "strong" || /bold/.test(face);
  const italic = kind === "em" || /italic/.test(face);
  if (sans) return bold ? "sans-bold" : italic ? "sans-italic" : face;
  return bold && italic ? "serif-bolditalic" : bold ? "serif-bold" : italic ? "serif-italic" : "serif";
}

export function sourceDest(index: number): string {
  return `source-${index + 1}`;
}

export function footnoteDest(number: number): string {
  return `note-${number}`;
}

export function toRuns(inlines: readonly Inline[], base: TextStyle): Run[] {
  const style: RunStyle = { face: base.face, size: base.size, color: base.color };
  return convert(inlines, style);
}

function convert(inlines: readonly Inline[], style: RunStyle): Run[] {
  const runs: Run[] = [];
  for (const inline of inlines) {
    switch (inline.kind) {
      case "text":
        runs.push({ text: inline.text, style });
        break;
      case "strong":
      case "em":
        runs.push(...convert(inline.children, { ...style, face: withEmphasis(style.face, inline.kind) }));
        break;
      case "code":
        runs.push({ text: inline.text, style: { ...style, face: "sans", noHyphen: true } });
        break;
      case "link": {
        const external = /^(https?:|mailto:)/i.test(inline.href);
        // "#fig-map": a cross-reference, linked to its target's named destination.
        const link = external ? { kind: "uri" as const, uri: inline.href } : inline.href.startsWith("#") && inline.href.length > 1 ? { kind: "dest" as const, name: inline.href.slice(1) } : undefined;
        runs.push(...convert(inline.children, { ...style, color: COLOURS.link, link, role: "Link", noHyphen: true }));
        break;
      }
      case "break":
        runs.push({ text: "\n", style });
        break;
      case "mark": {
        // Pasted <sup>/<sub> (issue 12) sit raised or lowered, smaller; <u> is drawn underlined.
        const raised = inline.mark === "sup" ? 0.36 : inline.mark === "sub" ? -0.14 : 0;
        runs.push(...convert(inline.children, raised ? { ...style, size: style.size * 0.68, rise: style.size * raised } : { ...style, underline: true }));
        break;
      }
      case "lang":
        // "[حمص]{lang=ar}": the writer's tag wins over the script's guess (tagging.ts).
        runs.push(...convert(inline.children, inline.lang ? { ...style, lang: inline.lang } : style));
        break;
      case "citation":
        runs.push(...citationRuns(inline.citation, style));
        break;
      case "footnoteRef":
        runs.push({
          text: String(inline.number),
          style: { ...style, size: style.size * 0.62, rise: style.size * 0.36, color: COLOURS.link, link: { kind: "dest", name: footnoteDest(inline.number) }, role: "Note" },
        });
        break;
      case "image":
        // Inline images inside prose are rendered as figures by the flow stage.
        break;
      case "math":
        // Never typeset: the TeX source, in italics, reads legibly ("x^2 + y^2").
        runs.push({ text: inline.tex, style: { ...style, face: style.face.startsWith("sans") ? "sans-italic" : "serif-italic", noHyphen: true } });
        if (inline.number !== undefined) runs.push({ text: `\u2003(${inline.number})`, style });
        break;
    }
  }
  return runs;
}

/** One run per cited item, each linked to its own entry: "(Yoon 2024; HRC 2014)" has two targets. */
function citationRuns(citation: Citation, style: RunStyle): Run[] {
  const base: RunStyle = { ...style, role: "Reference", noHyphen: true };
  const runs: Run[] = [];
  let at = 0;
  // Key citations print their author-date display; the rest print as written.
  const text = citation.display?.text ?? citation.raw;
  const spans = citation.items.map((item, i) => {
    const [start, end] = citation.display?.ranges[i] ?? [item.rawStart, item.rawEnd];
    return { start, end, sourceIndex: item.sourceIndex };
  });
  for (const item of spans.sort((a, b) => a.start - b.start)) {
    if (item.start < at) continue; // "(Yoon 2024, 2025)": both years share one span
    if (item.start > at) runs.push({ text: text.slice(at, item.start), style: base });
    const link = item.sourceIndex === undefined ? undefined : { kind: "dest" as const, name: sourceDest(item.sourceIndex) };
    runs.push({ text: text.slice(item.start, item.end), style: { ...base, link } });
    at = item.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), style: base });
  return runs;
}
