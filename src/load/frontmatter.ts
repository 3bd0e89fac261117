// Stage 1 (load): split the YAML front matter off a brief and validate it, key by key.
// Errors point at the offending key's line:col in the original file. One bad key never
// costs the others: each is checked on its own, so a typo beside `bibliography:` still
// leaves the bibliography loaded. Keys of Quarto, Pandoc and R Markdown are known too:
// the ones with a meaning here are read (author, abstract, keywords, csl, toc…); those
// of other tools are listed once, as information, and ignored.
import { isMap, isPair, isScalar, type Node as YamlNode } from "yaml";
import { readYaml, yamlData } from "./yaml-explain.js";
// zod's "mini" build: the same validator with a functional API that bundles to a tenth
// of the size, which every command pays for at start-up.
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { diagnostic, pointSpan, type Diagnostic, type RuleId, type Span } from "../model/diagnostics.js";
import { isForeignKey, nearestKey } from "./frontmatter-keys.js";
import { normalise } from "./frontmatter-values.js";
import { LANG_TAG } from "../text/scripts.js";
import { dropBidiOverrides } from "../text/invisible.js";
import type { FrontMatter } from "../model/front-matter.js";

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
  lang: z.string().check(z.regex(LANG_TAG, "expected a language tag such as en or en-GB")),
  /** Writing direction of the whole brief; `lang: ar/fa/ur/he` implies rtl. */
  dir: z.enum(["ltr", "rtl"]),
  paper: z.string(),
  papersize: z.string(),
  summary: z.string(),
  abstract: z.string(),
  keywords: stringList,
  thanks: z.string(),
  key_points: z.array(z.string()),
  /** The deck's key-figure slide: "60 returned" or {value: 60, label: returned}. */
  key_figures: z.array(z.union([z.string(), z.strictObject({ value: z.union([z.string(), z.number()]), label: z.string() })])),
  cover: z.union([z.literal(false), z.strictObject({ image: z.string().check(z.minLength(1)), alt: z.string(), credit: z.optional(z.string()) })]),
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
/** Keys printed on one line (cover, running header, PDF metadata). */
const ONE_LINE = new Set(["title", "subtitle", "short_title", "organisation", "contact", "date"]);

export type { FrontMatter, XrefPrefixes } from "../model/front-matter.js";

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

/**
 * A first line "---" followed by "key: value" lines and no closing fence: Pandoc prints it
 * as a rule and text, and so do we, but the writer surely meant front matter.
 */
function unclosed(file: string, source: string): Diagnostic[] {
  const lines = source.split("\n", 3);
  if (!/^---[ \t]*$/.test(lines[0] ?? "") || !/^[A-Za-z_][\w-]*:(?:\s|$)/.test(lines[1] ?? "")) return [];
  return [diagnostic(file, pointSpan(1, 1, 3), "warning", "frontmatter/unclosed", "the front matter never closes, so it is printed as text", ['end it with a line "---" after its last key'])];
}

