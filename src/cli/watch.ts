// Watch mode: rebuild a brief when it (or its sources) is saved, reusing parsed fonts and
// shaping caches across rebuilds. One line a rebuild, with its time and any diagnostics.
import { watch as watchFs, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { imageRefs } from "../assets/images.js";
import { buildBrief, needsBrowser, type BriefBuild, type BuildOptions } from "../pipeline/build.js";
import { RENDERERS } from "../pipeline/renderers.js";
import { CONFIG_FILE } from "../load/config.js";
import { loadBrief } from "../load/brief.js";
import { loadProject } from "../load/project.js";
import { formatReport } from "../check/report.js";
import type { FontBook } from "../text/fonts.js";
import type { Workspace } from "../world/workspace.js";

export interface WatchIo {
  out(text: string): void;
  err(text: string): void;
}

/** Editors save in bursts (write, rename, chmod): wait this long for the last event. */
const SETTLE_MS = 25;

const WARM_UP_BUILDS = 4;

/** How often a watcher checks that whoever started it is still there. */
const ORPHAN_CHECK_MS = 250;

/**
 * Calls `stop` when this process is orphaned. `npx briefpress watch` runs us under
 * npm and a shell: a SIGTERM to npm ends npm and the shell, but nobody passes it on, so
 * we would watch on forever, reparented to init. A changed parent means exactly that.
 */
export function stopWhenOrphaned(stop: () => void): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, ORPHAN_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export async function watchBriefs(files: string[], given: BuildOptions, ws: Workspace, fonts: FontBook, io: WatchIo, signal: AbortSignal, onBuild?: (result: BriefBuild, ms: number) => void): Promise<void> {
  // Every format of the build is rebuilt on save (slides.pdf and the handout too), in one
  // Chromium kept open for all the rebuilds: starting one costs more than printing a deck.
  const browser = needsBrowser(given) && given.chromePath ? (await import("../deck/browser.js")).startDeckBrowser(given.chromePath) : undefined;
  const options: BuildOptions = { ...given, ...(browser ? { browser } : {}) };
  try {
    await watchWith(files, options, ws, fonts, io, signal, onBuild);
  } finally {
    await browser?.close();
  }
}

async function watchWith(files: string[], options: BuildOptions, ws: Workspace, fonts: FontBook, io: WatchIo, signal: AbortSignal, onBuild?: (result: BriefBuild, ms: number) => void): Promise<void> {
  const rebuild = async (file: string, reason: string) => {
    const started = performance.now();
    const result = await buildBrief(file, ws, options, fonts);
    const ms = Math.round(performance.now() - started);
    // `preview` (issue 24) pushes each result to its page.
    onBuild?.(result, ms);
    const stamp = new Date().toTimeString().slice(0, 8);
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    if (errors === 0) io.out(`${stamp} ${file} ${reason} → ${result.written.map((w) => basename(w)).join(", ")} (${ms} ms)\n`);
    else io.out(`${stamp} ${file} ${reason}: not built, ${errors} error${errors === 1 ? "" : "s"} (${ms} ms)\n`);
    if (result.diagnostics.length) io.err(formatReport("text", result.diagnostics));
  };

  for (const file of files) await rebuild(file, "built");

  // Watch folders, not files: editors that save by renaming replace the file's inode.
  // A brief is rebuilt when it, one of its pictures, briefpress.yaml or the logo changes.
  const byDir = new Map<string, Map<string, Set<string>>>();
  for (const file of files) {
    for (const abs of [resolve(ws.root, file), ...dependencies(file, ws)]) {
      const names = byDir.get(dirname(abs)) ?? new Map<string, Set<string>>();
      names.set(basename(abs), (names.get(basename(abs)) ?? new Set<string>()).add(file));
      byDir.set(dirname(abs), names);
    }
  }
  const timers = new Map<string, NodeJS.Timeout>();
  let queue = Promise.resolve();
  const watchers: FSWatcher[] = [...byDir].filter(([dir]) => ws.exists(dir)).map(([dir, names]) =>
    watchFs(dir, (_event, name) => {
      for (const file of (name ? names.get(name.toString()) : undefined) ?? []) {
        clearTimeout(timers.get(file));
        timers.set(
          file,
          setTimeout(() => {
            // One rebuild at a time, in order: a second save waits for the first build.
            queue = queue.then(() => (ws.exists(resolve(ws.root, file)) ? rebuild(file, "changed") : undefined)).catch((e: unknown) => io.err(`briefpress: ${(e as Error).message}\n`));
          }, SETTLE_MS),
        );
      }
    }),
  );
  // Said only now: a save before the watchers exist would go unseen.
  io.out(`watching ${files.length} brief${files.length === 1 ? "" : "s"} (Ctrl-C to stop)\n`);
  // A cold engine builds the first save ~3× slower than later ones (V8 optimises the
  // layout code as it runs). A few quiet builds in memory now, while the writer is still
  // reading, make the first save as quick as the rest; a save meanwhile queues behind.
  // Chromium's outputs are left out: its code is warm already, and prints cost a second each.
  const quiet: BuildOptions = { ...options, write: false, checkOverflow: false, formats: options.formats.filter((f) => !RENDERERS[f].needsBrowser) };
  for (let i = 0; i < WARM_UP_BUILDS; i++) {
    // Skipped once stopping: Ctrl-C should not wait for builds nobody will see.
    for (const file of files) queue = queue.then(() => (signal.aborted ? undefined : buildBrief(file, ws, quiet, fonts))).then(() => undefined, () => undefined);
  }
  await new Promise<void>((done) => signal.addEventListener("abort", () => done(), { once: true }));
  for (const w of watchers) w.close();
  for (const t of timers.values()) clearTimeout(t);
  await queue;
}

/** The files besides a brief whose change changes its outputs: pictures, the project's look. */
function dependencies(file: string, ws: Workspace): string[] {
  const { brief } = loadBrief(file, ws.readSource(file));
  const pictures = imageRefs(brief).map((r) => r.src);
  if (brief.meta.cover) pictures.push(brief.meta.cover.image);
  const local = pictures.filter((src) => !/^[a-z][a-z0-9+.-]*:/i.test(src)).map((src) => ws.resolvePath(file, src));
  const logo = loadProject(ws).logo?.path;
  return [...local, ws.projectFile(CONFIG_FILE), ...(logo ? [logo] : [])].filter((path) => ws.contains(path));
}
