// The thin CLI: parse arguments, call the library, map results to output and exit codes
// (0 clean, 1 content errors, 2 usage or environment). No stack traces for user mistakes.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { buildBrief, chromiumPath, defaultBriefs, type BriefBuild, type CitationOptions } from "../pipeline/build.js";
import { prepare } from "../pipeline/prepare.js";
import { hasErrors, type Diagnostic } from "../model/diagnostics.js";
import { EnvironmentError, UsageError, isUserFacing } from "../model/errors.js";
import { FORMATS, type Format } from "../pipeline/renderers.js";
import { formatReport, type ReportFormat } from "../check/report.js";
import { Workspace } from "../world/workspace.js";
import { checkLinksFor } from "../links/run.js";

export { setImporter } from "../world/packages.js";

const HELP = `briefpress — markdown brief → print-ready PDF, Marp deck, citation check

Usage:
  briefpress build [files…] [--out DIR] [--paper a4|letter] [--formats pdf,deck,deck-pdf,pptx]
                   [--pdfa] [--skip-overflow-check] [--bibliography FILE]… [--csl FILE]
  briefpress check [files…] [--format text|json|github] [--strict] [--bibliography FILE]… [--csl FILE]
                   [--links[=fresh]]
  briefpress preview [file]
  briefpress watch [files…] [--out DIR] [--paper a4|letter] [--formats pdf,deck]

Files default to report/*.md, *.qmd and *.Rmd. Outputs go to DIR/<slug>/ (DIR defaults to dist).
Exit codes: 0 clean, 1 content errors, 2 usage or environment error.
`;

const LARGE_BRIEF = 1_000_000;
/** From this many briefs on, a build runs in a worker pool across the cores. */
const POOL_THRESHOLD = 4;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export async function main(argv: string[], io: Io = processIo, ws = new Workspace(process.cwd())): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "build":
        return await runBuild(rest, io, ws);
      case "check":
        return await runCheck(rest, io, ws);
      case "watch":
        return await runWatch(rest, io, ws);
      case "preview":
        return await (await import("../preview/command.js")).runPreview(rest, io, ws);
      case "help":
      case "--help":
      case "-h":
      case undefined:
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: briefpress build, briefpress check)`);
    }
  } catch (e) {
    if (isUserFacing(e)) {
      io.err(`briefpress: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError((cause as Error).message.split("\n")[0] ?? "bad arguments", { cause });
  }
}

async function runBuild(args: string[], io: Io, ws: Workspace): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: "string", default: "dist" },
    paper: { type: "string" },
    formats: { type: "string" },
    "skip-overflow-check": { type: "boolean", default: false },
    pdfa: { type: "boolean", default: false },
    ...CITATION_OPTIONS,
  });
  const citations = citationOptions(values, ws);
  const paper = values.paper === undefined ? undefined : String(values.paper).toLowerCase();
  if (paper !== undefined && paper !== "a4" && paper !== "letter") throw new UsageError(`--paper must be a4 or letter, not "${values.paper}"`);
  const requested = values.formats === undefined ? null : parseFormats(String(values.formats));
  const chrome = chromiumPath(ws.env);
  const formats = requested ?? [...FORMATS];
  // slides.pptx is written without a browser (only a hand-written deck's needs one).
  if (!chrome && formats.includes("deck-pdf")) {
    const message = "no Chromium found, so slides.pdf was not made (install it: apt-get install chromium, or set CHROME_PATH)";
    if (requested) throw new EnvironmentError(message);
    io.err(`briefpress: ${message}\n`);
  }
  const files = positionals.length ? positionals : defaultBriefs(ws);
  const options = { outDir: String(values.out), paper: paper as "a4" | "letter" | undefined, formats, chromePath: chrome, checkOverflow: chrome !== null && !values["skip-overflow-check"], pdfa: Boolean(values.pdfa), citations };
  const diagnostics: Diagnostic[] = [];
  const report = (result: BriefBuild, ms: number) => {
    diagnostics.push(...result.diagnostics);
    if (result.written.length) io.out(`${result.file} → ${result.written.join(", ")} (${ms} ms)\n`);
    else io.out(`${result.file}: not built (errors below)\n`);
  };
  for (const file of files) {
    const size = ws.size(file);
    // A brief this large takes seconds: say so, so nobody thinks it hangs.
    if (size > LARGE_BRIEF) io.err(`${file}: large brief (${(size / 1e6).toFixed(1)} MB), building…\n`);
  }
  if (files.length >= POOL_THRESHOLD) {
    // Errors thrown in a worker thread lose their class on the way back, so a missing or
    // unreadable file must be found here, as a usage error, before the pool starts.
    for (const file of files) ws.readSource(file);
    // Many briefs: one worker thread per core, each with its own parsed fonts.
    const { buildInPool } = await import("./pool.js");
    await buildInPool(files, ws.root, options, report);
  } else {
    const { FontBook } = await import("../text/fonts.js");
    const fonts = new FontBook(ws);
    for (const file of files) {
      const started = performance.now();
      report(await buildBrief(file, ws, options, fonts), Math.round(performance.now() - started));
    }
  }
  if (diagnostics.length) io.err(formatReport("text", diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

async function runWatch(args: string[], io: Io, ws: Workspace): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: "string", default: "dist" },
    paper: { type: "string" },
    formats: { type: "string", default: "pdf,deck" },
  });
  const paper = values.paper === undefined ? undefined : String(values.paper).toLowerCase();
  if (paper !== undefined && paper !== "a4" && paper !== "letter") throw new UsageError(`--paper must be a4 or letter, not "${values.paper}"`);
  // The browser-based outputs take seconds; watch mode is for the save-and-look loop.
  const formats = parseFormats(String(values.formats)).filter((f) => f === "pdf" || f === "deck");
  if (formats.length === 0) throw new UsageError("watch builds pdf and deck; run build for deck-pdf and pptx");
  const files = positionals.length ? positionals : defaultBriefs(ws);
  for (const f of files) ws.readSource(f); // a missing file is a usage error now, not later
  const { FontBook } = await import("../text/fonts.js");
  const { stopWhenOrphaned, watchBriefs } = await import("./watch.js");
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  const unwatchParent = stopWhenOrphaned(() => stop.abort());
  await watchBriefs(files, { outDir: String(values.out), paper: paper as "a4" | "letter" | undefined, formats, chromePath: null, checkOverflow: false }, ws, new FontBook(ws), io, stop.signal);
  unwatchParent();
  return 0;
}

