// Inline runs as HTML: emphasis, links, citations linked to their Sources entry, note
// markers linked to their note and back, and every run in another script tagged with
// its language and direction (screen readers switch voice, browsers shape and order it).
import type { Citation, Inline } from "../model/brief.js";
import type { ImageAsset } from "../model/image.js";
import { isRtlLang, scriptLang } from "../text/scripts.js";

export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

export const sourceId = (index: number): string => `source-${index + 1}`;
export const noteId = (n: number): string => `note-${n}`;
export const noteRefId = (n: number): string => `note-ref-${n}`;

export interface InlineContext {
  /** The brief's language: runs in its script need no tag of their own. */
  lang: string;
  /** Pictures by their model `src`, already decoded (the same map the PDF draws from). */
  picture(src: string): ImageAsset | undefined;
  /** Note markers already given their back-link id (a note cited twice links back to the first). */
  seenNotes: Set<number>;
}

/** Letters of scripts other than Latin, with the punctuation and spaces between them. */
const FOREIGN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}](?:[\p{Script=Common}\p{Script=Inherited}]*[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])*/gu;

/** Text with runs of other scripts wrapped in `<span lang dir>`. */
export function taggedText(text: string, base: string): string {
  let out = "";
  let at = 0;
  for (const m of text.matchAll(FOREIGN)) {
    const lang = scriptLang(m[0], base);
    if (!lang) continue;
    out += esc(text.slice(at, m.index)) + `<span lang="${esc(lang)}"${isRtlLang(lang) ? ' dir="rtl"' : ""}>${esc(m[0])}</span>`;
    at = m.index + m[0].length;
  }
  return out + esc(text.slice(at));
}

export function dataUrl(asset: ImageAsset): string {
  if (asset.kind === "svg") return `data:image/svg+xml;base64,${Buffer.from(asset.svg).toString("base64")}`;
  const png = asset.data[0] === 0x89 && asset.data[1] === 0x50;
  return `data:image/${png ? "png" : "jpeg"};base64,${asset.data.toString("base64")}`;
}

export function inlinesHtml(inlines: readonly Inline[], ctx: InlineContext): string {
  return inlines.map((i) => inlineHtml(i, ctx)).join("");
}

function inlineHtml(inline: Inline, ctx: InlineContext): string {
  switch (inline.kind) {
    case "text":
      return taggedText(inline.text, ctx.lang);
    case "strong":
      return `<strong>${inlinesHtml(inline.children, ctx)}</strong>`;
    case "em":
      return `<em>${inlinesHtml(inline.children, ctx)}</em>`;
    case "code":
      return `<code>${esc(inline.text)}</code>`;
    case "link": {
      const safe = /^(https?:|mailto:|#)/i.test(inline.href);
      return safe ? `<a href="${esc(inline.href)}">${inlinesHtml(inline.children, ctx)}</a>` : inlinesHtml(inline.children, ctx);
    }
    case "break":
      return "<br>";
    case "citation":
      return citationHtml(inline.citation, ctx);
    case "footnoteRef": {
      const first = !ctx.seenNotes.has(inline.number);
      ctx.seenNotes.add(inline.number);
      // A narrow no-break space before the number: copied or read as text, "deprived¹," is
      // "deprived 1," (not the word "deprived1"), and the marker never wraps to a line alone.
      return `<sup>\u202f<a class="note-ref" href="#${noteId(inline.number)}"${first ? ` id="${noteRefId(inline.number)}"` : ""} aria-label="Note ${inline.number}">${inline.number}</a></sup>`;
    }
    case "image": {
      const asset = ctx.picture(inline.src);
      // A picture that is not in the project never reaches here: prepare() refuses it.
      return asset ? `<img src="${dataUrl(asset)}" alt="${esc(inline.alt)}" width="${Math.round(asset.width)}" height="${Math.round(asset.height)}">` : esc(inline.alt);
    }
    case "math": {
      const tex = `<span class="math">${esc(inline.tex)}</span>`;
      const body = inline.number === undefined ? tex : `${tex}<span class="eq-number">(${inline.number})</span>`;
      const id = inline.label ? ` id="${esc(inline.label)}"` : "";
      return inline.display ? `<span class="display-math"${id}>${body}</span>` : id ? `<span${id}>${body}</span>` : body;
    }
    case "mark": {
      const tag = inline.mark === "underline" ? "u" : inline.mark;
      return `<${tag}>${inlinesHtml(inline.children, ctx)}</${tag}>`;
    }
    case "lang": {
      const lang = inline.lang ? ` lang="${esc(inline.lang)}"` : "";
      const dir = inline.dir ?? (inline.lang && isRtlLang(inline.lang) ? "rtl" : undefined);
      return `<span${lang}${dir ? ` dir="${dir}"` : ""}>${inlinesHtml(inline.children, { ...ctx, lang: inline.lang ?? ctx.lang })}</span>`;
    }
  }
}

/** One link per cited item, as the PDF does: "(Yoon 2024; HRC 2014)" has two targets. */
function citationHtml(citation: Citation, ctx: InlineContext): string {
  const text = citation.display?.text ?? citation.raw;
  const spans = citation.items
    .map((item, i) => {
      const [start, end] = citation.display?.ranges[i] ?? [item.rawStart, item.rawEnd];
      return { start, end, sourceIndex: item.sourceIndex };
    })
    .sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += taggedText(text.slice(at, s.start), ctx.lang);
    const piece = taggedText(text.slice(s.start, s.end), ctx.lang);
    out += s.sourceIndex === undefined ? piece : `<a class="cite" href="#${sourceId(s.sourceIndex)}">${piece}</a>`;
    at = s.end;
  }
  return `<span class="citation">${out}${taggedText(text.slice(at), ctx.lang)}</span>`;
}
