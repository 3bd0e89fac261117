// Stage 1 (load): split the YAML front matter off a brief and validate it, key by key.
// Errors point at the offending key's line:col in the original file. One bad key never
// costs the others: each is checked on its own, so a typo beside `bibliography:` still
// leaves the bibliography loaded. Keys of Quarto, Pandoc and R Markdown are known too:
// the ones with a meaning here are read (author, abstract, keywords, csl, toc…); those
// of other tools are listed once, as information, and ignored.
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node as YamlNode } from "yaml";
// zod's "mini" build: the same validator with a functional API that bundles to a tenth
// of the size, which every command pays for at start-up.
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { readDate } from "./dates.js";
import { diagnostic, pointSpan, type Diagnostic, type Span } from "./diagnostics.js";
import { affiliationIndex, readAuthors, type Author } from "./frontmatter-authors.js";
import { isForeignKey, nearestKey } from "./frontmatter-keys.js";
import type { CslItem } from "./model.js";

z.config(en());

// Titles end up in PDF metadata and slide markup: control characters there are invisible
// bugs waiting to happen, so they are refused at the door.
const NO_CONTROLS = /^[^\p{Cc}]*$/u;
const plainText = z.string().check(z.regex(NO_CONTROLS, "contains a control character"));
const nonEmptyPlainText = z.string().check(z.regex(NO_CONTROLS, "contains a control character"), z.minLength(1));
const stringList = z.union([z.string(), z.array(z.string())]);
const anyValue = z.unknown();
/** true / false, and R Markdown's YAML 1.1 habit of yes / no. */
const flag = z.union([z.boolean(), z.string().check(z.regex(/^(?:yes|no|true|false|on|off)$/i, "expected true or false"))]);
const isOn = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : typeof v === "string" ? /^(?:yes|true|on)$/i.test(v) : undefined);

/** Our keys and the shape of their values. Authors and dates are read by their own code. */
const FIELDS = {
  title: nonEmptyPlainText,
  subtitle: plainText,
  short_title: plainText,
  author: anyValue,
  authors: anyValue,
  affiliations: anyValue,
  organisation: plainText,
  contact: plainText,
  date: z.union([z.string(), z.number()]),
  "date-format": z.string(),
  lang: z.string().check(z.regex(/^[a-zA-Z]{2,3}([-_][A-Za-z0-9]+)*$/, "expected a language tag such as en or en-GB")),
  paper: z.string(),
  papersize: z.string(),
  summary: z.string(),
  abstract: z.string(),
  keywords: stringList,
  thanks: z.string(),
  key_points: z.array(z.string()),
  cover: z.strictObject({ image: z.string().check(z.minLength(1)), alt: z.string(), credit: z.optional(z.string()) }),
  bibliography: stringList,
  /** Pandoc's inline bibliography: CSL items written in YAML. */
  references: z.array(z.looseObject({ id: z.union([z.string(), z.number()]) })),
  "citation-style": z.string(),
  csl: z.string(),
  nocite: stringList,
  "link-citations": flag,
  "reference-section-title": z.string(),
  aliases: z.record(z.string(), z.string()),
  sources_heading: z.string(),
  toc: flag,
  "table-of-contents": flag,
  "toc-title": z.string(),
  "number-sections": flag,
  /** Footnotes at the foot of their page (default) or gathered as endnotes. */
  notes: z.enum(["foot", "end"]),
  /** Hyphenate body text (never headings, names, citations or URLs). */
  hyphenate: flag,
} as const;

const OUR_KEYS = Object.keys(FIELDS);

/** Quarto's cross-reference words ("Figure", "Table"…), from `crossref:` when given. */
export interface XrefPrefixes {
  fig: string;
  tbl: string;
  sec: string;
  eq: string;
  lst: string;
}

export interface FrontMatter {
  title?: string;
  subtitle?: string;
  short_title?: string;
  authors: Author[];
  organisation?: string;
  contact?: string;
  /** ISO: "2024-05-20", "2024-05" or "2024". */
  date?: string;
  "date-format"?: string;
  lang?: string;
  paper?: "a4" | "letter";
  summary?: string;
  keywords?: string[];
  thanks?: string;
  key_points?: string[];
  cover?: { image: string; alt: string; credit?: string };
  /** Bibliography files, relative to the brief (front matter's, then the command line's). */
  bibliography?: string[];
  /** Pandoc's `references:`: CSL items in the front matter itself. */
  references?: CslItem[];
  "citation-style"?: string;
  /** Keys (without "@") or author-year labels that print uncited; "*" for all. */
  nocite?: string[];
  "link-citations"?: boolean;
  aliases?: Record<string, string>;
  sources_heading?: string;
  /** Pandoc's reference-section-title: the printed heading of the sources. */
  "reference-section-title"?: string;
  /** true forces a contents page, false suppresses it; absent: when the brief is long. */
  toc?: boolean;
  "toc-title"?: string;
  "number-sections"?: boolean;
  notes?: "foot" | "end";
  hyphenate?: boolean;
  crossref?: Partial<XrefPrefixes>;
}

