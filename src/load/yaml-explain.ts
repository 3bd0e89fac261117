// YAML slips in the words of the person who made them. The yaml library reports what its
// grammar saw ("Nested mappings are not allowed in compact mappings"); a writer needs to
// hear what they typed and how to mend it ("the colon after `The camp` ends a key: put
// the value in quotes"). One slip often upsets the parser several times over, so errors
// are grouped by the top-level key they fall in and only the first of each is told; the
// keys a slip touched are handed back as damaged, so no schema check repeats the fault.
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, YAMLMap, YAMLParseError, type Document, type YAMLError } from "yaml";
import type { Severity } from "../model/diagnostics.js";

export interface YamlProblem {
  /** Offset in the YAML text where the writer should look. */
  offset: number;
  length: number;
  severity: Severity;
  /** "syntax": the text is not valid YAML; "comment": valid, but not what was meant. */
  kind: "syntax" | "comment";
  message: string;
  hints: string[];
}

export interface ReadYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  problems: YamlProblem[];
  /** Top-level keys whose values a problem made unreliable: check them no further. */
  damaged: Set<string>;
  /** Offsets of every problem, including the ones not told (for nested checks). */
  damagedAt: number[];
}

/** Parses YAML text and explains whatever is wrong with it. */
export function readYaml(text: string): ReadYaml {
  const lineCounter = new LineCounter();
  // logLevel "error": the library would otherwise print its own warnings (mapAsMap) to stderr.
  // Duplicate keys are found here in one pass: the library's own check compares every key
  // with every other (20,000 keys took a minute).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: "error" });
  duplicateKeys(doc);
  const lines = text.split("\n");
  const starts: number[] = [];
  lines.reduce((at, line) => (starts.push(at), at + line.length + 1), 0);
  const ctx: Ctx = { text, lines, starts, lineCounter };
  const problems: YamlProblem[] = [];
  const damagedAt: number[] = [];
  // Only the first syntax error is told: after it the parser recovers by guessing, and
  // what it reports next is mostly the echo of its guess. Every error still marks the
  // keys it touched as damaged, so nothing is checked on top of a guess.
  const first = lines.findIndex((l) => l.trim() !== "" && !/^\s*#/.test(l));
  const [error] = doc.errors;
  const hashes = hashComments(doc, ctx);
  if (error) {
    damagedAt.push(...doc.errors.map((e) => e.pos[0]));
    // A # that hid a colon ("- name #3: Ana") is the slip the parser then tripped over.
    const hid = hashes.findIndex((h) => h.hidColon && lineAt(ctx, h.offset) <= lineAt(ctx, error.pos[0]));
    // An indented first key makes every key after it look misplaced: that line is the slip.
    const problem =
      hid >= 0 ? { ...(hashes.splice(hid, 1)[0] as YamlProblem), severity: "error" as const, kind: "syntax" as const } : first >= 0 && /^[ \t]/.test(lines[first] ?? "") ? indentedStart(ctx, first) : explain(error, ctx);
    damagedAt.push(problem.offset);
    problems.push(problem);
  }
  for (const hash of hashes) {
    problems.push(hash);
    // A value cut short still reads; only an emptied one is lost to the checks after.
    if (hash.severity === "error") damagedAt.push(hash.offset);
  }
  return { doc, lineCounter, problems, damagedAt, damaged: damagedKeys(doc, ctx, damagedAt) };
}

/** A key given twice in one map, as the library would report it, errors kept in document order. */
function duplicateKeys(doc: Document): void {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (seen.has(key)) found.push(new YAMLParseError(pair.key.range ? [pair.key.range[0], pair.key.range[1]] : [0, 0], "DUPLICATE_KEY", "Map keys must be unique"));
        seen.add(key);
      }
    },
  });
  if (found.length) doc.errors = [...doc.errors, ...found].sort((a, b) => a.pos[0] - b.pos[0]);
}

