// The door every file a brief names comes through: its real path (symlinks resolved)
// must lie inside the project (a style may also be one of Debian's installed styles),
// it must be a regular file (no folder, FIFO or device), and no larger than its kind
// allows. Refusals are FileProblems, in the user's words.
import { readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { FileProblem } from "../model/errors.js";

/** What a file is read as: its size cap differs. */
export type FileKind = "asset" | "text" | "style";

/** Largest file read, by kind: a poster-sized photograph; a book-length brief or bibliography. */
export const MAX_BYTES = { asset: 64 * 1024 * 1024, text: 32 * 1024 * 1024 } as const;

/** Where Debian's citation-style-language-styles package puts its styles: readable as styles only. */
export const SYSTEM_STYLES = "/usr/share/citation-style-language/styles";

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
export function realish(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(path);
      tail.unshift(basename(head));
      head = up;
    }
  }
}


export function throughDoor(root: string, path: string, kind: FileKind): Buffer {
  const real = realish(path);
  const allowed = inside(root, real) || (kind === "style" && inside(SYSTEM_STYLES, real));
  if (!allowed) throw new FileProblem("it lies outside the project");
  let stat;
  try {
    stat = statSync(real);
  } catch {
    throw new FileProblem("no such file");
  }
  if (stat.isDirectory()) throw new FileProblem("it is a folder, not a file");
  if (!stat.isFile()) throw new FileProblem("it is not a regular file");
  const cap = kind === "asset" ? MAX_BYTES.asset : MAX_BYTES.text;
  if (stat.size > cap) throw new FileProblem(`it is ${megabytes(stat.size)}, more than briefpress reads (${megabytes(cap)})`);
  return readFileSync(real);
}
