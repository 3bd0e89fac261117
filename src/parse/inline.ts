// Inline tokens → inline runs of the model, with exact positions: markdown-it gives
// inline tokens no positions, so each character is mapped back to the source here, and
// citations are found in the text runs (never in code spans or link targets).
import type { Token } from "markdown-it";
import type { Span } from "../model/diagnostics.js";
import { findAllCitations } from "../citations/all.js";
import { findRaisedNumbers } from "../citations/numeric.js";
import { PastedHtml, picturesInProse } from "./html-inline.js";
import { alignAt, InlineLocator } from "./locate.js";
import type { Inline } from "../model/brief.js";
import type { Attributes } from "./pandoc/attributes.js";
import type { FoundXref } from "./pandoc/xref-find.js";
import { pandocText, placedOffsets, type MystRole } from "./myst.js";
import { acrossEmphasis, anchorCitations, italicNotes, toCitation } from "./inline-citations.js";
import type { Context, InlineContext } from "./inline-context.js";
import { LANG_TAG } from "../text/scripts.js";

export type { Context, InlineContext } from "./inline-context.js";

export function readInlines(inline: Token, ctx: Context, where: InlineContext, line?: number, column = 0): Inline[] {
  const locator = new InlineLocator(inline.content, ctx.lines, line ?? inline.map?.[0] ?? 0, column);
  const walker = new InlineWalker(inline.content, locator, ctx, ctx.inSlide ? "slide" : where);
  return walker.read(inline.children ?? []);
}

/** Walks inline tokens, merging text and soft breaks into runs that citations can span. */
class InlineWalker {
  private cursor = 0;
  constructor(
    readonly content: string,
    readonly locator: InlineLocator,
    readonly ctx: Context,
    readonly where: InlineContext,
  ) {}

