// Inline HTML as people paste it (<br>, <sup>†</sup>, <em>, <span class="…">), read for
// what it means: a line break, raised text, emphasis, a link, or just its content. Nothing
// is ever executed: a tag we do not know is dropped (its words stay text), a <script> or
// <style> is dropped with its content, and no attribute but <a>'s href survives.
import type { Inline } from "../model/brief.js";

export type HtmlTag =
  | { type: "comment" }
  | { type: "break" }
  /** An opening tag that becomes a model node (children follow). */
  | { type: "open"; name: string; node: Extract<Inline, { children: Inline[] }>; dropped: string[] }
  /** An opening tag whose content is kept as is (<span>, <div>, <font>). */
  | { type: "transparent"; name: string; dropped: string[] }
  /** <script>, <style>: the tag and everything up to its closing tag go. */
  | { type: "hide"; name: string }
  | { type: "close"; name: string }
  /** <img src alt title>: a picture (or, when remote, its alt text). */
  | { type: "image"; src: string; alt: string; title: string }
  /** Any other tag: dropped, its kind reported once. */
  | { type: "unknown"; name: string };

const TAG = /^<\s*(\/)?\s*([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?\s*>$/u;
const ATTR = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/gu;
const TRANSPARENT = new Set(["span", "div", "font", "p", "small", "big", "abbr", "cite", "q", "mark", "ins", "bdi", "bdo", "time", "data", "wbr", "nobr", "center", "section", "article", "label"]);
const HIDE = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "textarea", "select", "button"]);
const SILENT_ATTRIBUTE = /^(?:id|name|class|style|align|valign|width|height|title|target|rel|dir|lang|role|tabindex|data-[\w-]+|aria-[\w-]+)$/;
/** What the one warning about remote pictures says. */
export const remotePicture = (src: string) => `a remote picture (<img src="${src}">) prints as its alt text: briefpress never fetches from the network — download it next to the brief`;

/** A URL with a scheme ("https:", "data:"): never read. */
export const REMOTE = /^[a-z][a-z0-9+.-]*:/i;
const SAFE_HREF = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[\w-]+\.[\w.-]+\/)/i;

