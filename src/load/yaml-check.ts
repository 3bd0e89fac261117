// YAML text → validated data, or diagnostics at line:col. The same machinery as the front
// matter's (its findNode walks the YAML tree to the offending key), for any zod schema:
// briefpress.yaml uses it; the front matter may too.
import type * as z from "zod/mini";
import { diagnostic, pointSpan, type Diagnostic, type Span } from "../model/diagnostics.js";
import { findNode } from "./frontmatter.js";
import { readYaml, yamlData } from "./yaml-explain.js";

export interface YamlCheck<T> {
  data?: T;
  diagnostics: Diagnostic[];
  /** Where a value (or, with `key`, its key) sits in the file, for later checks. */
  spanOf(path: readonly string[], key?: boolean): Span;
}

export interface YamlCheckOptions {
  /** Rule ids: `${rule}/yaml` for syntax, `${rule}/schema` for shape. */
  rule: "frontmatter" | "config";
  /** "briefpress.yaml", "front matter": how messages name what is checked. */
  what: string;
  /** Lines before the YAML text in its file (the front matter's opening fence). */
  lineOffset?: number;
}

export function checkYaml<S extends z.ZodMiniType>(file: string, text: string, schema: S, o: YamlCheckOptions): YamlCheck<z.infer<S>> {
  const { doc, lineCounter, problems, damagedAt } = readYaml(text);
  const at = (offset: number, length = 1): Span => {
    const { line, col } = lineCounter.linePos(offset);
    return pointSpan(line + (o.lineOffset ?? 0), col, length);
  };
  const spanOf = (path: readonly string[], key = false): Span => {
    const node = findNode(doc.contents, [...path], key);
    return node?.range ? at(node.range[0], node.range[1] - node.range[0]) : at(0);
  };
  const told = problems.map((p) => diagnostic(file, at(p.offset, p.length), p.severity, `${o.rule}/yaml`, `${o.what}${p.kind === "syntax" ? " is not valid YAML" : ""}: ${p.message}`, p.hints));
  if (doc.errors.length > 0) return { spanOf, diagnostics: told };
  // A value a slip emptied ("primary: #1f3a5f") is told once, above, not again by the schema.
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const damagedLines = new Set(damagedAt.map(lineOf));
  const echoes = (d: Diagnostic) => damagedLines.has(d.span.start.line - (o.lineOffset ?? 0));
  const read = yamlData(doc);
  if ("problem" in read) return { spanOf, diagnostics: [...told, diagnostic(file, at(0), "error", `${o.rule}/yaml`, `${o.what} cannot be read: ${read.problem}`)] };
  const parsed = schema.safeParse(read.data);
  if (parsed.success) return { data: parsed.data, spanOf, diagnostics: told };
  const diagnostics = parsed.error.issues.flatMap((issue) => {
    const unknown = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    return unknown.map((key) => {
      const path = (key === undefined ? issue.path : [...issue.path, key]).map(String);
      if (key === undefined) return diagnostic(file, spanOf(path), "error", `${o.rule}/schema`, `${path.length ? `"${path.join(".")}"` : o.what}: ${issue.message}`);
      const known = keysAt(schema, issue.path.map(String));
      const near = closest(key, known);
      const hints = [...(near ? [`did you mean "${near}"?`] : []), `known keys${issue.path.length ? ` under "${issue.path.join(".")}"` : ""}: ${known.join(", ")}`];
      return diagnostic(file, spanOf(path, true), "error", `${o.rule}/schema`, `unknown key "${path.join(".")}" in ${o.what}`, hints);
    });
  });
  return { spanOf, diagnostics: [...told, ...diagnostics.filter((d) => !echoes(d))] };
}

/** The keys an object schema knows at `path`, looking through optional wrappers. */
function keysAt(schema: z.ZodMiniType, path: readonly string[]): string[] {
  let node: unknown = schema;
  for (const segment of ["", ...path]) {
    node = unwrap(node);
    if (segment) node = shapeOf(node)?.[segment];
  }
  return Object.keys(shapeOf(unwrap(node)) ?? {});
}

interface SchemaInternals {
  _zod?: { def?: { type?: string; innerType?: unknown; shape?: Record<string, unknown> } };
}

function unwrap(node: unknown): unknown {
  let current = node as SchemaInternals | undefined;
  while (current?._zod?.def?.innerType) current = current._zod.def.innerType as SchemaInternals;
  return current;
}

function shapeOf(node: unknown): Record<string, unknown> | undefined {
  return (node as SchemaInternals | undefined)?._zod?.def?.shape;
}

/** The known key a typo most likely meant: at most a third of its letters wrong. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCost = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const cost = editDistance(word.toLowerCase(), c.toLowerCase());
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] ?? 0;
}