  read(children: Token[]): Inline[] {
    const stack: Inline[][] = [[]];
    const frames: Array<Extract<Inline, { children: Inline[] }>> = [];
    // A run of text and soft breaks, with the content offset of each of its characters.
    let run: { text: string; offsets: number[] } | null = null;
    const top = () => stack[stack.length - 1] ?? [];
    const enter = (node: Extract<Inline, { children: Inline[] }>) => {
      top().push(node);
      frames.push(node);
      stack.push(node.children);
    };
    const leave = () => {
      frames.pop();
      stack.pop();
    };
    const flush = () => {
      const raised = frames.some((f) => f.kind === "mark" && f.mark === "sup");
      const link = frames.find((f): f is Extract<Inline, { kind: "link" }> => f.kind === "link");
      // "[WHO, 2021a](#f22)": a citation written as a link to its entry is checked; the link prints as written.
      if (run && link?.href.startsWith("#")) anchorCitations(this, run.text, run.offsets, raised, link.href);
      if (run) top().push(...this.textRun(run.text, run.offsets, link !== undefined, raised));
      run = null;
    };
    const html = new PastedHtml();
    // Pictures pasted as <img>, and where the first one stands (for the one warning).
    const pasted = new Set<Inline>();
    let inProse: { message: string; span: Span } | undefined;
    const aligned = new Map<Token, number[]>();
    // Whether each open bracketed span became a "lang" node (so its close pops it).
    const spans: boolean[] = [];
    for (const t of children) {
      if (html.hiding && t.type !== "html_inline") continue;
      if (t.type === "text" || t.type === "softbreak") {
        // No font has a glyph for a tab: text pasted with tabs prints them as spaces.
        const text = t.type === "text" ? t.content.replace(/\t/g, " ") : " ";
        run ??= { text: "", offsets: [] };
        const offsets = this.align(t.type === "text" ? t.content : "\n");
        aligned.set(t, offsets);
        // One at a time: spreading a very long line's offsets overflows the call stack.
        for (const o of offsets) run.offsets.push(o);
        run.text += text;
        continue;
      }
      flush();
      switch (t.type) {
        case "strong_open":
        case "em_open":
        case "link_open": {
          const node: Extract<Inline, { children: Inline[] }> =
            t.type === "link_open"
              ? { kind: "link", href: String(t.attrGet("href") ?? ""), children: [] }
              : { kind: t.type === "strong_open" ? "strong" : "em", children: [] };
          enter(node);
          break;
        }
        case "strong_close":
        case "em_close":
        case "link_close":
          leave();
          break;
        case "code_inline": {
          const at = this.locate(t.content);
          // "`r nrow(df)`", "`{python} n`": inline code for knitr or Jupyter to run; never run
          // here. It prints as its code, as Pandoc prints it from an unknitted source: the
          // reader sees which figure is missing and the sentence keeps every word (chunk/not-run).
          if (/^(?:r|\{(?:r|python|julia|ojs)\})\s+\S/.test(t.content)) this.ctx.skipped.inlineCode.push(this.locator.positionAt(at));
          top().push({ kind: "code", text: t.content.replace(/\t/g, " ") });
          break;
        }
        case "math_inline": {
          const at = this.locate(t.markup);
          this.ctx.skipped.maths.push(this.locator.positionAt(at));
          const meta = (t.meta ?? {}) as { display?: boolean; label?: string };
          top().push({ kind: "math", tex: t.content, display: meta.display === true, ...(meta.label ? { label: meta.label } : {}) });
          break;
        }
        case "span_open": {
          const node = this.langSpan(t);
          spans.push(node !== null);
          if (node) enter(node);
          break;
        }
        case "span_close":
          if (spans.pop()) leave();
          break;
        case "hardbreak":
          top().push({ kind: "break" });
          break;
        case "image": {
          const offset = this.locate("![");
          const alt = t.children?.map((c) => c.content).join("") ?? t.content;
          const attrs = t.meta as { id?: string; pairs?: Record<string, string> } | null;
          const label = attrs?.id;
          // Quarto's fig-alt: the text for screen readers, the bracket text being the caption.
          const figAlt = attrs?.pairs?.["fig-alt"];
          top().push({ kind: "image", src: String(t.attrGet("src") ?? ""), alt: figAlt ?? alt, title: String(t.attrGet("title") ?? ""), at: this.locator.positionAt(offset), ...(label ? { label } : {}), ...(figAlt !== undefined ? { caption: alt } : {}) });
          break;
        }
        case "myst_role": {
          // Read as the Pandoc text it stands for ("[@key]", "@fig-x"), placed at the role.
          const role = t.meta as MystRole;
          const said = pandocText(role);
          const offsets = placedOffsets(said, t.markup, this.locate(t.markup));
          const span = (a: number, b: number) => ({ start: this.locator.positionAt(offsets[a] ?? 0), end: this.locator.positionAt((offsets[b - 1] ?? 0) + 1) });
          if (role.kind === "xref") top().push(...this.xrefRun(said, { start: 0, end: said.length, refs: [{ label: role.label, bare: false, start: 0, end: said.length }] }, span));
          else top().push(...(role.kind === "cite" ? this.textRun(said, offsets, false) : [{ kind: "text" as const, text: said }]));
          break;
        }
        case "footnote_ref": {
          const id = Number(t.meta?.id ?? 0);
          const number = id + 1;
          this.ctx.footnoteNumbers.set(id, number);
          top().push({ kind: "footnoteRef", label: String(t.meta?.label ?? number), number });
          break;
        }
        case "html_inline": {
          // Pasted HTML is read for what it means, never executed (html-inline.ts).
          const at = this.locator.positionAt(this.locate(t.content));
          const span = { start: at, end: { line: at.line, column: at.column + t.content.length } };
          html.apply(t.content, {
            open: enter,
            close: leave,
            push: (inline) => top().push(inline),
            image: (src, alt, title) => {
              const image: Inline = { kind: "image", src, alt, title, at };
              pasted.add(image);
              top().push(image);
              inProse ??= { message: "an HTML <img> inside a sentence prints as its alt text (a picture prints when it has a paragraph of its own)", span };
            },
            report: (kind, message) => {
              const drops = (this.ctx.htmlDropped ??= new Map());
              if (!drops.has(kind)) drops.set(kind, { message, span });
            },
          });
          break;
        }
        default:
          if (t.content) top().push({ kind: "text", text: t.content });
      }
    }
    flush();
    picturesInProse(stack[0] ?? [], pasted, () => {
      const drops = (this.ctx.htmlDropped ??= new Map());
      if (inProse && !drops.has("img")) drops.set("img", inProse);
    });
    if (this.ctx.inNote !== undefined) italicNotes(this, children, aligned, this.ctx.inNote);
    acrossEmphasis(this, children, aligned);
    return stack[0] ?? [];
  }