async function runCheck(args: string[], io: Io, ws: Workspace): Promise<number> {
  // Issue 24: "--links" checks every address; "--links=fresh" ignores the day's cache.
  const fresh = args.includes("--links=fresh");
  const { values, positionals } = parse(args.map((a) => (a === "--links=fresh" ? "--links" : a)), {
    links: { type: "boolean", default: false },
    format: { type: "string", default: "text" },
    strict: { type: "boolean", default: false },
    ...CITATION_OPTIONS,
  });
  const citations = citationOptions(values, ws);
  const format = String(values.format);
  if (format !== "text" && format !== "json" && format !== "github") throw new UsageError(`--format must be text, json or github, not "${format}"`);
  const files = positionals.length ? positionals : defaultBriefs(ws);
  const prepared = files.map((file) => prepare(file, ws, undefined, citations));
  let diagnostics = prepared.flatMap((p) => p.diagnostics);
  if (values.links) diagnostics.push(...(await checkLinksFor(prepared.map((p) => p.brief), ws, fresh)));
  if (values.strict) diagnostics = diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" } : d));
  io.out(formatReport(format as ReportFormat, diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

/** Pandoc's --bibliography (repeatable) and --csl, named from the current folder. */
const CITATION_OPTIONS = {
  bibliography: { type: "string", multiple: true },
  csl: { type: "string" },
} as const;

function citationOptions(values: { bibliography?: string | boolean | Array<string | boolean>; csl?: string | boolean | Array<string | boolean> }, ws: Workspace): CitationOptions {
  const files = ([] as Array<string | boolean>).concat(values.bibliography ?? []).map(String);
  for (const f of files) {
    if (!ws.exists(ws.projectFile(f)) && !ws.exists(f)) throw new UsageError(`--bibliography ${f}: no such file`);
  }
  const csl = values.csl === undefined ? undefined : String(values.csl);
  if (csl !== undefined && csl.endsWith(".csl") && !ws.exists(ws.projectFile(csl)) && !ws.exists(csl)) throw new UsageError(`--csl ${csl}: no such file`);
  return { ...(files.length ? { bibliography: files } : {}), ...(csl ? { csl } : {}) };
}

function parseFormats(list: string): Format[] {
  const formats = list.split(",").map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length) throw new UsageError(`unknown format "${unknown[0]}" (choose from ${FORMATS.join(", ")})`);
  if (formats.length === 0) throw new UsageError("--formats is empty");
  return formats as Format[];
}
