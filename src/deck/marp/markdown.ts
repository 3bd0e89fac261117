// Writing Marp markdown safely: model text is escaped so nothing the writer typed is
// read as markup (and raw HTML stays text), and notes cannot close their comment.
import type { Inline } from "../../model/brief.js";

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/&/g, "&amp;");
}

/** Inline runs → Marp markdown, keeping emphasis and links, citations as their text. */
export function inlineMarkdown(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.kind) {
        case "text":
          return escapeMarkdown(i.text);
        case "citation":
          return escapeMarkdown(i.citation.display?.text ?? i.text);
        case "code":
          return `\`${i.text.replace(/`/g, "'")}\``;
        case "strong":
          return `**${inlineMarkdown(i.children)}**`;
        case "em":
          return `*${inlineMarkdown(i.children)}*`;
        case "mark": // pasted <sup>/<sub>/<u>: the deck keeps the words
          return inlineMarkdown(i.children);
        case "lang": {
          // "[حمص]{lang=ar}": the tag was checked (LANG_TAG), so it is safe in an attribute.
          const attrs = [i.lang ? ` lang="${i.lang}"` : "", i.dir ? ` dir="${i.dir}"` : ""].join("");
          return `<span${attrs}>${inlineMarkdown(i.children)}</span>`;
        }
        case "link":
          return /^https?:/i.test(i.href) ? `[${inlineMarkdown(i.children)}](${i.href.replace(/[()\s]/g, encodeURIComponent)})` : inlineMarkdown(i.children);
        case "break":
          return " ";
        case "footnoteRef":
        case "image":
          return "";
        case "math":
          return `\`${i.tex.replace(/`/g, "'")}\``;
      }
    })
    .join("");
}

/** Speaker notes live in an HTML comment: "--" must not appear inside one. */
export function notesComment(text: string): string {
  const safe = text.replace(/-{2,}/g, (m) => m.split("").join("\u200b")).replace(/>/g, "›");
  return `<!--\n${safe.trim()}\n-->`;
}