export function splitFrontMatter(file: string, source: string, options: FrontMatterOptions = {}): SplitSource {
  const match = FENCE.exec(source);
  if (!match) return { meta: { authors: [] }, metaLines: {}, body: source, diagnostics: unclosed(file, source) };
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

/** With the u flag, a paired surrogate is one code point: only a lone half matches. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

function parseFrontMatter(file: string, yamlText: string, options: FrontMatterOptions): { meta: FrontMatter; diagnostics: Diagnostic[] } {
  // YAML slips are explained in plain words, once each; the keys they touched are
  // `damaged` and left unchecked, so no schema error or unknown key echoes the slip.
  const { doc, lineCounter, problems, damaged } = readYaml(yamlText);
  const at = (offset: number, length = 1) => {
    const { line, col } = lineCounter.linePos(offset);
    return pointSpan(line + YAML_LINE_OFFSET, col, length);
  };
  const diagnostics: Diagnostic[] = problems.map((p) => diagnostic(file, at(p.offset, p.length), p.severity, "frontmatter/yaml", `front matter${p.kind === "syntax" ? " is not valid YAML" : ""}: ${p.message}`, p.hints));
  // What did parse still counts: a broken line elsewhere must not drop `bibliography:`.
  const read = yamlData(doc);
  // Never silently empty: a front matter whose data cannot be had is one error saying why.
  if ("problem" in read) diagnostics.push(diagnostic(file, at(0), "error", "frontmatter/yaml", `front matter cannot be read: ${read.problem}`));
  let data: unknown = "data" in read ? read.data : {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    if (diagnostics.length === 0) diagnostics.push(diagnostic(file, at(0), "error", "frontmatter/schema", "front matter must be a list of key: value lines"));
    return { meta: { authors: [] }, diagnostics };
  }
  const spanOf = (path: Array<string | number>, wantKey = false): Span => {
    const node = findNode(doc.contents, path.map(String), wantKey);
    return node?.range ? at(node.range[0], node.range[1] - node.range[0]) : at(0);
  };
  const report = (path: Array<string | number>, message: string, wantKey = false, warning?: { ruleId: RuleId; hints?: string[] }) =>
    diagnostics.push(warning ? diagnostic(file, spanOf(path, wantKey), "warning", warning.ruleId, message, warning.hints) : diagnostic(file, spanOf(path, wantKey), "error", "frontmatter/schema", message));

  // A YAML escape can spell half a character ("\ud800"): no font draws it and no output
  // can encode it. Certainly wrong, so an error at the escape itself; the rest is kept.
  const surrogateAt = (path: Array<string | number>): Span => {
    const node = findNode(doc.contents, path.map(String), false);
    if (!node?.range) return spanOf(path);
    const escape = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.exec(yamlText.slice(node.range[0], node.range[1]));
    return escape ? at(node.range[0] + escape.index, escape[0].length) : at(node.range[0], node.range[1] - node.range[0]);
  };
  // A merge key can make the data refer to itself ("a: &a {<<: *a}"): each object once.
  const walked = new WeakSet<object>();
  const wellFormed = (value: unknown, path: Array<string | number>): unknown => {
    if (typeof value === "string") {
      if (!LONE_SURROGATE.test(value)) return value;
      diagnostics.push(diagnostic(file, surrogateAt(path), "error", "frontmatter/schema", `"${path.join(".")}": a lone surrogate (half of a character, written as a \\u escape) is not text`, ["write the character itself, or both halves of its escape"]));
      return value.replace(new RegExp(LONE_SURROGATE.source, "gu"), "");
    }
    if (!value || typeof value !== "object" || walked.has(value)) return value;
    walked.add(value);
    if (Array.isArray(value)) return value.map((v, i) => wellFormed(v, [...path, i]));
    if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v, [...path, k])]));
    return value;
  };
  const raw = Object.fromEntries(Object.entries(data).filter(([key]) => !damaged.has(key)).map(([key, v]) => [key, wellFormed(v, [key])]));
  const good: Record<string, unknown> = {};
  const foreign: string[] = [];
  const unknown: string[] = [];
  for (const [key, written] of Object.entries(raw)) {
    // "title: |" and "title: >" (block scalars, as R Markdown templates write them) end in a
    // newline and may hold several lines: Pandoc prints them as one line, and so do we.
    let value = ONE_LINE.has(key) && typeof written === "string" ? written.replace(/\s*\n\s*/g, " ").trim() : written;
    if (ONE_LINE.has(key) && typeof value === "string" && dropBidiOverrides(value) !== value) {
      value = dropBidiOverrides(value);
      report([key], `"${key}": a bidi embedding or override character (U+202A–U+202E) is left out of every output`, false, { ruleId: "text/bidi-override", hints: ["delete it: right-to-left text is ordered without it"] });
    }
    // Own keys only: "toString" or "constructor" in a brief are keys, not Object's methods.
    if (Object.hasOwn(FIELDS, key)) {
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
    else unknown.push(key);
  }
  // Keys near none of ours are some other tool's or site's: one warning names them all.
  if (unknown.length > 0) {
    const names = unknown.map((k) => `"${k}"`).join(", ");
    diagnostics.push(diagnostic(file, spanOf([unknown[0] ?? ""], true), "warning", "frontmatter/unknown", `unknown front-matter ${unknown.length === 1 ? "key" : "keys"} ${names} (ignored)`, [`keys briefpress reads: ${OUR_KEYS.join(", ")}`]));
  }
  // Quarto users set toc, number-sections, papersize under "format: pdf:", R Markdown users
  // under "output: pdf_document:": those of the PDF format count when the top level is silent.
  const inherited: string[] = [];
  for (const { path, key, value } of formatOptions(raw)) {
    const ours = (Object.hasOwn(FORMAT_KEYS, key) ? FORMAT_KEYS[key] : undefined) ?? "toc";
    if (ours in good) continue;
    inherited.push(`${path.join(".")}.${key}`);
    const parsed = FIELDS[ours].safeParse(value);
    if (parsed.success) good[ours] = parsed.data;
    else report([...path, key], `"${[...path, key].join(".")}": ${parsed.error.issues[0]?.message ?? "invalid"}`);
  }
  if (foreign.length > 0) {
    diagnostics.push(
      diagnostic(file, spanOf([foreign[0] ?? ""], true), "info", "frontmatter/ignored", `ignored: ${foreign.join(", ")} (keys for Quarto, Pandoc or R Markdown${inherited.length ? `; of these briefpress reads only ${inherited.join(", ")}` : " that briefpress has no use for"})`),
    );
  }
  return { meta: normalise(good, raw, report, options.clock), diagnostics };
}