  /**
   * "[@fig-a; @tbl-b]" → one link per reference, printed as written until the whole
   * document is read and numbered (then "Figure 1; Table 2").
   */
  private xrefRun(text: string, found: FoundXref, span: (a: number, b: number) => Span): Inline[] {
    const out: Inline[] = [];
    found.refs.forEach((ref, i) => {
      if (i > 0) out.push({ kind: "text", text: "; " });
      const inline: Extract<Inline, { kind: "link" }> = { kind: "link", href: "", children: [{ kind: "text", text: text.slice(ref.start, ref.end) }] };
      this.ctx.xrefUses.push({ label: ref.label, span: span(ref.start, ref.end), inline, bare: ref.bare });
      out.push(inline);
    });
    return out;
  }

  /**
   * "[حمص]{lang=ar}", "[…]{dir=rtl}": a node carrying the language and direction, or null
   * for spans with neither (".mark", ".smallcaps" print as plain text). A tag that is not
   * BCP 47 is reported at the span and left off, so the text prints untagged.
   */
  private langSpan(t: Token): Extract<Inline, { kind: "lang" }> | null {
    const pairs = (t.meta as Attributes | null)?.pairs ?? {};
    const raw = pairs.lang;
    const dir = pairs.dir?.toLowerCase();
    if (raw === undefined && dir === undefined) return null;
    const at = this.locator.positionAt(this.locate("["));
    let lang: string | undefined;
    if (raw !== undefined && LANG_TAG.test(raw)) lang = raw.replace(/_/g, "-");
    else if (raw !== undefined) {
      const end = { line: at.line, column: at.column + 1 };
      (this.ctx.badLangs ??= []).push({ message: `"${raw}" is not a language tag (expected one such as ar, ja or en-GB); the span prints untagged`, span: { start: at, end } });
    }
    const node: Extract<Inline, { kind: "lang" }> = { kind: "lang", children: [] };
    if (lang) node.lang = lang;
    if (dir === "rtl" || dir === "ltr") node.dir = dir;
    return node.lang || node.dir ? node : null;
  }

  /** Finds `needle` in the content from the cursor; returns where it starts. */
  private locate(needle: string): number {
    const found = needle ? this.content.indexOf(needle, this.cursor) : -1;
    if (found < 0) return this.cursor;
    this.cursor = found + needle.length;
    return found;
  }

  /**
   * Content offset of every character of a decoded text token. markdown-it has removed
   * backslash escapes ("\\[") and decoded entities ("&amp;"), so a plain indexOf can miss;
   * this walks the source, stepping over them, so positions stay exact.
   */
  private align(needle: string): number[] {
    for (let start = this.cursor; start < this.content.length; start++) {
      const offsets = alignAt(this.content, needle, start);
      if (offsets) {
        this.cursor = (offsets[offsets.length - 1] ?? start) + 1;
        return offsets;
      }
    }
    // Not found (should not happen): keep positions monotonic at the cursor.
    return [...needle].map(() => this.cursor);
  }

  private textRun(text: string, offsets: number[], inLink: boolean, raised = false): Inline[] {
    if (inLink) return [{ kind: "text", text }];
    const toContent = (i: number) => offsets[Math.min(i, offsets.length - 1)] ?? 0;
    const span = (a: number, b: number) => ({
      start: this.locator.positionAt(toContent(a)),
      end: this.locator.positionAt(toContent(b - 1) + 1),
    });
    const out: Inline[] = [];
    let last = 0;
    // "<sup>12</sup>" pasted from a web page is a numeric citation when the list is numbered.
    const citations = raised && this.ctx.numeric ? findRaisedNumbers(text) : findAllCitations(text, this.where !== "table", this.ctx.numeric === true, this.ctx.inNote !== undefined);
    for (const found of citations) {
      if (found.start > last) out.push({ kind: "text", text: text.slice(last, found.start) });
      if ("refs" in found) {
        out.push(...this.xrefRun(text, found, span));
        last = found.end;
        continue;
      }
      const citation = toCitation(this, found, span);
      this.ctx.citations.push(citation);
      out.push({ kind: "citation", text: found.raw, citation });
      last = found.end;
    }
    if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
    for (const m of text.matchAll(/\[\^([^\]\s]+)\]/g)) {
      // "\[^x]" is the writer asking for literal text, not a reference.
      if (this.content[toContent(m.index) - 1] === "\\") continue;
      this.ctx.danglingFootnotes.push({ label: m[1] ?? "", span: span(m.index, m.index + m[0].length) });
    }
    return out;
  }
}
