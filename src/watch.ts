// Watch mode: rebuild a brief when it (or its sources) is saved, reusing parsed fonts and
// shaping caches across rebuilds. One line a rebuild, with its time and any diagnostics.
import { watch as watchFs, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { buildBrief, type BuildOptions } from "./build.js";
import { formatReport } from "./report.js";
import type { FontBook } from "./pdf/fonts.js";
import type { Workspace } from "./workspace.js";

export interface WatchIo {
  out(text: string): void;
  err(text: string): void;
}

/** Editors save in bursts (write, rename, chmod): wait this long for the last event. */
const SETTLE_MS = 25;

const WARM_UP_BUILDS = 4;

export async function watchBriefs(files: string[], options: BuildOptions, ws: Workspace, fonts: FontBook, io: WatchIo, signal: AbortSignal): Promise<void> {
  const rebuild = async (file: string, reason: string) => {
    const started = performance.now();
    const result = await buildBrief(file, ws, options, fonts);
    const ms = Math.round(performance.now() - started);
    const stamp = new Date().toTimeString().slice(0, 8);
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    if (errors === 0) io.out(`${stamp} ${file} ${reason} → ${result.written.map((w) => basename(w)).join(", ")} (${ms} ms)\n`);
    else io.out(`${stamp} ${file} ${reason}: not built, ${errors} error${errors === 1 ? "" : "s"} (${ms} ms)\n`);
    if (result.diagnostics.length) io.err(formatReport("text", result.diagnostics));
  };

  for (const file of files) await rebuild(file, "built");

  // Watch folders, not files: editors that save by renaming replace the file's inode.
  const byDir = new Map<string, Map<string, string>>();
  for (const file of files) {
    const abs = resolve(ws.root, file);
    const names = byDir.get(dirname(abs)) ?? new Map<string, string>();
    names.set(basename(abs), file);
    byDir.set(dirname(abs), names);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  let queue = Promise.resolve();
  const watchers: FSWatcher[] = [...byDir].map(([dir, names]) =>
    watchFs(dir, (_event, name) => {
      const file = name ? names.get(name.toString()) : undefined;
      if (!file) return;
      clearTimeout(timers.get(file));
      timers.set(
        file,
        setTimeout(() => {
          // One rebuild at a time, in order: a second save waits for the first build.
          queue = queue.then(() => (ws.exists(resolve(ws.root, file)) ? rebuild(file, "changed") : undefined)).catch((e: unknown) => io.err(`briefpress: ${(e as Error).message}\n`));
        }, SETTLE_MS),
      );
    }),
  );
  // Said only once the watchers are in place: a save right after it is never missed.
  io.out(`watching ${files.length} brief${files.length === 1 ? "" : "s"} (Ctrl-C to stop)\n`);
  // A cold engine builds the first save ~3× slower than later ones (V8 optimises the
  // layout code as it runs). A few quiet builds in memory now, while the writer is still
  // reading, make the first save as quick as the rest; a save meanwhile queues behind.
  const quiet = { ...options, write: false };
  for (let i = 0; i < WARM_UP_BUILDS; i++) {
    for (const file of files) queue = queue.then(() => buildBrief(file, ws, quiet, fonts)).then(() => undefined, () => undefined);
  }
  await new Promise<void>((done) => signal.addEventListener("abort", () => done(), { once: true }));
  for (const w of watchers) w.close();
  for (const t of timers.values()) clearTimeout(t);
  await queue;
}