interface Ctx {
  text: string;
  lines: string[];
  starts: number[];
  lineCounter: LineCounter;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0].length ?? 0;
const lineAt = (ctx: Ctx, offset: number) => ctx.lineCounter.linePos(offset).line - 1;
/** "name" of "  - name: Ana", or undefined when the line holds no key. */
const keyOf = (line: string) => /^[ \t]*(?:-[ \t]+)*([^\s:#'"][^:#]*?):(?:\s|$)/.exec(line)?.[1];
/** Column (0-based) where the key or item on a line begins, past any "- ". */
const keyColumn = (line: string) => /^[ \t]*(?:-[ \t]+)*/.exec(line)?.[0].length ?? 0;

/** The index of the top-level line (column 1) that an offset falls under. */
function topBlock(ctx: Ctx, offset: number): number {
  for (let i = lineAt(ctx, offset); i > 0; i--) if (/^[^\s#]/.test(ctx.lines[i] ?? "")) return i;
  return 0;
}

function explain(error: YAMLError, ctx: Ctx): YamlProblem {
  const row = lineAt(ctx, error.pos[0]);
  const line = ctx.lines[row] ?? "";
  const at = (r: number, col: number, length = 1) => ({ offset: (ctx.starts[r] ?? 0) + col, length });
  const problem = (where: { offset: number; length: number }, message: string, ...hints: string[]): YamlProblem => ({ ...where, severity: "error", kind: "syntax", message, hints });
  const firstText = (r: number) => at(r, indentOf(ctx.lines[r] ?? ""), Math.max(1, (ctx.lines[r] ?? "").trim().length));

  if (error.code === "TAB_AS_INDENT" || /^[ ]*\t/.test(line)) {
    return problem(at(row, 0, indentOf(line)), "this line is indented with a tab; YAML indents with spaces only", "replace the tab with spaces (two per level)");
  }
  if (/^Missing closing/.test(error.message)) {
    const quote = error.message.includes("'") ? "'" : '"';
    const open = openingQuote(ctx, row, quote);
    return problem(at(open.row, open.col, (ctx.lines[open.row] ?? "").length - open.col), `the ${quote === '"' ? "double" : "single"} quote opened here is never closed, so every line after it became part of this value`, `end the value with ${quote} on the same line`);
  }
  // Causes a line or two above where the parser noticed: a value opening with [ or {, or
  // with a character YAML reserves, or a list item with no space after its "-".
  for (const r of [row, row - 1, row - 2].filter((r) => r >= 0)) {
    const text = ctx.lines[r] ?? "";
    const value = /^(\s*(?:-\s+)?[^\s#'"][^:#]*?:[ \t]+)([[{@`%])(.*)$/.exec(text);
    // A line above is blamed only when it opens a bracket it never closes.
    const unclosed = (t: string) => t.split(/[[{]/).length !== t.split(/[\]}]/).length;
    if (value && (r === row || unclosed(text))) {
      const key = keyOf(text) ?? "this key";
      const col = value[1]?.length ?? 0;
      const whole = `${value[2]}${value[3]}`.trim().replace(/"/g, '\\"');
      const opener = value[2] === "[" || value[2] === "{";
      const why = opener ? `a value that starts with ${value[2]} is read as a YAML ${value[2] === "[" ? "list" : "mapping"}` : `a value cannot start with ${value[2]} in YAML`;
      return problem(at(r, col, text.length - col), `${why}, and "${key}" does not read as one`, `put the value in quotes: ${key}: "${whole}"`);
    }
    const bracket = /^(\s*(?:-\s+)?)([[{])/.exec(text);
    if (bracket && r <= row) {
      const col = bracket[1]?.length ?? 0;
      return problem(at(r, col), `a line cannot start with ${bracket[2]}: YAML reads it as the start of a ${bracket[2] === "[" ? "list" : "mapping"} written on one line`, `remove the ${bracket[2]}, or put the whole value in quotes`);
    }
    // A top-level line with no colon, or with its colon hidden behind a #, is not "key: value".
    const bare = text.replace(/(^|\s)#.*$/, "");
    if (/^[^\s#-]/.test(text) && !/:(?:\s|$)/.test(bare) && r <= row && !continues(ctx, r)) {
      const hidden = bare !== text && /:(?:\s|$)/.test(text);
      return problem(at(r, 0, text.length), hidden ? 'this line\'s colon comes after a #, which starts a comment in YAML, so the line has no "key:"' : 'this line has no colon: each line of front matter is "key: value"', hidden ? "remove the #, or put the value in quotes" : 'write it as "key: value", or indent it to continue the value above');
    }
    const dash = /^(\s*)-[^\s-]/.exec(text);
    if (dash && r >= topBlock(ctx, error.pos[0])) return problem(at(r, dash[1]?.length ?? 0), 'a list item needs a space after its "-"', `write "- ${text.trim().slice(1)}"`);
  }
  if (error.code === "UNEXPECTED_TOKEN" && /^\s*(?:-\s+)?[^:]+:\s*["']/.test(line)) {
    const key = keyOf(line) ?? "the value";
    const col = ctx.lineCounter.linePos(error.pos[0]).col - 1;
    return problem(at(row, col, line.length - col), `text follows the closing quote of "${key}"`, "put the whole value inside the quotes, or remove the quotes", ...(/^\s*(?:-\s+)?[^:]+:\s*'/.test(line) ? ["inside single quotes an apostrophe is written twice ('It''s'), or use double quotes"] : []));
  }
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && /compact/.test(error.message)) {
    const col = ctx.lineCounter.linePos(error.pos[0]).col - 1;
    const value = line.slice(col);
    const inner = /^(.*?):(?:\s|$)/.exec(value);
    const key = keyOf(line) ?? "this key";
    if (inner) {
      return problem(at(row, col + (inner[1]?.length ?? 0)), `the colon after "${inner[1]}" makes YAML read the rest of "${key}" as a new key`, `put the value in quotes: ${key}: "${value.trim().replace(/"/g, '\\"')}"`);
    }
    // "name: Bo" followed by a line indented deeper: YAML joins the two into one key.
    const next = nextTextLine(ctx, row);
    return misaligned(ctx, next, row, problem, firstText);
  }
  if (error.code === "BAD_INDENT" || error.code === "MISSING_CHAR" || error.code === "MULTILINE_IMPLICIT_KEY") {
    return misaligned(ctx, row, row - 1, problem, firstText);
  }
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") return listItems(ctx, row, problem, firstText);
  if (error.code === "DUPLICATE_KEY") {
    const key = keyOf(line) ?? "this key";
    return problem(firstText(row), `"${key}" is given twice at the same level`, "keep one of them");
  }
  return problem(firstText(row), "this line is not valid YAML", "check its indentation against the lines above", "put a value that contains a colon or # in quotes");
}

function indentedStart(ctx: Ctx, row: number): YamlProblem {
  const line = ctx.lines[row] ?? "";
  const indent = indentOf(line);
  return { offset: ctx.starts[row] ?? 0, length: indent, severity: "error", kind: "syntax", message: "the first line is indented; top-level keys start at the beginning of the line", hints: [`remove the ${indent} space${indent === 1 ? "" : "s"} before "${line.trim().split(":")[0]}"`] };
}

type Make = (where: { offset: number; length: number }, message: string, ...hints: string[]) => YamlProblem;

/** A key indented so that it lines up with nothing above it. */
function misaligned(ctx: Ctx, row: number, above: number, problem: Make, firstText: (r: number) => { offset: number; length: number }): YamlProblem {
  const line = ctx.lines[row] ?? "";
  const key = keyOf(line);
  const col = indentOf(line);
  // The nearest key above that sits inside a list item or a mapping: the sibling it meant.
  let sibling: { key: string; col: number } | undefined;
  for (let r = Math.min(above, row - 1); r >= 0; r--) {
    const other = ctx.lines[r] ?? "";
    const k = keyOf(other);
    if (k && keyColumn(other) > 0) {
      sibling = { key: k, col: keyColumn(other) };
      break;
    }
    if (/^\S/.test(other)) break;
  }
  const what = key ? `"${key}:"` : "this line";
  const where = { offset: firstText(row).offset, length: key ? key.length + 1 : firstText(row).length };
  if (sibling && sibling.col !== col) {
    const inList = /^\s*-\s/.test(ctx.lines.slice(0, row).reverse().find((l) => keyColumn(l) === sibling?.col) ?? "");
    return problem(where, `${what} is indented ${col} space${col === 1 ? "" : "s"}, which lines up with nothing above it`, `to put it with "${sibling.key}:"${inList ? " in the same list item" : ""}, indent it ${sibling.col} space${sibling.col === 1 ? "" : "s"} so it starts under "${sibling.key}"`, "or, if it is a key of its own, start it at the beginning of the line");
  }
  return problem(where, `${what} is indented so that it lines up with nothing above it`, "indent it like the key it belongs with, using spaces", "or start it at the beginning of the line if it is a key of its own");
}

/** Items of one list starting at different columns. */
function listItems(ctx: Ctx, row: number, problem: Make, firstText: (r: number) => { offset: number; length: number }): YamlProblem {
  const col = indentOf(ctx.lines[row] ?? "");
  let first = -1;
  for (let r = row - 1; r >= 0 && !/^\S/.test(ctx.lines[r] ?? ""); r--) if (/^\s*-(?:\s|$)/.test(ctx.lines[r] ?? "")) first = indentOf(ctx.lines[r] ?? "");
  const hint = first >= 0 ? `start it ${first} spaces in, like the "-" of the first item` : "start every item of a list at the same column";
  return problem(firstText(row), `this list item's "-" is indented ${col} spaces, unlike the items above it`, hint);
}

/** Whether a line continues a multi-line value above (a folded or quoted value). */
function continues(ctx: Ctx, row: number): boolean {
  for (let r = row - 1; r >= 0; r--) {
    const line = ctx.lines[r] ?? "";
    if (!line.trim() || /^\s*#/.test(line)) continue;
    return /[>|][-+]?\s*$/.test(line) || /^\s/.test(line);
  }
  return false;
}

function nextTextLine(ctx: Ctx, row: number): number {
  for (let r = row + 1; r < ctx.lines.length; r++) if ((ctx.lines[r] ?? "").trim() && !/^\s*#/.test(ctx.lines[r] ?? "")) return r;
  return row;
}

/** The line and column of the quote a value opened and never closed. */
function openingQuote(ctx: Ctx, row: number, quote: string): { row: number; col: number } {
  for (let r = Math.min(row, ctx.lines.length - 1); r >= 0; r--) {
    const m = new RegExp(`^(\\s*(?:-\\s+)?(?:[^\\s${quote}#][^:#]*:\\s+)?)${quote}`).exec(ctx.lines[r] ?? "");
    const count = (ctx.lines[r] ?? "").split(quote).length - 1;
    if (m && count % 2 === 1) return { row: r, col: m[1]?.length ?? 0 };
  }
  return { row, col: 0 };
}

/**
 * "subtitle: Issue #3" reads as "Issue" and a comment; "primary: #1f3a5f" as nothing at
 * all. A # glued to the word after it is almost never meant as a comment, so it is told:
 * an error when the value came out empty (it is certainly lost), else a warning.
 */
function hashComments(doc: Document.Parsed, ctx: Ctx): Array<YamlProblem & { hidColon: boolean }> {
  const scalars: Array<[number, number]> = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.range) scalars.push([node.range[0], node.range[1]]);
    },
  });
  const found: Array<YamlProblem & { hidColon: boolean }> = [];
  ctx.lines.forEach((line, row) => {
    // The pattern backtracks over leading spaces: a line without "#" cannot match, and a
    // very long one (thousands of spaces of indentation) is no slip a writer makes.
    if (!line.includes("#") || line.length > 1000) return;
    const m = /^(\s*(?:-\s+)?(?:([^\s#'"][^:#]*?):[ \t]+)?)(.*?)(?<=^|[ \t])#(\S.*)$/.exec(line);
    // A whole-line note, or a # after an earlier one, is a comment the writer meant.
    if (!m || (!m[2] && !m[3]) || /^\s*#/.test(line) || (m[3] ?? "").includes("#")) return;
    // Without a key, only a list item's text can be cut short ("- Point one #x").
    if (!m[2] && !/^\s*-\s/.test(line)) return;
    const offset = (ctx.starts[row] ?? 0) + line.indexOf("#", (m[1]?.length ?? 0) + (m[3]?.length ?? 0));
    if (scalars.some(([s, e]) => offset >= s && offset < e)) return;
    const key = m[2] ? `"${m[2]}"` : "this list item";
    const kept = (m[3] ?? "").trim();
    const whole = `${kept}${kept ? " " : ""}#${m[4] ?? ""}`.trim().replace(/"/g, '\\"');
    const fix = `put the value in quotes: ${m[2] ? `${m[2]}: ` : "- "}"${whole}"`;
    const hidColon = /:(?:\s|$)/.test(m[4] ?? "");
    if (!kept) found.push({ hidColon, offset, length: line.length - line.indexOf("#"), severity: "error", kind: "comment", message: `${key} is empty: in YAML a # starts a comment, so "#${m[4]}" was not read`, hints: [fix] });
    else found.push({ hidColon, offset, length: line.length - line.indexOf("#"), severity: "warning", kind: "comment", message: `${key} reads only "${kept}": in YAML a # after a space starts a comment, so "#${m[4]}" was dropped`, hints: [fix] });
  });
  return found;
}

/**
 * Top-level keys whose entries hold a problem's offset: both as the parser placed them
 * (an over-indented "affiliation:" may land at the top level) and as the lines read.
 */
function damagedKeys(doc: Document.Parsed, ctx: Ctx, offsets: number[]): Set<string> {
  const damaged = new Set<string>();
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  pairs.forEach((pair, i) => {
    const start = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? 0;
    const nextKey = pairs[i + 1]?.key;
    const end = (isNode(nextKey) ? nextKey.range?.[0] : undefined) ?? ctx.text.length + 1;
    if (!offsets.some((o) => o >= start && o < end)) return;
    // A list or map used as a key ("[ { name: Bo } ]") becomes whatever string the library
    // makes of it: ask the library, through a map of that one pair.
    const one = new YAMLMap<unknown, unknown>();
    one.items.push(pair);
    let keys: string[];
    try {
      keys = Object.keys((one.toJS(doc) ?? {}) as object);
    } catch {
      // An alias with no anchor, or one that expands too far: the key is damaged as written.
      keys = [String(isNode(pair.key) ? (pair.key as { source?: string }).source ?? pair.key : pair.key)];
    }
    for (const key of keys) damaged.add(key);
  });
  for (const offset of offsets) {
    const top = ctx.lines[topBlock(ctx, offset)] ?? "";
    damaged.add(keyOf(top) ?? top.trim());
  }
  return damaged;
}

/**
 * The data of a parsed document, or why it cannot be had: an alias ("*name") with no
 * anchor ("&name"), or aliases that would expand without end (a "billion laughs").
 */
export function yamlData(doc: Document): { data: unknown } | { problem: string } {
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }) ?? {} };
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    if (/alias/i.test(message) && /anchor|unresolved/i.test(message)) return { problem: "an alias (*name) refers to no anchor (&name) before it: write the value out, or define the anchor first" };
    if (/alias/i.test(message)) return { problem: "its aliases (*name) expand too far (more than 1,000 copies): write the values out" };
    return { problem: "it cannot be read as data: write each value out in full" };
  }
}
