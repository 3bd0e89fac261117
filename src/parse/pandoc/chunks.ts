// Executable chunks of Quarto and R Markdown ("```{r}", "```{python}", "```{r fig-map,
// fig.cap='…'}") and raw blocks for other formats ("```{=latex}"). briefpress never runs
// code: a core rule retypes these fences so the parser keeps them out of the printed
// text, with their options read (a chunk may make a figure or table that prose refers to).
import type MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";

type Md = InstanceType<typeof MarkdownIt>;

export type ChunkInfo = {
  engine: string;
  label?: string;
  options: Record<string, string>;
  /** fig-subcap as a list (Quarto's YAML list, R's c("…", "…")): one per sub-figure. */
  subcaptions?: string[];
};

const CHUNK = /^\{\s*([A-Za-z][\w-]*)(?:[\s,]+(.*?))?\s*\}\s*$/;
const RAW = /^\{\s*=[\w-]+\s*\}\s*$/;

export function chunkInfo(info: string, content: string): ChunkInfo | null {
  const m = CHUNK.exec(info.trim());
  if (!m) return null;
  const options: Record<string, string> = {};
  let label: string | undefined;
  // R Markdown header: "{r label, fig.cap="…", echo=FALSE}".
  const header = m[2] ?? "";
  for (const part of header.match(/(?:[^,"']|"[^"]*"|'[^']*')+/g) ?? []) {
    const kv = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (kv) options[(kv[1] ?? "").replace(/\./g, "-")] = unquote(kv[2] ?? "");
    else if (part.trim() && label === undefined) label = part.trim();
  }
  // Quarto: "#| label: fig-map" lines at the top of the chunk, in YAML.
  let subcaptions: string[] | undefined = rVector(options["fig-subcap"]);
  const lines: string[] = [];
  for (const line of content.split("\n")) {
    const opt = /^\s*(?:#|\/\/|--)\|\s?(.*)$/.exec(line);
    if (!opt) break;
    lines.push(opt[1] ?? "");
  }
  if (lines.length) {
    try {
      const yaml: unknown = parseYaml(lines.join("\n"));
      if (yaml && typeof yaml === "object") {
        for (const [k, v] of Object.entries(yaml as Record<string, unknown>)) {
          options[k.replace(/\./g, "-")] = Array.isArray(v) ? v.map(String).join("; ") : String(v);
          if (k === "fig-subcap" && Array.isArray(v)) subcaptions = v.map(String);
        }
      }
    } catch {
      // Options that are not YAML change nothing here: the chunk is not run either way.
    }
  }
  label = options.label ?? label;
  // bookdown: "knitr::kable(x, caption = '…')" makes a table referred to as \@ref(tab:label).
  const kable = /\bkable\s*\([\s\S]*?\bcaption\s*=\s*(["'])(.*?)\1/.exec(content);
  if (kable && options["tbl-cap"] === undefined) options["tbl-cap"] = kable[2] ?? "";
  return { engine: m[1] ?? "", ...(label ? { label } : {}), options, ...(subcaptions?.length ? { subcaptions } : {}) };
}

/** R's c("Age", 'Sex') as knitr reads fig.subcap; anything else is not a list. */
function rVector(value: string | undefined): string[] | undefined {
  const m = value ? /^c\((.*)\)$/s.exec(value.trim()) : null;
  if (!m) return undefined;
  return [...(m[1] ?? "").matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1] ?? x[2] ?? "");
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

export function executableChunks(md: Md): void {
  md.core.ruler.after("block", "executable_chunks", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "fence") continue;
      if (RAW.test(token.info)) token.type = "raw_block";
      const chunk = chunkInfo(token.info, token.content);
      if (chunk) {
        token.type = "chunk";
        token.meta = chunk;
      }
    }
  });
}
