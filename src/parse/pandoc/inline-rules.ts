// Pandoc inline syntax as markdown-it inline rules: maths "$…$" / "$$…$$" (with
// "{#eq-x}" after display maths) and bracketed spans "[text]{.mark}".
import type MarkdownIt from "markdown-it";
import type { StateInline } from "markdown-it";
import { parseAttributes } from "./attributes.js";

type Md = InstanceType<typeof MarkdownIt>;

const DOLLAR = 0x24;

/** Pandoc's tex_math_dollars: "$x$" needs no space inside its dollars and no digit after. */
function math(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const open = display ? 2 : 1;
  let end = -1;
  if (display) {
    end = src.indexOf("$$", start + 2);
  } else {
    if (/\s/.test(src[start + 1] ?? " ")) return false;
    for (let i = start + 1; i < state.posMax; i++) {
      if (src[i] === "\\") {
        i++;
        continue;
      }
      if (src.charCodeAt(i) === DOLLAR) {
        if (!/\s/.test(src[i - 1] ?? " ") && !/\d/.test(src[i + 1] ?? "")) end = i;
        break;
      }
    }
  }
  if (end < 0 || end > state.posMax || end === start + open) return false;
  let after = end + open;
  let label: string | undefined;
  if (display) {
    const attr = /^\s*\{([^{}]*)\}/.exec(src.slice(after, state.posMax));
    const parsed = attr ? parseAttributes(attr[1] ?? "", false) : null;
    if (attr && parsed?.id) {
      label = parsed.id;
      after += attr[0].length;
    }
  }
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(start + open, end).trim();
    token.markup = src.slice(start, after);
    token.meta = { display, ...(label ? { label } : {}) };
  }
  state.pos = after;
  return true;
}

/** "[text]{.mark}", "[Small caps]{.smallcaps}": the text prints, the attributes are kept. */
function span(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== "[" || state.src[state.pos + 1] === "^") return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, state.pos, false);
  if (labelEnd < 0 || state.src[labelEnd + 1] !== "{") return false;
  const close = state.src.indexOf("}", labelEnd + 1);
  if (close < 0 || close > state.posMax) return false;
  const attrs = parseAttributes(state.src.slice(labelEnd + 2, close), false);
  if (!attrs) return false;
  if (!silent) {
    const open = state.push("span_open", "span", 1);
    open.meta = attrs;
    const oldMax = state.posMax;
    state.pos += 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push("span_close", "span", -1);
  }
  state.pos = close + 1;
  return true;
}

export function pandocInlines(md: Md): void {
  md.inline.ruler.after("escape", "math", math);
  md.inline.ruler.before("link", "bracketed_span", span);
}