function attributes(text: string): Array<[string, string]> {
  return [...text.matchAll(ATTR)].map((m) => [(m[1] ?? "").toLowerCase(), (m[2] ?? "").replace(/^["']|["']$/g, "")]);
}

export function readHtmlTag(content: string): HtmlTag {
  const raw = content.trim();
  if (/^<!--[\s\S]*-->$/.test(raw) || /^<[!?]/.test(raw)) return { type: "comment" };
  const m = TAG.exec(raw);
  if (!m) return { type: "unknown", name: "html" };
  const name = (m[2] ?? "").toLowerCase();
  // "</br>" is what word processors and some editors write for <br>: browsers break the line.
  if (name === "br") return { type: "break" };
  if (m[1]) return { type: "close", name };
  const attrs = attributes(m[3] ?? "");
  if (name === "img") {
    const get = (a: string) => attrs.find(([k]) => k === a)?.[1]?.trim() ?? "";
    return { type: "image", src: get("src"), alt: get("alt"), title: get("title") };
  }
  if (HIDE.has(name)) return { type: "hide", name };
  // Attributes that style or name an element print nothing in a browser's print-out or in
  // Pandoc's PDF (an id is a link target, which the anchor check reads from the source):
  // dropping them loses nothing a reader sees, so it is not reported.
  const others = (keep: string[] = []) => attrs.map(([a]) => a).filter((a) => !keep.includes(a) && !SILENT_ATTRIBUTE.test(a));
  switch (name) {
    case "em":
    case "i":
      return { type: "open", name, node: { kind: "em", children: [] }, dropped: others() };
    case "strong":
    case "b":
      return { type: "open", name, node: { kind: "strong", children: [] }, dropped: others() };
    case "sup":
    case "sub":
      return { type: "open", name, node: { kind: "mark", mark: name, children: [] }, dropped: others() };
    case "u":
      return { type: "open", name, node: { kind: "mark", mark: "underline", children: [] }, dropped: others() };
    case "a": {
      const href = attrs.find(([a]) => a === "href")?.[1]?.trim() ?? "";
      // "javascript:" and other schemes are not links: the words stay, the target goes.
      if (!href || !SAFE_HREF.test(href)) return { type: "transparent", name, dropped: href ? [...others(["href"]), `href=${href.split(":")[0]}:`] : others() };
      return { type: "open", name, node: { kind: "link", href, children: [] }, dropped: others(["href"]) };
    }
  }
  if (TRANSPARENT.has(name)) return { type: "transparent", name, dropped: others() };
  return { type: "unknown", name };
}

/** What the inline walker lends the HTML reader: where content goes, and where reports go. */
export interface HtmlTarget {
  open(node: Extract<Inline, { children: Inline[] }>): void;
  close(): void;
  push(inline: Inline): void;
  /** A local picture as an image node; the caller knows where it stands in the source. */
  image(src: string, alt: string, title: string): void;
  report(kind: string, message: string): void;
}

/** The pasted-HTML state of one inline run: open elements, and a <script> being skipped. */
export class PastedHtml {
  private readonly open: Array<{ name: string; node: boolean }> = [];
  /** Set while inside <script>/<style>: every token up to its closing tag is skipped. */
  hiding: string | null = null;

  apply(content: string, target: HtmlTarget): void {
    const tag = readHtmlTag(content);
    if (this.hiding) {
      if (tag.type === "close" && tag.name === this.hiding) this.hiding = null;
      return;
    }
    if (tag.type === "open" || tag.type === "transparent") {
      for (const a of tag.dropped) {
        if (a.startsWith("href=")) target.report(`@${a}`, `a link to "${a.slice(5)}" is not made (its words are kept)`);
        else target.report(`@${a}`, `the HTML attribute "${a}" is dropped (the text is kept)`);
      }
    }
    switch (tag.type) {
      case "break":
        target.push({ kind: "break" });
        break;
      case "open":
        target.open(tag.node);
        this.open.push({ name: tag.name, node: true });
        break;
      case "transparent":
        this.open.push({ name: tag.name, node: false });
        break;
      case "hide":
        target.report(tag.name, `HTML <${tag.name}> is dropped with its content`);
        if (!/\/\s*>$/.test(content)) this.hiding = tag.name;
        break;
      case "image":
        if (!REMOTE.test(tag.src) && tag.src) target.image(tag.src, tag.alt, tag.title);
        else {
          // Never fetched: the picture's words print in its place.
          if (tag.alt) target.push({ kind: "text", text: tag.alt });
          target.report("img:remote", remotePicture(tag.src));
        }
        break;
      case "unknown":
        // Keyed "unknown:": every tag a browser would not show is one warning (parse.ts).
        target.report(`unknown:${tag.name}`, `HTML <${tag.name}> is dropped`);
        break;
      case "close": {
        // A closing tag closes its element and any left open inside it; a stray one is ignored.
        const at = this.open.map((h) => h.name).lastIndexOf(tag.name);
        while (at >= 0 && this.open.length > at) if (this.open.pop()?.node) target.close();
        break;
      }
      case "comment":
        break;
    }
  }
}

/**
 * A picture pasted as <img> prints when it stands alone in its paragraph (a figure). Inside
 * a sentence there is no room for it: its alt text takes its place, and `report` says so once.
 */
export function picturesInProse(inlines: Inline[], pasted: ReadonlySet<Inline>, report: () => void): void {
  if (pasted.size === 0) return;
  const visible = inlines.filter((i) => !(i.kind === "text" && !i.text.trim()));
  if (visible.length === 1 && pasted.has(visible[0] as Inline)) return;
  const swap = (list: Inline[]) =>
    list.forEach((inline, n) => {
      if (pasted.has(inline) && inline.kind === "image") {
        list[n] = { kind: "text", text: inline.alt };
        report();
      } else if ("children" in inline) swap(inline.children);
    });
  swap(inlines);
}
