// Batches of briefs build on every core through a piscina worker pool; results come back
// in the order the files were given.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type * as PiscinaModule from "piscina";
import type { BriefBuild, BuildOptions } from "../pipeline/build.js";
import { slugOf } from "../load/brief.js";
import { internalError } from "../model/diagnostics.js";
import { loadPackage } from "../world/packages.js";
import type { WorkspaceOptions } from "../world/workspace.js";
import type { BuildOutcome, BuildTask } from "./worker.js";

export async function buildInPool(files: string[], root: string, options: BuildOptions, onDone: (result: BriefBuild, ms: number) => void, workspace: WorkspaceOptions, onStart?: (threads: number) => void): Promise<BriefBuild[]> {
  const { Piscina } = loadPackage<typeof PiscinaModule>("piscina");
  const maxThreads = Math.max(1, Math.min(availableParallelism(), files.length));
  const pool = new Piscina({ filename: fileURLToPath(new URL("./worker.js", import.meta.url)), maxThreads });
  onStart?.(maxThreads);
  try {
    return await Promise.all(
      files.map(async (file) => {
        const task: BuildTask = { root, file, options, workspace };
        const started = performance.now();
        let outcome: BuildOutcome;
        try {
          outcome = (await pool.run(task)) as BuildOutcome;
        } catch (e) {
          // One brief that crashes its worker is that brief's diagnostic; the others are written.
          const result: BriefBuild = { file, slug: slugOf(file), written: [], diagnostics: [internalError(file, "build this brief", e)] };
          outcome = { result, ms: Math.round(performance.now() - started) };
        }
        onDone(outcome.result, outcome.ms);
        return outcome.result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
