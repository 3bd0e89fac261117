// Hand-written decks (slides/<slug>.md) replace the derived one. Their citations are
// checked against the brief's sources, and their slides located for overflow messages.
import type { Diagnostic } from "../model/diagnostics.js";
import { findCitations } from "../citations/find.js";
import { createResolver } from "../citations/resolve.js";
import type { Brief, CiteItem } from "../model/brief.js";

export interface HandSlide {
  title: string;
  line: number;
}

/** Lines of a Marp deck that hold slide content: no front matter, fences or comments. */
function contentLines(text: string): Array<{ line: number; text: string; separator: boolean }> {
  const lines = text.split(/\r?\n/);
  const out: Array<{ line: number; text: string; separator: boolean }> = [];
  let i = 0;
  if (lines[0]?.trim() === "---") {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === "---") + 1;
  }
  let fence: string | null = null;
  let comment = false;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? "";
    const f = /^\s*(```|~~~)/.exec(l)?.[1];
    if (fence) {
      if (f === fence) fence = null;
      continue;
    }
    if (f) {
      fence = f;
      continue;
    }
    if (comment || l.includes("<!--")) {
      comment = !l.includes("-->");
      continue;
    }
    out.push({ line: i + 1, text: l, separator: /^---\s*$/.test(l) });
  }
  return out;
}

export function handSlides(text: string): HandSlide[] {
  const slides: HandSlide[] = [];
  let current: HandSlide | null = null;
  for (const l of contentLines(text)) {
    if (l.separator) {
      current = null;
      continue;
    }
    if (!current) {
      if (!l.text.trim()) continue;
      current = { title: "", line: l.line };
      slides.push(current);
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(l.text)?.[1];
    if (heading && !current.title) current.title = heading.trim();
  }
  return slides;
}

export function checkHandDeckCitations(file: string, text: string, brief: Brief): Diagnostic[] {
  const resolver = createResolver(brief);
  const diagnostics: Diagnostic[] = [];
  for (const l of contentLines(text)) {
    for (const found of findCitations(l.text)) {
      for (const f of found.items) {
        const item: CiteItem = {
          author: f.authors[0] ?? "",
          authorCandidates: f.authors,
          year: f.year,
          locator: f.locator,
          prefix: f.prefix,
          span: { start: { line: l.line, column: f.start + 1 }, end: { line: l.line, column: f.end + 1 } },
          rawStart: f.start - found.start,
          rawEnd: f.end - found.start,
        };
        const d = resolver.resolve(file, item);
        if (d) diagnostics.push(d);
      }
    }
  }
  return diagnostics;
}


/**
 * A hand-written deck as marp-cli receives it for slides.pptx. marp-cli runs without
 * --allow-local-files (its page is a data: document, so it can load no file), so every
 * picture the deck names is read here, through the project's door, and inlined as a
 * data: URL; a picture that cannot be read (missing, outside the project, remote, damaged)
 * is left out, as the build's own diagnostics already said. Nothing remote is named: the
 * browser marp-cli drives has no network either (offlineBrowser).
 */
export function handDeckForExport(markdown: string, picture: (src: string) => { dataUrl: string } | null): string {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\s+"[^"]*")?\)/g, (_whole, open: string, src: string, title: string | undefined) => {
    if (/^data:/i.test(src)) return `${open}${src}${title ?? ""})`;
    const local = /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//") ? null : picture(src);
    return local ? `${open}${local.dataUrl}${title ?? ""})` : "";
  });
}

/**
 * A launcher for the Chromium marp-cli drives, with its network cut: every request goes
 * to a proxy that does not exist, loopback included (Chromium would otherwise reach
 * 127.0.0.1 directly). marp-cli talks to it over a pipe, which the proxy does not touch.
 */
export function offlineBrowserScript(chromePath: string): string {
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  return `#!/bin/sh\nexec ${quote(chromePath)} --proxy-server=http://127.0.0.1:9 --proxy-bypass-list='<-loopback>' --host-resolver-rules='MAP * ~NOTFOUND' "$@"\n`;
}