export interface SplitSource {
  meta: FrontMatter;
  /** 1-based line of each top-level key. */
  metaLines: Record<string, number>;
  /** The markdown body with the front matter blanked out, so line numbers stay true. */
  body: string;
  diagnostics: Diagnostic[];
}

export interface FrontMatterOptions {
  /** The moment "today", "now" and "last-modified" stand for. */
  clock?: () => Date;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(file: string, source: string, options: FrontMatterOptions = {}): SplitSource {
  const match = FENCE.exec(source);
  if (!match) return { meta: { authors: [] }, metaLines: {}, body: source, diagnostics: [] };
  const yamlText = match[1] ?? "";
  const blanked = match[0].replace(/[^\n]/g, "");
  const body = blanked + source.slice(match[0].length);
  const { meta, diagnostics } = parseFrontMatter(file, yamlText, options);
  const metaLines: Record<string, number> = {};
  yamlText.split("\n").forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !(key in metaLines)) metaLines[key] = i + 1 + YAML_LINE_OFFSET;
  });
  return { meta, metaLines, body, diagnostics };
}

/** YAML lines start on line 2 of the file (after the opening fence). */
const YAML_LINE_OFFSET = 1;

function parseFrontMatter(file: string, yamlText: string, options: FrontMatterOptions): { meta: FrontMatter; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, length = 1) => {
    const { line, col } = lineCounter.linePos(offset);
    return pointSpan(line + YAML_LINE_OFFSET, col, length);
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) =>
    diagnostic(file, at(e.pos[0]), "error", "frontmatter/yaml", `front matter is not valid YAML: ${firstLine(e.message)}`),
  );
  // What did parse still counts: a broken line elsewhere must not drop `bibliography:`.
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch {
    data = {};
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    if (diagnostics.length === 0) diagnostics.push(diagnostic(file, at(0), "error", "frontmatter/schema", "front matter must be a list of key: value lines"));
    return { meta: { authors: [] }, diagnostics };
  }
  const spanOf = (path: Array<string | number>, wantKey = false): Span => {
    const node = findNode(doc.contents, path.map(String), wantKey);
    return node?.range ? at(node.range[0], node.range[1] - node.range[0]) : at(0);
  };
  const report = (path: Array<string | number>, message: string, wantKey = false) =>
    diagnostics.push(diagnostic(file, spanOf(path, wantKey), "error", "frontmatter/schema", message));

  const raw = data as Record<string, unknown>;
  const good: Record<string, unknown> = {};
  const foreign: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key in FIELDS) {
      const parsed = FIELDS[key as keyof typeof FIELDS].safeParse(value);
      if (parsed.success) good[key] = parsed.data;
      else for (const issue of parsed.error.issues) report([key, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))], `"${[key, ...issue.path].join(".")}": ${issue.message}`);
      continue;
    }
    if (key === "crossref" && value && typeof value === "object") {
      good.crossref = { ...(good.crossref as object | undefined), ...value };
      continue;
    }
    // pandoc-crossref reads its words from top-level keys too: "figPrefix: Fig.".
    if (/^(?:fig|tbl|sec|eqn|lst)Prefix$/.test(key)) {
      good.crossref = { [key]: value, ...(good.crossref as object | undefined) };
      continue;
    }
    if (isForeignKey(key)) {
      foreign.push(key);
      continue;
    }
    const near = nearestKey(key, OUR_KEYS);
    if (near) report([key], `unknown front-matter key "${key}" — did you mean "${near}"?`, true);
    else diagnostics.push(diagnostic(file, spanOf([key], true), "warning", "frontmatter/unknown", `unknown front-matter key "${key}" (ignored)`, [`keys briefpress reads: ${OUR_KEYS.join(", ")}`]));
  }
  if (foreign.length > 0) {
    diagnostics.push(
      diagnostic(file, spanOf([foreign[0] ?? ""], true), "info", "frontmatter/ignored", `ignored: ${foreign.join(", ")} (keys for Quarto, Pandoc or R Markdown that briefpress has no use for)`),
    );
  }
  return { meta: normalise(good, raw, report, options), diagnostics };
}

type Report = (path: Array<string | number>, message: string, wantKey?: boolean) => void;

