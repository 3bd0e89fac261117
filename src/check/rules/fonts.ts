// font/missing-glyph: a character the brief prints that no bundled face can draw. Found
// by `check` from the coverage table the compile step writes (no font is read), every
// script at once, each at its first appearance in the source.
import { diagnostic, pointSpan, type Diagnostic, type Severity } from "../../model/diagnostics.js";
import type { Block, Brief } from "../../model/brief.js";
import { plainText } from "../../model/plain-text.js";
import { ALL_KEYS } from "../../text/font-files.js";
import { covers } from "../../text/coverage.js";
import { neverDrawn } from "../../text/invisible.js";
import type { Rule } from "../rule.js";

/** Characters some bundled face has, all of them (Latin-1, Latin Extended-A, common punctuation): a brief written only in them needs no table. */
const SURELY = "\\u0000-\\u017f\\u2000-\\u201e\\u2020-\\u2027\\u2030-\\u2033\\u20ac\\u2122\\u2190-\\u2193";
const SURELY_COVERED = new RegExp(`^[${SURELY}]*$`, "u");
const SURELY_COVERED_RUNS = new RegExp(`[${SURELY}]+`, "gu");

const SCRIPTS = [
  "Nko", "Mongolian", "Tifinagh", "Syriac", "Thaana", "Cherokee", "Canadian_Aboriginal", "Ol_Chiki", "Tibetan", "Gujarati", "Gurmukhi",
  "Kannada", "Malayalam", "Telugu", "Oriya", "Javanese", "Balinese", "Sundanese", "Vai", "Bamum", "Adlam", "Yi", "Hanifi_Rohingya", "Chakma",
  "Meetei_Mayek", "Lepcha", "Limbu", "Tai_Le", "New_Tai_Lue", "Tai_Tham", "Tai_Viet", "Cham", "Buginese", "Batak", "Tagalog", "Coptic",
  "Glagolitic", "Runic", "Ogham", "Samaritan", "Mandaic", "Osage", "Egyptian_Hieroglyphs", "Cuneiform", "Braille", "Yezidi", "Syloti_Nagri", "Latin",
].map((name) => ({ name: name === "Nko" ? "N’Ko" : name === "Latin" ? "Extended Latin" : name.replace(/_/g, " "), test: new RegExp(`\\p{Script=${name}}`, "u") }));

function scriptName(char: string): string {
  return SCRIPTS.find((s) => s.test.test(char))?.name ?? "symbols";
}

function hex(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
}

/** Every character the PDF and the deck print from the brief. */
export function printedText(brief: Brief): string {
  const m = brief.meta;
  const parts: string[] = [brief.title, m.subtitle ?? "", m.short_title ?? "", m.organisation ?? "", m.contact ?? "", m.summary ?? "", ...(m.key_points ?? []), (m.cover && m.cover.credit) || ""];
  for (const a of m.authors) parts.push(a.name, a.role ?? "", a.affiliation ?? "");
  const blocks = (list: readonly Block[]): void => {
    for (const b of list) {
      switch (b.kind) {
        case "heading":
        case "paragraph":
          parts.push(plainText(b.inlines));
          break;
        case "list":
          b.items.forEach((item) => blocks(item.blocks));
          break;
        case "callout":
          if (b.title) parts.push(plainText(b.title));
          blocks(b.blocks);
          break;
        case "quote":
          blocks(b.blocks);
          break;
        case "figure":
          parts.push(plainText(b.caption));
          blocks(b.blocks);
          break;
        case "code":
        case "html":
          parts.push(b.text);
          break;
        case "table":
          if (b.caption) parts.push(plainText(b.caption));
          for (const row of [b.header, ...b.rows]) for (const cell of row) parts.push(plainText(cell));
          break;
        case "chunk":
          // Never printed but for its caption (a figure or table the chunk would make).
          parts.push(b.options["fig-cap"] ?? "", b.options["tbl-cap"] ?? "");
          break;
        case "rule":
        case "pagebreak":
          break;
        default: {
          // A new kind of block must say what it prints, or check and build disagree.
          const unhandled: never = b;
          throw new Error(`printedText: unhandled block ${JSON.stringify(unhandled)}`);
        }
      }
    }
  };
  blocks(brief.blocks);
  for (const note of brief.footnotes) blocks(note.blocks);
  parts.push(brief.sourcesHeading ?? "", ...brief.sources.map((s) => plainText(s.inlines)));
  return parts.join("\n");
}

function drawable(char: string): boolean {
  if (neverDrawn(char)) return true;
  const cp = char.codePointAt(0) ?? 0;
  return ALL_KEYS.some((key) => covers(key, cp));
}

/** The uncovered characters of `text`, by script, in order of first appearance. */
export function missingByScript(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (SURELY_COVERED.test(text)) return out;
  const seen = new Set<string>();
  // Only the characters outside what every face has need a look (a long brief in English
  // with three names in Korean is three names long here).
  for (const char of text.replace(SURELY_COVERED_RUNS, "")) {
    if (seen.has(char)) continue;
    seen.add(char);
    if (drawable(char)) continue;
    const script = scriptName(char);
    out.set(script, [...(out.get(script) ?? []), char]);
  }
  return out;
}

/** Where `char` first appears in the source (1-based), or the first line. */
function firstPlace(source: string, char: string): { line: number; column: number } {
  const lines = source.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(char));
  return line < 0 ? { line: 1, column: 1 } : { line: line + 1, column: (lines[line] ?? "").indexOf(char) + 1 };
}

/** One error per script no bundled font has, at its first character's place in `source`. */
export function missingGlyphDiagnostics(file: string, printed: string, source: string, severity: Severity = "error"): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [script, chars] of missingByScript(printed)) {
    const first = chars[0]!;
    const at = firstPlace(source, first);
    const others = chars.length > 1 ? ` (also ${chars.slice(1, 8).map((c) => `"${c}"`).join(", ")}${chars.length > 8 ? "…" : ""})` : "";
    out.push(
      diagnostic(file, pointSpan(at.line, at.column), severity, "font/missing-glyph", `no bundled font has the character "${first}" (U+${hex(first)})`, [
        `${script === "symbols" ? "This symbol" : `${script} script`}${others}; briefpress bundles fonts for Latin, Greek, Cyrillic, Korean, Chinese, Japanese, Arabic, Hebrew, Burmese, Bengali, Tamil, Sinhala, Devanagari, Thai, Khmer, Lao, Ethiopic, Georgian, Armenian, symbols and emoji`,
      ]),
    );
  }
  return out;
}

export const fontRules: Rule[] = [
  {
    id: "font/missing-glyph",
    description: "a character no bundled font can draw",
    run({ brief, source }, severity) {
      return missingGlyphDiagnostics(brief.file, printedText(brief), source ?? "", severity);
    },
  },
];
