// Deck model → Marp markdown (slides.md, and through marp-core slides.html). Pure: image
// targets come from `link`, so one deck gives the editable file (relative paths) and the
// self-contained HTML (data: URLs).
import type { Inline } from "../../model/brief.js";
import { escapeMarkdown, inlineMarkdown, notesComment } from "./markdown.js";
import { isContentSlide, type Bullet, type Deck, type DeckSlide } from "../model.js";

export interface MarpLinks {
  /** How Marp should load an image the brief names (`src` as written) or an absolute path. */
  image(src: string): string;
}

export function deckMarkdown(deck: Deck, theme: string, links: MarpLinks): string {
  const style = fitStyle(deck);
  const front = ["---", "marp: true", `theme: ${theme}`, "paginate: true", "size: 16:9", `lang: ${deck.lang}`, `title: ${JSON.stringify(deck.title)}`, `header: ${JSON.stringify(directiveText(deck.header))}`, `footer: ${JSON.stringify(directiveText(deck.footer))}`, ...(style ? [`style: ${JSON.stringify(style)}`] : []), "---"].join("\n");
  const pages = deck.slides.map((s) => {
    const directives = [`<!-- _class: ${classOf(s)} -->`, isContentSlide(s) ? "" : "<!-- _paginate: false -->\n<!-- _header: '' -->\n<!-- _footer: '' -->"].filter(Boolean).join("\n");
    return [directives, body(s, links), s.notes.length ? notesComment(s.notes.join("\n\n")) : ""].filter(Boolean).join("\n\n");
  });
  return `${front}\n\n${pages.join("\n\n---\n\n")}\n`;
}

/**
 * Marp renders the header and footer directives as markdown (and lets some HTML through):
 * a short title or organisation is the writer's text, never markup, so an image or <img>
 * written there stays words and nothing is fetched.
 */
function directiveText(text: string): string {
  return escapeMarkdown(text.replace(/[\p{Cc}]/gu, " "));
}

function classOf(s: DeckSlide): string {
  const kind = s.kind === "points" ? (s.role === "section" ? "points" : s.role) : s.kind;
  return s.zoom !== undefined && s.zoom < 1 ? `${kind} ${fitClass(s.zoom)}` : kind;
}

const fitClass = (zoom: number) => `fit-${Math.round(zoom * 100)}`;

/**
 * Slides whose type fitting shrank: their content below the title zoomed as one (so text,
 * spacing and pictures keep their proportions). Marp's `style` directive, so slides.md
 * opened in Marp's own tools shows the same fitted deck.
 */
function fitStyle(deck: Deck): string {
  const zooms = [...new Set(deck.slides.flatMap((s) => (s.zoom !== undefined && s.zoom < 1 ? [Math.round(s.zoom * 100)] : [])))].sort((a, b) => b - a);
  return zooms.map((z) => `section.fit-${z}>:not(header):not(footer):not(h2){zoom:${z / 100}}`).join("\n");
}

/** Marp reads words in an image's alt text as sizing and filter keywords: keep them plain prose. */
function altText(alt: string): string {
  return escapeMarkdown(alt.replace(/\b(bg|fit|contain|cover|auto|blur|brightness|contrast|grayscale|invert|opacity|saturate|sepia|drop-shadow|hue-rotate)\b/gi, (w) => `${w[0]}\u2060${w.slice(1)}`).replace(/\b(w|h|width|height|x|y):/gi, "$1\u2060:"));
}

function body(s: DeckSlide, links: MarpLinks): string {
  const heading = `## ${escapeMarkdown(s.title)}`;
  switch (s.kind) {
    case "title":
      return [
        s.cover ? `![bg right:40%](${links.image(s.cover.src)})` : "",
        s.logo ? `![${altText(s.logo.alt)} h:64](${links.image(s.logo.src)})` : "",
        `# ${escapeMarkdown(s.title)}`,
        s.subtitle ? escapeMarkdown(s.subtitle) : "",
        escapeMarkdown(s.byline),
        // The credit is the title slide's last paragraph; the theme sets it small.
        s.cover?.credit ? `*${escapeMarkdown(s.cover.credit)}*` : "",
      ].filter(Boolean).join("\n\n");
    case "points":
      return `${heading}\n\n${bullets(s.bullets, s.numberFrom)}`;
    case "figure":
      return [heading, `![${altText(s.picture.alt)}${s.height ? ` h:${Math.round(s.height)}` : ""}](${links.image(s.picture.src)})`, caption(s.caption, s.credit)].filter(Boolean).join("\n\n");
    case "table":
      return [heading, table(s.header, s.rows, s.align), caption(s.caption, s.credit)].filter(Boolean).join("\n\n");
    case "quote":
      return [heading, `> ${inlineMarkdown(s.quote)}`, s.attribution.length ? `— ${inlineMarkdown(s.attribution)}` : ""].filter(Boolean).join("\n\n");
    case "stat":
      return `${heading}\n\n${s.figures.map((f) => `- **${escapeMarkdown(f.value)}** ${escapeMarkdown(f.label)}`).join("\n")}`;
    case "sources":
      return `${heading}\n\n${s.entries.map((e) => `- ${inlineMarkdown(e.inlines)}`).join("\n")}`;
    case "closing":
      return [s.logo ? `![${altText(s.logo.alt)} h:80](${links.image(s.logo.src)})` : "", `# ${escapeMarkdown(s.name)}`, s.contact ? escapeMarkdown(s.contact) : ""].filter(Boolean).join("\n\n");
  }
}

/** Caption then credit, as small text: a paragraph each, never a bullet. */
function caption(text: Inline[], credit: Inline[]): string {
  return [text.length ? inlineMarkdown(text) : "", credit.length ? `*${inlineMarkdown(credit)}*` : ""].filter(Boolean).join("\n\n");
}

function table(header: Inline[][], rows: Inline[][][], align: Array<"left" | "center" | "right">): string {
  const cell = (c: Inline[]) => inlineMarkdown(c).replace(/\|/g, "\\|").trim() || " ";
  const rule = header.map((_, i) => ({ left: ":--", center: ":-:", right: "--:" })[align[i] ?? "left"]);
  return [header.map(cell), rule, ...rows.map((r) => header.map((_, i) => cell(r[i] ?? [])))].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** A bullet list (numbered from `firstNumber` when > 0), sub-bullets indented under their lead-in. */
function bullets(items: readonly Bullet[], firstNumber = 0): string {
  return items
    .map((b, i) => {
      const marker = firstNumber > 0 ? `${firstNumber + i}.` : "-";
      const subs = b.sub.map((s) => `${" ".repeat(marker.length + 1)}- ${inlineMarkdown(s.inlines)}`);
      return [`${marker} ${inlineMarkdown(b.inlines)}`, ...subs].join("\n");
    })
    .join("\n");
}
