// The text of inline runs with their markup dropped, and heading slugs: read by the
// checker, both renderers and the parser alike.
import type { Inline } from "./brief.js";
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.kind) {
        case "text":
        case "code":
          return i.text;
        case "citation":
          return i.citation.display?.text ?? i.text;
        case "strong":
        case "em":
        case "link":
        case "mark":
        case "lang":
          return plainText(i.children);
        case "break":
          return " ";
        case "footnoteRef":
          return "";
        case "image":
          return i.alt;
        case "math":
          return i.tex;
      }
    })
    .join("");
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}
