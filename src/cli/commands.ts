// What each command accepts and how it is explained: one table that drives argument
// parsing, `--help`, `<command> --help` and the "did you mean" for a mistyped command or
// flag, so the three can never disagree.
import type { ParseArgsConfig } from "node:util";

type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string];

export interface Flag {
  spec: OptionSpec;
  /** "FILE", "a4|letter": what the value looks like, for the help text. */
  value?: string;
  about: string;
}

export interface Command {
  name: string;
  /** One line, for the command table in `briefpress --help`. */
  summary: string;
  usage: string;
  flags: Record<string, Flag>;
  examples: string[];
}

const NO_CACHE: Record<string, Flag> = {
  "no-cache": { spec: { type: "boolean", default: false }, about: "neither read nor write the cache folder ($XDG_CACHE_HOME/briefpress or ~/.cache/briefpress)" },
};

const CITATIONS: Record<string, Flag> = {
  bibliography: { spec: { type: "string", multiple: true }, value: "FILE", about: "a .bib or CSL JSON file to resolve citations against (repeatable, as in Pandoc)" },
  csl: { spec: { type: "string" }, value: "FILE|NAME", about: 'the reference style: a .csl file, or "apa", "harvard1", "vancouver"…' },
};

const PAPER: Flag = { spec: { type: "string" }, value: "a4|letter", about: "page size (default: briefpress.yaml's, else A4)" };

export const COMMANDS: Command[] = [
  {
    name: "new",
    summary: "start a brief: writes report/<slug>.md from a template",
    usage: "briefpress new <slug> [--like quarto|word|plain]",
    flags: {
      like: { spec: { type: "string", default: "brief" }, value: "quarto|word|plain", about: "start from the shape you already write: a Quarto file with [@key] citations and a .bib, text pasted from a word processor with numbered notes, or plain markdown" },
    },
    examples: ["briefpress new camp-water", "briefpress new camp-water --like quarto"],
  },
  {
    name: "build",
    summary: "make the PDF and the slides (HTML, PDF, PowerPoint) in dist/<slug>/",
    usage: "briefpress build [files…] [options]",
    flags: {
      out: { spec: { type: "string", default: "dist" }, value: "DIR", about: "where outputs go: DIR/<slug>/ (default dist)" },
      paper: PAPER,
      formats: { spec: { type: "string" }, value: "pdf,deck,deck-pdf,pptx,html", about: "only these outputs (default: all)" },
      pdfa: { spec: { type: "boolean", default: false }, about: "write brief.pdf as PDF/A-2a, for archives" },
      "skip-overflow-check": { spec: { type: "boolean", default: false }, about: "do not open the deck in Chromium to find slides whose text runs off" },
      ...CITATIONS,
      ...NO_CACHE,
    },
    examples: ["briefpress build", "briefpress build report/camp-water.md", "briefpress build report/camp-water.md --formats pdf --paper letter"],
  },
  {
    name: "check",
    summary: "find every problem in a brief (citations, front matter, images) without building",
    usage: "briefpress check [files…] [options]",
    flags: {
      format: { spec: { type: "string", default: "text" }, value: "text|json|github", about: "how problems are written: for people, for programs, or as GitHub annotations" },
      strict: { spec: { type: "boolean", default: false }, about: "treat warnings as errors (exit 1)" },
      links: { spec: { type: "string" }, value: "[=fresh]", about: "also check that every URL and DOI still answers (never during build); =fresh ignores the day's cache" },
      ...CITATIONS,
      ...NO_CACHE,
    },
    examples: ["briefpress check", "briefpress check report/camp-water.md --strict", "briefpress check --format github", "briefpress check report/camp-water.md --links"],
  },
  {
    name: "watch",
    summary: "rebuild the PDF, the web edition and the slides each time you save",
    usage: "briefpress watch [files…] [options]",
    flags: {
      out: { spec: { type: "string", default: "dist" }, value: "DIR", about: "where outputs go: DIR/<slug>/ (default dist)" },
      paper: PAPER,
      formats: { spec: { type: "string" }, value: "pdf,deck,deck-pdf,pptx,html", about: "only these outputs (default: all, as build makes them)" },
      ...NO_CACHE,
    },
    examples: ["briefpress watch report/camp-water.md"],
  },
  {
    name: "preview",
    summary: "see the PDF, the slides and the problems side by side in a browser while you write",
    usage: "briefpress preview [file] [options]",
    flags: {
      out: { spec: { type: "string", default: "dist" }, value: "DIR", about: "where outputs go: DIR/<slug>/ (default dist)" },
      port: { spec: { type: "string", default: "0" }, value: "N", about: "the port on 127.0.0.1 (default: a free one, printed)" },
      ...NO_CACHE,
    },
    examples: ["briefpress preview report/camp-water.md"],
  },
  {
    name: "deck",
    summary: "copy the generated slides to slides/<slug>.md, for you to edit",
    usage: "briefpress deck <slug>",
    flags: { ...NO_CACHE },
    examples: ["briefpress deck camp-water"],
  },
];

export const commandNamed = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);

const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - s.length));

export function generalHelp(version: string): string {
  const rows = COMMANDS.map((c) => `  ${pad(c.name, 8)}${c.summary}`).join("\n");
  return `briefpress ${version}: a markdown brief → a print-ready PDF, a slide deck and a check of every citation

Usage: briefpress <command> [options]

Commands:
${rows}

Start here:
  briefpress new my-brief                  writes report/my-brief.md
  briefpress build report/my-brief.md      makes dist/my-brief/brief.pdf and the slides

Options for every command:
  -h, --help       this text, or a command's own: briefpress build --help
  -v, --version    the version of briefpress

Files default to report/*.md, *.qmd and *.Rmd. Exit codes: 0 clean, 1 problems in a brief,
2 a mistake on the command line or something missing on this machine.
`;
}

export function commandHelp(c: Command): string {
  const flags = Object.entries(c.flags).map(([name, f]) => [`--${name}${f.value ? ` ${f.value}` : ""}`, f.about] as const);
  const width = Math.max(...flags.map(([left]) => left.length), 0) + 3;
  const options = flags.length ? `\nOptions:\n${flags.map(([left, about]) => `  ${pad(left, width)}${about}`).join("\n")}\n` : "";
  return `briefpress ${c.name}: ${c.summary}

Usage: ${c.usage}
${options}
Examples:
${c.examples.map((e) => `  ${e}`).join("\n")}
`;
}
