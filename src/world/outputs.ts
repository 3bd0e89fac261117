// Every output of a brief goes through here, as one set: written into a hidden staging
// folder beside dist/<slug>, then swapped in by two renames. A kill leaves the old set or
// the new set, never a mix and never a half-written file inside dist/<slug>; what a killed
// build left in its staging folder is cleared by the next build of the same brief.
// Outputs of a format this build did not make are carried over from the old set; those
// of a family that failed are not (they would be stale beside the new ones).
import { linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { EnvironmentError } from "../model/errors.js";

export interface OutputFile {
  name: string;
  data: Buffer | string;
}

/** Why a write failed, in the user's words. */
function writeProblem(cause: unknown, where: string): EnvironmentError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === "ENOSPC" || code === "EDQUOT" ? "the disk is full"
    : code === "EROFS" ? "the file system is read-only"
    : code === "EACCES" || code === "EPERM" ? "permission denied"
    : code === "ENOTDIR" || code === "EEXIST" ? "a file stands where a folder should be"
    : code ?? "the system refused";
  return new EnvironmentError(`cannot write ${where}: ${why}`, { cause });
}

/** Staging and retired folders of `dir` left by a build that was killed. */
function leftovers(dir: string): string[] {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.`;
  if (!isFolder(parent)) return [];
  return readdirSync(parent).filter((n) => n.startsWith(prefix) && /\.(?:partial|retired)-\d+$/.test(n)).map((n) => join(parent, n));
}

/**
 * Replaces the set of outputs in `dir` with `outputs`, keeping any old file for which
 * `carry(name)` is true. `shown` names `dir` in messages (relative to the project).
 */
export function replaceOutputs(dir: string, outputs: readonly OutputFile[], carry: (name: string) => boolean, shown: string): void {
  const staging = join(dirname(dir), `.${basename(dir)}.partial-${process.pid}`);
  const retired = join(dirname(dir), `.${basename(dir)}.retired-${process.pid}`);
  const present = isFolder(dir);
  try {
    for (const old of leftovers(dir)) rmSync(old, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    if (present) {
      const fresh = new Set(outputs.map((o) => o.name));
      for (const name of readdirSync(dir)) if (!fresh.has(name) && carry(name)) keepCopy(join(dir, name), join(staging, name));
    }
    for (const out of outputs) writeFileSync(join(staging, out.name), out.data);
  } catch (cause) {
    discard(staging);
    throw writeProblem(cause, shown);
  }
  try {
    // A link or file where the folder should be is moved aside, never written through.
    if (present || existsLink(dir)) renameSync(dir, retired);
    renameSync(staging, dir);
  } catch (cause) {
    discard(staging);
    throw writeProblem(cause, shown);
  }
  discard(retired);
}

/** Removes a staging or retired folder; one that cannot be removed is cleared next time. */
function discard(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing to tell: the next build of this brief tries again.
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function existsLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A hard link when the file system allows (no bytes copied), else a copy. */
function keepCopy(from: string, to: string): void {
  if (!lstatSync(from).isFile()) return;
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
