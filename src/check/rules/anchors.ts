// Links inside the brief ("[see the data](#sec-data)") must land somewhere: on a heading,
// a labelled figure, table or div, a note, or an HTML anchor the writer typed. Where a
// link's target is defined nowhere, the PDF's link goes nowhere; anchors vary between
// markdown tools, so this is a warning, not an error.
import { diagnostic, pointSpan } from "../../model/diagnostics.js";
import type { Block, Inline } from "../../model/brief.js";
import { eachBlock, eachInline } from "../../model/walk.js";
import type { Rule } from "../rule.js";
import { plainText } from "../../model/plain-text.js";

export const anchorRules: Rule[] = [
  {
    id: "link/anchor-duplicate",
    description: "an HTML anchor id that opens a line typed twice: links to it land on the first",
    run({ brief, source }, severity) {
      if (!source) return [];
      const first = new Map<string, number>();
      const out = [];
      // Anchors that open a line label an entry or a section: the ones links are meant to
      // reach. (Anchors inside prose mark where a source was cited; papers repeat those.)
      for (const m of source.matchAll(/^[ \t]*(?:[-*+][ \t]+|\d+\.[ \t]+)?<a\b[^>]*?\b(?:id|name)\s*=\s*["']?#?([^"'\s>]+)/gim)) {
        const id = m[1] ?? "";
        const before = source.slice(0, m.index).split("\n");
        const line = before.length;
        const seen = first.get(id);
        if (seen === undefined) first.set(id, line);
        else out.push(diagnostic(brief.file, pointSpan(line, (before[before.length - 1]?.length ?? 0) + 1, m[0].length), severity, "link/anchor-duplicate", `anchor "${id}" is already defined on line ${seen}: links to "#${id}" land there, not here`));
      }
      return out;
    },
  },
  {
    id: "link/anchor",
    description: "a link to #id that no heading, label or HTML anchor in the brief defines",
    run({ brief, source }, severity) {
      // A bookdown chapter (an .Rmd with no front matter) links into the other chapters of its
      // book, which this file cannot see: its links are not checked.
      if (!source || (/\.rmd$/i.test(brief.file) && Object.keys(brief.metaLines).length === 0)) return [];
      const ids = new Set<string>(["sources", "notes", "title", "contents"]);
      for (const t of brief.xrefs.targets) ids.add(t.label);
      eachBlock([...brief.blocks, ...brief.footnotes.flatMap((f) => f.blocks)], (b) => {
        for (const id of blockIds(b)) ids.add(id);
      });
      // Anchors typed as HTML or Pandoc attributes anywhere in the source: <a id="x">, {#x}.
      // (An id written with its "#", id="#x", is the writer's x.)
      for (const m of source.matchAll(/\b(?:id|name)\s*=\s*["']?#?([^"'\s>]+)|\{#([^\s}]+)/g)) ids.add(m[1] ?? m[2] ?? "");
      const missing = new Set<string>();
      for (const href of links([...brief.blocks, ...brief.footnotes.flatMap((f) => f.blocks)])) if (!ids.has(href) && !ids.has(safeDecode(href))) missing.add(href);
      return [...missing].map((id) => {
        // "(#x)" whole first: "(#x" alone also starts "(#x-longer)", a link that does land.
        const index = [`${id})`, `${safeDecode(id)})`, id, safeDecode(id)].map((form) => source.indexOf(`(#${form}`)).find((i) => i >= 0) ?? -1;
        const before = source.slice(0, Math.max(0, index)).split("\n");
        const at = index < 0 ? pointSpan(1, 1) : pointSpan(before.length, (before[before.length - 1]?.length ?? 0) + 2, id.length + 1);
        return diagnostic(brief.file, at, severity, "link/anchor", `link to "#${id}" goes nowhere: no heading, label or anchor in the brief is "${id}"`, [`label the target: "## Heading {#${id}}"`]);
      });
    },
  },
];

function blockIds(b: Block): string[] {
  switch (b.kind) {
    case "heading": {
      // GitHub's and Pandoc's automatic ids differ from ours on punctuation: any of them lands.
      const words = plainText(b.inlines).trim().toLowerCase();
      const github = words.replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
      const pandoc = words.replace(/[^\p{L}\p{N}\s_.-]/gu, "").replace(/\s+/g, "-").replace(/^[^\p{L}]+/u, "");
      return [b.id, github, pandoc, ...(b.label ? [b.label] : [])];
    }
    case "figure":
      return [...(b.label ? [b.label] : []), ...(b.aliases ?? [])];
    case "table":
    case "callout":
    case "chunk":
      return b.label ? [b.label] : [];
    default:
      return [];
  }
}

/** Every "#id" link target of the body, once each. */
function links(blocks: readonly Block[]): string[] {
  const out = new Set<string>();
  const visit = (inlines: readonly Inline[]) =>
    eachInline(inlines, (i) => {
      if (i.kind === "link" && /^#./.test(i.href) && i.href !== "#") out.add(i.href.slice(1));
    });
  eachBlock(blocks, (b) => {
    if (b.kind === "paragraph" || b.kind === "heading") visit(b.inlines);
    if (b.kind === "table") [b.header, ...b.rows].flat().forEach(visit);
  });
  return [...out];
}

/** "%C3%B3" → "ó"; a malformed escape stays as written. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
