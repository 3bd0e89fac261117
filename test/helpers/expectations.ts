// Expected diagnostics written inline in fixtures, as HTML comments:
//   <!-- expect citation/unresolved at "Yon 2024" -->
// meaning: a diagnostic with that rule id whose span starts at the first occurrence of
// the quoted text in the file (the comment lines themselves ignored).
//   <!-- fix "Yon 2024" => "Yoon 2024" -->
// says how a writer would mend an expected error, so the mended brief can be built.

const EXPECT = /<!--\s*expect\s+([\w/-]+)\s+at\s+"((?:[^"\\]|\\.)*)"\s*-->/g;
const FIX = /<!--\s*fix\s+"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)"\s*-->/g;
const unquote = (s: string) => s.replace(/\\"/g, '"').replace(/\\n/g, "\n");

export interface Located {
  rule: string;
  line: number;
  column: number;
}

/** The text with expect and fix comments blanked (newlines kept, so positions hold). */
function withoutComments(text: string): string {
  return text.replace(/<!--\s*(?:expect|fix)[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, " "));
}

export function expectations(text: string): Located[] {
  const plain = withoutComments(text);
  return [...text.matchAll(EXPECT)].map((m) => {
    const needle = unquote(m[2] ?? "");
    const index = plain.indexOf(needle);
    if (index < 0) throw new Error(`expectation text not found: ${needle}`);
    const before = plain.slice(0, index).split("\n");
    return { rule: m[1] ?? "", line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  });
}

/** The fixture with every fix applied (each to its first occurrence outside comments). */
export function mended(text: string): string {
  let out = text;
  for (const m of text.matchAll(FIX)) {
    const from = unquote(m[1] ?? "");
    const plain = withoutComments(out);
    const index = plain.indexOf(from);
    if (index < 0) throw new Error(`fix text not found: ${from}`);
    out = out.slice(0, index) + unquote(m[2] ?? "") + out.slice(index + from.length);
  }
  return out;
}

export const key = (d: Located) => `${d.line}:${d.column} ${d.rule}`;
