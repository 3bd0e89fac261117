// MyST roles, as Jupyter Book and MyST Markdown write them: {cite}`key`, {cite:t}`a,b`,
// {numref}`fig-x`, {numref}`Figure %s <fig-x>`, {ref}`sec-x`, {eq}`eq-x`. Read into what
// the Pandoc syntax would say ("[@key]", "@key", "@fig-x"), so each becomes the same model
// node a Pandoc brief gets; a role we do not know prints its text.
import type MarkdownIt from "markdown-it";
import type { StateInline } from "markdown-it";

type Md = InstanceType<typeof MarkdownIt>;

const ROLE = /^\{([a-z][\w:-]*)\}(`+)([\s\S]*?[^`])\2(?!`)/;

export type MystRole =
  /** A citation, written as Pandoc would write it. */
  | { kind: "cite"; pandoc: string }
  /** A cross-reference to a label. */
  | { kind: "xref"; label: string }
  /** Any other role: its text. */
  | { kind: "text"; text: string };

/** What a role means. */
export function readRole(role: string, content: string): MystRole {
  const keys = content.split(",").map((k) => k.trim()).filter(Boolean);
  if (role === "cite" || role === "cite:p" || role === "cite:ps" || role === "cite:alp" || role === "cite:cite") return { kind: "cite", pandoc: `[${keys.map((k) => `@${k}`).join("; ")}]` };
  if (role === "cite:t" || role === "cite:ts" || role === "cite:author") return { kind: "cite", pandoc: keys.map((k) => `@${k}`).join(", ") };
  if (role === "cite:year" || role === "cite:yearpar") return { kind: "cite", pandoc: `[${keys.map((k) => `-@${k}`).join("; ")}]` };
  // "Figure %s <fig-x>": the label is in the angle brackets.
  const label = (/<([^<>]+)>\s*$/.exec(content)?.[1] ?? content).trim();
  if (role === "numref" || role === "ref" || role === "eq" || role === "numref:") return { kind: "xref", label };
  return { kind: "text", text: content.replace(/\s*<[^<>]+>\s*$/, "") || content };
}

/** The Pandoc text a role stands for. */
export function pandocText(role: MystRole): string {
  return role.kind === "cite" ? role.pandoc : role.kind === "xref" ? `@${role.label}` : role.text;
}

/**
 * Source offset of each character of `said`: a key's characters where the key is written in
 * the role (so a diagnostic points at it), the rest at the role's start.
 */
export function placedOffsets(said: string, markup: string, from: number): number[] {
  const offsets = [...said].map(() => from);
  let seek = 0;
  for (const m of said.matchAll(/@([^\s;,\]]+)/g)) {
    const key = m[1] ?? "";
    const at = markup.indexOf(key, seek);
    if (at < 0) continue;
    seek = at + key.length;
    for (let j = 0; j <= key.length; j++) offsets[m.index + j] = from + at + Math.max(0, j - 1);
  }
  return offsets;
}

function mystRole(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== "{") return false;
  const m = ROLE.exec(state.src.slice(state.pos, state.posMax));
  if (!m) return false;
  if (!silent) {
    const token = state.push("myst_role", "", 0);
    token.markup = m[0];
    token.meta = readRole(m[1] ?? "", m[3] ?? "");
  }
  state.pos += m[0].length;
  return true;
}

export function mystRoles(md: Md): void {
  md.inline.ruler.before("backticks", "myst_role", mystRole);
}