/** Validated values → the model's front matter: synonyms merged, lists made lists. */
function normalise(good: Record<string, unknown>, raw: Record<string, unknown>, report: Report, options: FrontMatterOptions): FrontMatter {
  const text = (k: string) => (typeof good[k] === "string" ? (good[k] as string) : undefined);
  const list = (k: string) => (good[k] === undefined ? undefined : ([] as string[]).concat(good[k] as string | string[]));
  const affiliations = affiliationIndex(raw.affiliations);
  const authorKey = "authors" in good ? "authors" : "author";
  const { authors, problems } = readAuthors(good[authorKey], affiliations);
  for (const p of problems) report([authorKey, ...p.path], `"${[authorKey, ...p.path].join(".")}": ${p.message}`);
  const meta: FrontMatter = { authors };
  for (const k of ["title", "subtitle", "short_title", "organisation", "contact", "date-format", "thanks", "sources_heading", "reference-section-title", "toc-title"] as const) {
    const v = text(k);
    if (v !== undefined) meta[k] = v;
  }
  // Pandoc's abstract is markdown: single line breaks inside a paragraph are spaces.
  const summary = text("summary") ?? text("abstract");
  if (summary !== undefined) meta.summary = summary.replace(/([^\n])\n(?=[^\n])/g, "$1 ").trim();
  if (good.date !== undefined) {
    const read = readDate(String(good.date), options.clock);
    if ("iso" in read) meta.date = read.iso;
    else report(["date"], `"date": ${read.error}`);
  }
  const lang = text("lang");
  if (lang) meta.lang = lang.replace(/_/g, "-");
  const paperKey = good.paper !== undefined ? "paper" : "papersize";
  const paper = text(paperKey);
  if (paper !== undefined) {
    const p = paper.toLowerCase().replace(/paper$/, "");
    if (p === "a4") meta.paper = "a4";
    else if (["letter", "us-letter", "usletter", "us"].includes(p)) meta.paper = "letter";
    else report([paperKey], `"${paperKey}": expected a4 or letter, not "${paper}"`);
  }
  const keywords = list("keywords")?.flatMap((k) => k.split(/\s*[,;]\s*/)).filter(Boolean);
  if (keywords?.length) meta.keywords = keywords;
  if (good.key_points) meta.key_points = good.key_points as string[];
  if (good.cover) meta.cover = good.cover as FrontMatter["cover"];
  if (Array.isArray(good.references)) meta.references = (good.references as Array<Record<string, unknown>>).map(cslFromYaml);
  const bibliography = list("bibliography")?.filter((b) => b.trim());
  if (bibliography?.length) meta.bibliography = bibliography;
  const style = text("citation-style") ?? text("csl");
  if (style !== undefined) meta["citation-style"] = style;
  if (good.nocite !== undefined) meta.nocite = nociteKeys(list("nocite") ?? []);
  const links = isOn(good["link-citations"]);
  if (links !== undefined) meta["link-citations"] = links;
  if (good.aliases) meta.aliases = good.aliases as Record<string, string>;
  const toc = isOn(good.toc ?? good["table-of-contents"]);
  if (toc !== undefined) meta.toc = toc;
  const numbered = isOn(good["number-sections"]);
  if (numbered !== undefined) meta["number-sections"] = numbered;
  if (good.notes) meta.notes = good.notes as "foot" | "end";
  const hyphenate = isOn(good.hyphenate);
  if (hyphenate !== undefined) meta.hyphenate = hyphenate;
  const crossref = xrefPrefixes(good.crossref);
  if (crossref) meta.crossref = crossref;
  return meta;
}

/** CSL in YAML allows "issued: 2020" where CSL-JSON wants date-parts. */
function cslFromYaml(item: Record<string, unknown>): CslItem {
  const issued = item.issued;
  const dated = typeof issued === "number" || typeof issued === "string" ? { issued: { "date-parts": [String(issued).split("-").map(Number)] } } : {};
  return { ...item, id: String(item.id), ...dated } as CslItem;
}

/**
 * Pandoc writes nocite as citations: "@*", "[@a; @b]", "@a, @b". Our own list form
 * holds keys or "Author Year" labels. Keys come back without their "@".
 */
function nociteKeys(values: string[]): string[] {
  return values.flatMap((v) => {
    const keys = [...v.matchAll(/@(\*|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu)].map((m) => (m[1] ?? "").replace(/[.:,;]+$/, ""));
    return keys.length ? keys : [v.trim()];
  });
}

/** crossref: {fig-prefix: Fig., tbl-prefix: Tab.} (Quarto) or {figPrefix: …} (pandoc-crossref). */
function xrefPrefixes(value: unknown): Partial<XrefPrefixes> | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  const out: Partial<XrefPrefixes> = {};
  for (const kind of ["fig", "tbl", "sec", "eq", "lst"] as const) {
    const p = v[`${kind}-prefix`] ?? v[`${kind === "eq" ? "eqn" : kind}Prefix`];
    const word = Array.isArray(p) ? p[0] : p;
    if (typeof word === "string") out[kind] = word;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Walks the YAML AST along `path`; returns the key node when `wantKey`, else the value. */
function findNode(node: unknown, path: string[], wantKey: boolean): YamlNode | undefined {
  let current: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (!isMap(current) && !(current && typeof current === "object" && "items" in current)) return asNode(current);
    const items = (current as { items: unknown[] }).items;
    let next: unknown;
    if (isMap(current)) {
      const pair = items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair || !isPair(pair)) return asNode(current);
      if (i === path.length - 1 && wantKey) return asNode(pair.key);
      next = pair.value ?? pair.key;
    } else {
      next = items[Number(segment)];
    }
    if (next === undefined) return asNode(current);
    current = next;
  }
  return asNode(current);
}

function asNode(value: unknown): YamlNode | undefined {
  return value && typeof value === "object" && "range" in value ? (value as YamlNode) : undefined;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
