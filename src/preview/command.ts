// `briefpress preview [file]`: the watch engine (cli/watch.ts) rebuilding the brief on
// save, and a local page showing the result. Ctrl-C stops both and leaves nothing behind.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { EnvironmentError, UsageError } from "../model/errors.js";
import { chromiumPath, defaultBriefs } from "../pipeline/build.js";
import { FORMATS } from "../pipeline/renderers.js";
import { FontBook } from "../text/fonts.js";
import type { Workspace } from "../world/workspace.js";
import { stopWhenOrphaned, watchBriefs, type WatchIo } from "../cli/watch.js";
import { PreviewServer } from "./server.js";

/** Flags as cli/commands.ts declares them for `preview`, parsed by cli/args.ts. */
interface PreviewArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

export async function runPreview({ values, positionals }: PreviewArgs, io: WatchIo, ws: Workspace): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  const files = positionals.length ? positionals : defaultBriefs(ws);
  if (files.length > 1) throw new UsageError(`preview shows one brief: name it (briefpress preview ${files[0]})`);
  const file = files[0]!;
  ws.readSource(file); // a missing file is a usage error now, not later

  // Every format of the build, as `build` makes them (brief.html and slides.pdf included).
  const chrome = chromiumPath(ws.env);
  const server = new PreviewServer(file);
  let url: string;
  try {
    url = await server.listen(port);
  } catch (cause) {
    throw new EnvironmentError(`cannot listen on 127.0.0.1:${port} (${(cause as Error).message})`, { cause });
  }
  io.out(`preview of ${file} at ${url} (Ctrl-C to stop)\n`);
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  const unwatchParent = stopWhenOrphaned(abort);
  try {
    await watchBriefs([file], { outDir: String(values.out), formats: chrome ? [...FORMATS] : FORMATS.filter((f) => f !== "deck-pdf"), chromePath: chrome, checkOverflow: chrome !== null }, ws, new FontBook(ws), io, stop.signal, (result, ms) => {
      const outDir = resolve(ws.root, String(values.out), result.slug);
      server.outDir = outDir;
      const errorsFirst = [...result.diagnostics].sort((a, b) => rank(a.severity) - rank(b.severity));
      server.update({
        // A build with errors writes nothing: the page keeps the last good PDF.
        version: server.state.version + (result.written.length > 0 ? 1 : 0),
        pdf: existsSync(join(outDir, "brief.pdf")),
        deck: existsSync(join(outDir, "slides.html")),
        outputs: OUTPUTS.filter((name) => existsSync(join(outDir, name))),
        building: false,
        diagnostics: errorsFirst.map((d) => ({ ...d, path: resolve(ws.root, d.file) })),
        ms,
        builtAt: new Date().toTimeString().slice(0, 8),
      });
    });
  } finally {
    unwatchParent();
    process.off("SIGINT", abort);
    process.off("SIGTERM", abort);
    await server.close();
  }
  return 0;
}

/** The build's outputs, in the order the page lists them. */
const OUTPUTS = ["brief.pdf", "brief.html", "slides.html", "slides.pdf", "slides-notes.pdf", "slides.pptx", "slides.md"];

const rank = (s: string): number => (s === "error" ? 0 : s === "warning" ? 1 : 2);
