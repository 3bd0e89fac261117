// A worker thread of the batch pool: builds one brief per task. Each worker keeps its own
// workspace and fonts, so fonts are parsed once per thread, not once per brief.
import { buildBrief, type BriefBuild, type BuildOptions } from "../pipeline/build.js";
import { slugOf } from "../load/brief.js";
import { diagnostic, pointSpan } from "../model/diagnostics.js";
import { isUserFacing } from "../model/errors.js";
import { FontBook } from "../text/fonts.js";
import { Workspace, type WorkspaceOptions } from "../world/workspace.js";

export interface BuildTask {
  root: string;
  file: string;
  options: BuildOptions;
  /** The CLI's workspace options (--no-cache reaches the workers too). */
  workspace: WorkspaceOptions;
}

let state: { ws: Workspace; fonts: FontBook } | null = null;

export interface BuildOutcome {
  result: BriefBuild;
  /** Time spent building, not waiting in the queue. */
  ms: number;
}

export default async function build(task: BuildTask): Promise<BuildOutcome> {
  // Per-thread cache (a worker is its own module instance): parsed fonts survive between tasks.
  state ??= { ws: new Workspace(task.root, process.env, task.workspace), fonts: new FontBook(new Workspace(task.root, process.env, task.workspace)) };
  const started = performance.now();
  try {
    const result = await buildBrief(task.file, state.ws, task.options, state.fonts);
    return { result, ms: Math.round(performance.now() - started) };
  } catch (e) {
    // A brief that cannot be read (not UTF-8, a folder) is its own diagnostic: the batch goes on.
    if (!isUserFacing(e)) throw e;
    const result: BriefBuild = { file: task.file, slug: slugOf(task.file), written: [], diagnostics: [diagnostic(task.file, pointSpan(1, 1), "error", "brief/unreadable", e.message.replace(`${task.file}: `, ""))] };
    return { result, ms: Math.round(performance.now() - started) };
  }
}
