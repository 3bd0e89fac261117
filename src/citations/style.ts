// Stage between resolve and render: entries from a bibliography file, or every entry
// when the front matter asks for `citation-style:`, are formatted by citation-js.
// Free-form entries otherwise print exactly as the writer wrote them.
import { sha256 } from "../world/hash.js";
import type { Brief, Inline, SourceEntry } from "../model/brief.js";
import { BUNDLED_STYLES, formatEntries } from "./bibliography.js";
import { toCsl } from "./csl.js";

export interface StyleIo {
  /** Reads a CSL style file named in front matter (relative to the brief, or absolute). */
  readStyle(path: string): { file: string; text: string };
  /** A small persistent cache: formatted output keyed by a content hash. */
  cacheGet(key: string): string | undefined;
  cacheSet(key: string, value: string): void;
}

/** Sources a printed list shows: free-form ones always, file entries only when cited. */
export function printedSources(brief: Brief): number[] {
  const order = brief.citations.flatMap((c) => c.items.flatMap((i) => (i.sourceIndex === undefined ? [] : [i.sourceIndex])));
  const cited = new Set(order);
  const nocite = new Set(brief.meta.nocite ?? []);
  const shown = brief.sources.flatMap((s, i) => (s.key === undefined || cited.has(i) || nocite.has("*") || nocite.has(`@${s.key}`) || nocite.has(s.key) ? [i] : []));
  // Free-form lists print as written. A bibliography file's entries print as the style
  // orders them, as Pandoc does: by first citation in numeric styles, else by author then year.
  if (shown.some((i) => brief.sources[i]?.key === undefined)) return shown;
  const style = String(brief.meta["citation-style"] ?? "apa");
  if (NUMERIC_STYLE.test(style)) {
    const first = new Map<number, number>();
    order.forEach((i, n) => first.has(i) || first.set(i, n));
    return [...shown].sort((a, b) => (first.get(a) ?? Infinity) - (first.get(b) ?? Infinity) || a - b);
  }
  const sortKey = (i: number) => {
    const s = brief.sources[i] as SourceEntry;
    const a = s.csl?.author?.[0];
    const name = a ? (a.literal ?? [(a as Record<string, string | undefined>)["non-dropping-particle"], a.family, a.given].filter(Boolean).join(" ")) : (s.title ?? "");
    return { name: name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(), year: s.year };
  };
  return [...shown].sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    return x.name.localeCompare(y.name) || x.year.localeCompare(y.year) || a - b;
  });
}

/** CSL styles that number their entries in citation order (by the names Debian ships them under). */
const NUMERIC_STYLE = /(?:^|\/)(?:vancouver|ieee|nature|american-medical-association|ama|bmj|acs|american-chemical-society|lancet|plos|science|elsevier-with-titles|numeric)[^/]*$/i;

export function styleSources(brief: Brief, io: StyleIo): void {
  const requested = brief.meta["citation-style"];
  const printed = printedSources(brief);
  const targets = printed.filter((i) => requested || brief.sources[i]?.key !== undefined);
  if (targets.length === 0) return;
  const style = requested ?? "apa";
  const bundled = (BUNDLED_STYLES as readonly string[]).includes(style);
  const xml = bundled ? undefined : io.readStyle(style).text;
  const items = targets.map((i) => {
    const s = brief.sources[i] as SourceEntry;
    return s.csl ?? toCsl(s, `entry-${i + 1}`);
  });
  const key = sha256(JSON.stringify({ v: 1, style, xml, items }));
  let html: Array<[string, string]>;
  const cached = io.cacheGet(key);
  if (cached) html = JSON.parse(cached) as Array<[string, string]>;
  else {
    html = formatEntries(items, bundled ? style : "custom", xml);
    io.cacheSet(key, JSON.stringify(html));
  }
  const byId = new Map(html);
  targets.forEach((i, n) => {
    const entry = brief.sources[i] as SourceEntry;
    const formatted = byId.get(items[n]?.id ?? "");
    if (!formatted) return;
    entry.inlines = htmlToInlines(formatted);
  });
}

/** citation-js's HTML for one entry → inline runs (italics, bold, live URLs). */
export function htmlToInlines(html: string): Inline[] {
  const body = html.replace(/^\s*<div[^>]*>/, "").replace(/<\/div>\s*$/, "");
  const out: Inline[] = [];
  const stack: Inline[][] = [out];
  const top = () => stack[stack.length - 1] ?? out;
  for (const m of body.matchAll(/<(\/?)(i|b|em|strong|span|a)\b([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      top().push(...linkify(decodeEntities(m[4])));
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2] ?? "";
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs = m[3] ?? "";
    const italic = tag === "i" || tag === "em" || /font-style:\s*italic/.test(attrs);
    const bold = tag === "b" || tag === "strong" || /font-weight:\s*bold/.test(attrs);
    const href = tag === "a" ? /href="([^"]*)"/.exec(attrs)?.[1] : undefined;
    const node: Extract<Inline, { children: Inline[] }> = href
      ? { kind: "link", href: decodeEntities(href), children: [] }
      : { kind: italic ? "em" : bold ? "strong" : "em", children: [] };
    if (!href && !italic && !bold) {
      // A plain span: keep its text at this level.
      stack.push(top());
      continue;
    }
    top().push(node);
    stack.push(node.children);
  }
  return out;
}

function linkify(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>]+[^\s<>.,;)]/g)) {
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    out.push({ kind: "link", href: m[0], children: [{ kind: "text", text: m[0] }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()] ?? "";
    const code = e.startsWith("#x") || e.startsWith("#X") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