/** Options inside the PDF (or else the first) output format that mean the same here. */
const FORMAT_KEYS: Record<string, keyof typeof FIELDS> = { toc: "toc", "toc-title": "toc-title", "number-sections": "number-sections", number_sections: "number-sections", papersize: "papersize", "date-format": "date-format", lang: "lang" };
const PDF_FORMATS = /^(?:pdf|typst|beamer|(?:bookdown::|rmarkdown::)?pdf_(?:document|book)2?)$/;

function formatOptions(raw: Record<string, unknown>): Array<{ path: string[]; key: string; value: unknown }> {
  for (const top of ["format", "output"]) {
    const formats = raw[top];
    if (!formats || typeof formats !== "object" || Array.isArray(formats)) continue;
    const entries = Object.entries(formats as Record<string, unknown>).filter(([, v]) => v && typeof v === "object" && !Array.isArray(v));
    const chosen = entries.find(([name]) => PDF_FORMATS.test(name)) ?? entries[0];
    if (!chosen) continue;
    const [name, options] = chosen;
    return Object.entries(options as Record<string, unknown>).flatMap(([key, value]) => (key in FORMAT_KEYS ? [{ path: [top, name], key, value }] : []));
  }
  return [];
}

/** Walks the YAML AST along `path`; returns the key node when `wantKey`, else the value. */
/** A map's pairs by key, built once per map: finding 20,000 keys stays linear. */
const PAIRS = new WeakMap<object, Map<string, unknown>>();

function pairsOf(map: { items: unknown[] }): Map<string, unknown> {
  let index = PAIRS.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    PAIRS.set(map, index);
  }
  return index;
}

export function findNode(node: unknown, path: string[], wantKey: boolean): YamlNode | undefined {
  let current: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (!isMap(current) && !(current && typeof current === "object" && "items" in current)) return asNode(current);
    const items = (current as { items: unknown[] }).items;
    let next: unknown;
    if (isMap(current)) {
      const pair = pairsOf(current).get(segment ?? "");
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
