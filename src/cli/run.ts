// The commands that read briefs: build (one by one, or on every core for a batch),
// watch and check. Each returns its exit code; nothing here exits or prints a stack.
import { slugOf } from "../load/brief.js";
import { checkLinksFor } from "../links/run.js";
import { buildBrief, chromiumPath, defaultBriefs, needsBrowser, type BriefBuild, type CitationOptions } from "../pipeline/build.js";
import { prepare } from "../pipeline/prepare.js";
import { hasErrors, type Diagnostic } from "../model/diagnostics.js";
import { EnvironmentError, UsageError } from "../model/errors.js";
import { FORMATS, type Format } from "../pipeline/renderers.js";
import { formatReport, type ReportFormat } from "../check/report.js";
import type { Workspace } from "../world/workspace.js";
import type { Parsed } from "./args.js";
import { progress } from "./progress.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal someone watches (then a batch shows its progress). */
  tty?: boolean;
}

const LARGE_BRIEF = 1_000_000;
/** From this many briefs on, a build runs in a worker pool across the cores. */
const POOL_THRESHOLD = 4;

export async function runBuild({ values, positionals }: Parsed, io: Io, ws: Workspace): Promise<number> {
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
  refuseSharedFolders(files);
  const options = { outDir: String(values.out), paper: paper as "a4" | "letter" | undefined, formats, chromePath: chrome, checkOverflow: chrome !== null && !values["skip-overflow-check"], pdfa: Boolean(values.pdfa), citations };
  const diagnostics: Diagnostic[] = [];
  const shown = progress(io, files.length);
  const report = (result: BriefBuild, ms: number) => {
    diagnostics.push(...result.diagnostics);
    shown.finished(result.written.length ? `${result.file} → ${result.written.join(", ")} (${ms} ms)` : `${result.file}: not built (errors below)`);
  };
  for (const file of files) {
    const size = ws.size(file);
    // A brief this large takes seconds: say so, so nobody thinks it hangs.
    if (size > LARGE_BRIEF) io.err(`${file}: large brief (${(size / 1e6).toFixed(1)} MB), building…\n`);
  }
  if (files.length >= POOL_THRESHOLD) {
    // A brief that cannot be read is its own diagnostic (cli/worker.ts): the others build.
    // Many briefs: one worker thread per core, each with its own parsed fonts.
    const [{ buildInPool }, { releaseSpareBrowserThread }] = await Promise.all([import("./pool.js"), import("../deck/browser.js")]);
    releaseSpareBrowserThread();
    await buildInPool(files, ws.root, options, report, ws.options, (threads) => shown.batch(threads));
  } else {
    const { FontBook } = await import("../text/fonts.js");
    const fonts = new FontBook(ws);
    // Two or three briefs share one Chromium, as watch's rebuilds do; one brief starts its
    // own and closes it as soon as its deck is printed.
    const browser = files.length > 1 && needsBrowser(options) && chrome ? (await import("../deck/browser.js")).startDeckBrowser(chrome) : undefined;
    try {
      for (const file of files) {
        const started = performance.now();
        shown.starting(file);
        report(await buildBrief(file, ws, browser ? { ...options, browser } : options, fonts), Math.round(performance.now() - started));
      }
    } finally {
      await browser?.close();
    }
  }
  shown.end();
  if (diagnostics.length) io.err(formatReport("text", diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

export async function runWatch({ values, positionals }: Parsed, io: Io, ws: Workspace): Promise<number> {
  const paper = values.paper === undefined ? undefined : String(values.paper).toLowerCase();
  if (paper !== undefined && paper !== "a4" && paper !== "letter") throw new UsageError(`--paper must be a4 or letter, not "${values.paper}"`);
  // Issue 24: every format the build makes, in one Chromium kept open across rebuilds.
  const chrome = chromiumPath(ws.env);
  const formats = (values.formats === undefined ? [...FORMATS] : parseFormats(String(values.formats))).filter((f) => chrome || f !== "deck-pdf");
  if (formats.length === 0) throw new UsageError("no Chromium found for slides.pdf (install it: apt-get install chromium, or set CHROME_PATH)");
  const files = positionals.length ? positionals : defaultBriefs(ws);
  for (const f of files) ws.readSource(f); // a missing file is a usage error now, not later
  const { FontBook } = await import("../text/fonts.js");
  const { stopWhenOrphaned, watchBriefs } = await import("./watch.js");
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  const unwatchParent = stopWhenOrphaned(() => stop.abort());
  await watchBriefs(files, { outDir: String(values.out), paper: paper as "a4" | "letter" | undefined, formats, chromePath: chrome, checkOverflow: chrome !== null }, ws, new FontBook(ws), io, stop.signal);
  unwatchParent();
  return 0;
}

export async function runCheck({ values, positionals }: Parsed, io: Io, ws: Workspace): Promise<number> {
  const citations = citationOptions(values, ws);
  const format = String(values.format);
  if (format !== "text" && format !== "json" && format !== "github") throw new UsageError(`--format must be text, json or github, not "${format}"`);
  const files = positionals.length ? positionals : defaultBriefs(ws);
  const prepared = files.map((file) => prepare(file, ws, undefined, citations));
  let diagnostics = prepared.flatMap((p) => p.diagnostics);
  // Issue 24: "--links" checks every address; "--links=fresh" ignores the day's cache.
  const links = values.links === undefined ? undefined : String(values.links);
  if (links !== undefined && links !== "cached" && links !== "fresh") throw new UsageError(`--links takes no value or "fresh", not "${links}"`);
  if (links !== undefined) {
    diagnostics.push(...(await checkLinksFor(prepared.map((p) => p.brief), ws, links === "fresh")));
  }
  if (values.strict) diagnostics = diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" } : d));
  io.out(formatReport(format as ReportFormat, diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

/** Pandoc's --bibliography (repeatable) and --csl, named from the current folder. */
function citationOptions(values: Parsed["values"], ws: Workspace): CitationOptions {
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

/** Two briefs whose outputs would land in one folder (paper.md and paper.qmd): neither is built. */
function refuseSharedFolders(files: readonly string[]): void {
  const bySlug = new Map<string, string>();
  for (const file of files) {
    const other = bySlug.get(slugOf(file));
    if (other !== undefined && other !== file) throw new UsageError(`${other} and ${file} would both write to dist/${slugOf(file)}/: rename one of them`);
    bySlug.set(slugOf(file), file);
  }
}
