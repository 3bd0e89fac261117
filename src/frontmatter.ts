// Stage 1 (load): split the YAML front matter off a brief and validate it against the
// schema. Errors point at the offending key's line:col in the original file.
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node as YamlNode } from "yaml";
// zod's "mini" build: the same validator with a functional API that bundles to a tenth
// of the size, which every command pays for at start-up.
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { diagnostic, pointSpan, type Diagnostic } from "./diagnostics.js";

z.config(en());

/** One message per bad date: the shape and the calendar are checked together. */
const isoDate = z.string().check(
  z.refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "expected a real date written YYYY-MM-DD"),
);

// Titles end up in PDF metadata and slide markup: control characters there are invisible
// bugs waiting to happen, so they are refused at the door.
const NO_CONTROLS = /^[^\p{Cc}]*$/u;
const plainText = z.string().check(z.regex(NO_CONTROLS, "contains a control character"));
const nonEmptyPlainText = z.string().check(z.regex(NO_CONTROLS, "contains a control character"), z.minLength(1));

const author = z.strictObject({ name: nonEmptyPlainText, role: z.optional(plainText), affiliation: z.optional(plainText) });

export const frontMatterSchema = z.strictObject({
  title: z.optional(nonEmptyPlainText),
  subtitle: z.optional(plainText),
  short_title: z.optional(plainText),
  authors: z.optional(z.array(z.union([nonEmptyPlainText, author]))),
  organisation: z.optional(plainText),
  contact: z.optional(plainText),
  date: z.optional(isoDate),
  lang: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "expected a language tag such as en or en-GB"))),
  paper: z.optional(z.enum(["a4", "A4", "letter", "Letter"])),
  summary: z.optional(z.string()),
  key_points: z.optional(z.array(z.string())),
  key_figures: z.optional(z.array(z.union([z.string(), z.strictObject({ value: z.union([z.string(), z.number()]), label: z.string() })]))),
  cover: z.optional(z.union([z.literal(false), z.strictObject({ image: z.string().check(z.minLength(1)), alt: z.string(), credit: z.optional(z.string()) })])),
  bibliography: z.optional(z.string()),
  "citation-style": z.optional(z.string()),
  nocite: z.optional(z.array(z.string())),
  aliases: z.optional(z.record(z.string(), z.string())),
  sources_heading: z.optional(z.string()),
  /** Footnotes at the foot of their page (default) or gathered as endnotes. */
  notes: z.optional(z.enum(["foot", "end"])),
  /** Hyphenate body text (never headings, names, citations or URLs). */
  hyphenate: z.optional(z.boolean()),
});

type RawFrontMatter = z.infer<typeof frontMatterSchema>;

export interface FrontMatter extends Omit<RawFrontMatter, "authors" | "paper"> {
  authors: Array<{ name: string; role?: string; affiliation?: string }>;
  paper?: "a4" | "letter";
}

export interface SplitSource {
  meta: FrontMatter;
  /** 1-based line of each top-level key. */
  metaLines: Record<string, number>;
  /** The markdown body with the front matter blanked out, so line numbers stay true. */
  body: string;
  diagnostics: Diagnostic[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(file: string, source: string): SplitSource {
  const match = FENCE.exec(source);
  if (!match) return { meta: { authors: [] }, metaLines: {}, body: source, diagnostics: [] };
  const yamlText = match[1] ?? "";
  const blanked = match[0].replace(/[^\n]/g, "");
  const body = blanked + source.slice(match[0].length);
  const { meta, diagnostics } = parseFrontMatter(file, yamlText);
  const metaLines: Record<string, number> = {};
  yamlText.split("\n").forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !(key in metaLines)) metaLines[key] = i + 1 + YAML_LINE_OFFSET;
  });
  return { meta, metaLines, body, diagnostics };
}

/** YAML lines start on line 2 of the file (after the opening fence). */
const YAML_LINE_OFFSET = 1;

function parseFrontMatter(file: string, yamlText: string): { meta: FrontMatter; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, length = 1) => {
    const { line, col } = lineCounter.linePos(offset);
    return pointSpan(line + YAML_LINE_OFFSET, col, length);
  };
  if (doc.errors.length > 0) {
    return {
      meta: { authors: [] },
      diagnostics: doc.errors.map((e) =>
        diagnostic(file, at(e.pos[0]), "error", "frontmatter/yaml", `front matter is not valid YAML: ${firstLine(e.message)}`),
      ),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = frontMatterSchema.safeParse(data);
  if (parsed.success) return { meta: normalise(parsed.data), diagnostics: [] };

  const diagnostics = parsed.error.issues.flatMap((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const node = findNode(doc.contents, path.map(String), key !== undefined);
      const span = node?.range ? at(node.range[0], node.range[1] - node.range[0]) : at(0);
      const where = path.length ? `"${path.join(".")}"` : "front matter";
      const message =
        key !== undefined
          ? `unknown front-matter key "${path.join(".")}"`
          : `${where}: ${issue.message}`;
      const hints = key !== undefined ? [`known keys: ${Object.keys(frontMatterSchema.shape).join(", ")}`] : [];
      return diagnostic(file, span, "error", "frontmatter/schema", message, hints);
    });
  });
  return { meta: { authors: [] }, diagnostics };
}

function normalise(raw: RawFrontMatter): FrontMatter {
  const authors = (raw.authors ?? []).map((a) => (typeof a === "string" ? { name: a } : a));
  const paper = raw.paper ? (raw.paper.toLowerCase() as "a4" | "letter") : undefined;
  return { ...raw, authors, paper };
}

/** Walks the YAML AST along `path`; returns the key node when `wantKey`, else the value. */
export function findNode(node: unknown, path: string[], wantKey: boolean): YamlNode | undefined {
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
