// Zero-width and bidi control characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069,
// U+FEFF) pasted inside a URL, a DOI or a citation break the link or the match while
// showing nothing: each is reported at its own line and column. Elsewhere they are left
// alone (they may be meant: a zero-width joiner in a script, a bidi mark in Arabic).
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";

const INVISIBLE = "\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF";
const ONE = new RegExp(`[${INVISIBLE}]`, "gu");
/** A URL, a DOI, a parenthetical with a year, or a Pandoc key citation, invisibles included. */
const CARRIERS = new RegExp(
  [
    String.raw`(?:https?|ftp)://(?:[^\s<>]|[${INVISIBLE}])+`,
    String.raw`\bdoi:\s?(?:[^\s<>]|[${INVISIBLE}])+`,
    String.raw`\b10\.\d{4,9}/(?:[^\s<>]|[${INVISIBLE}])+`,
    String.raw`\([^()\n]*?(?:1[5-9]\d\d|20\d\d|n\.\s?d\.)[^()\n]*\)`,
    String.raw`\[[^\[\]\n]*@[^\[\]\n]*\]`,
  ].join("|"),
  "gu",
);

const NAMES: Record<string, string> = {
  "\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner", "\u200e": "left-to-right mark", "\u200f": "right-to-left mark",
  "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding", "\u202c": "pop directional formatting", "\u202d": "left-to-right override", "\u202e": "right-to-left override",
  "\u2066": "left-to-right isolate", "\u2067": "right-to-left isolate", "\u2068": "first strong isolate", "\u2069": "pop directional isolate", "\ufeff": "zero-width no-break space (BOM)",
};

/** Control characters a word processor's paste leaves (U+0096 for a dash in Windows-1252). */
const CONTROL = /(?![\t\n\r])[\p{Cc}]|[\u{e0000}-\u{e007f}]/u;

export function invisibleCharacters(file: string, body: string): Diagnostic[] {
  const out: Diagnostic[] = [...strayControls(file, body)];
  body.split(/\r?\n/).forEach((line, n) => {
    if (!ONE.test(line)) return;
    ONE.lastIndex = 0;
    for (const carrier of line.matchAll(CARRIERS)) {
      const what = /^\(|^\[/.test(carrier[0]) ? "citation" : /^(?:doi:|10\.)/i.test(carrier[0]) || /doi\.org/i.test(carrier[0]) ? "DOI" : "URL";
      for (const m of carrier[0].matchAll(ONE)) {
        const ch = m[0];
        const code = codeOf(ch);
        const column = carrier.index + m.index + 1;
        out.push(diagnostic(file, pointSpan(n + 1, column), "warning", "text/invisible", `an invisible ${NAMES[ch] ?? "character"} (${code}) inside a ${what}`, ["delete it: it breaks the link or the match and shows nothing"]));
      }
    }
  });
  return out;
}

/** "U+0096": a character as its code point. */
function codeOf(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The 1-based line and column (in characters, as an editor counts) of an offset in the body. */
function pointAt(body: string, offset: number): ReturnType<typeof pointSpan> {
  const before = body.slice(0, offset).split(/\r\n|\r|\n/);
  return pointSpan(before.length, [...(before[before.length - 1] ?? "")].length + 1);
}

/**
 * Controls are never drawn (text/invisible.ts): one warning names the first and how many
 * more there are, so nothing disappears without a word and nothing cascades.
 */
function strayControls(file: string, body: string): Diagnostic[] {
  const first = CONTROL.exec(body);
  if (!first) return [];
  const count = [...body.matchAll(new RegExp(CONTROL.source, "gu"))].length;
  const more = count > 1 ? ` (and ${count - 1} more)` : "";
  return [diagnostic(file, pointAt(body, first.index), "warning", "text/control", `a control character (${codeOf(first[0])}) is left out of the outputs${more}`, ["it usually comes from text pasted from a word processor: delete it, or type the character meant (a dash, a quote)"])];
}

const C1 = /[\u0080-\u009f]/gu;
// Windows-1252's 0x80–0x9F (Node's TextDecoder answers "" for them here); the five codes
// 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are absent.
const WINDOWS_1252: Record<number, string> = Object.fromEntries(
  [..."€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ"].map((ch, i) => [0x80 + i, ch] as const).filter(([, ch]) => ch !== "\0"),
);

/**
 * C1 controls (U+0080–U+009F) in a UTF-8 file are nearly always Windows-1252 punctuation
 * decoded as Latin-1 on its way through a paste: U+0096 was an en dash, U+0093 and U+0094
 * quotes. Each is read as the character it stood for (one for one, so every position
 * stays right), with one info saying so; the five codes 1252 leaves undefined stay
 * controls, left out with text/control's warning.
 */
export function mendWindows1252(file: string, body: string): { body: string; diagnostics: Diagnostic[] } {
  let first = -1;
  let count = 0;
  const mended = body.replace(C1, (ch, offset: number) => {
    const meant = WINDOWS_1252[ch.charCodeAt(0)];
    if (meant === undefined) return ch;
    if (first < 0) first = offset;
    count++;
    return meant;
  });
  if (first < 0) return { body, diagnostics: [] };
  const more = count > 1 ? ` (and ${count - 1} more like it)` : "";
  return {
    body: mended,
    diagnostics: [diagnostic(file, pointAt(body, first), "info", "text/windows-1252", `a control character (${codeOf(body[first] ?? "")}) is printed as the Windows-1252 character it stands for, "${mended[first]}"${more}`, ["it comes from text pasted through a program that misread Windows-1252: type the character to make it plain"])],
  };
}
