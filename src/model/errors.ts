// Three kinds of failure are kept apart:
//  - content problems in a brief → Diagnostic (see diagnostics.ts), exit 1, never thrown
//    out of a stage (a FileProblem is thrown by the I/O a stage is lent, and the stage
//    turns it into the diagnostic at the line that names the file);
//  - usage and environment failures → UsageError / EnvironmentError below, exit 2;
//  - our own bugs → plain Error, which the CLI reports with its stack.

/** The user called us wrongly: unknown flag, missing file, bad option value. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode = 2;
}

/** The machine lacks something we need (a browser, a writable folder). */
export class EnvironmentError extends Error {
  override readonly name = "EnvironmentError";
  readonly exitCode = 2;
}

export function isUserFacing(e: unknown): e is UsageError | EnvironmentError {
  return e instanceof UsageError || e instanceof EnvironmentError;
}

/** A file the brief names cannot be used (missing, outside the project, not text), in the user's words. */
export class FileProblem extends Error {
  override readonly name = "FileProblem";
}

/** What to tell the user about a failed read: our own words when they are ours, else `otherwise`. */
export function problemOf(e: unknown, otherwise: string): string {
  return e instanceof FileProblem || isUserFacing(e) ? e.message : otherwise;
}
