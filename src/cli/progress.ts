// A batch's progress, for a person at a terminal: "[3/8] building report/x.md…" while a
// brief builds (rewritten in place), then its result line with its time. When stdout is
// not a terminal (a pipe, CI, a test) the result lines are all there is, exactly as before.
export interface ProgressIo {
  out(text: string): void;
  tty?: boolean;
}

/** Erases the current terminal line: the transient "building…" status. */
const CLEAR_LINE = "\r\x1b[2K";

export interface Progress {
  /** A brief begins (sequential builds only: the pool starts many at once). */
  starting(file: string): void;
  /** The pool's start: how many briefs, on how many threads. */
  batch(threads: number): void;
  /** A brief's result line, as printed without a terminal. */
  finished(line: string): void;
  end(): void;
}

export function progress(io: ProgressIo, total: number): Progress {
  let done = 0;
  const started = performance.now();
  const show = io.tty === true && total > 1;
  const tag = (n: number) => `[${n}/${total}] `;
  return {
    starting(file) {
      if (show) io.out(`${CLEAR_LINE}${tag(done + 1)}building ${file}…`);
    },
    batch(threads) {
      if (show) io.out(`${CLEAR_LINE}building ${total} briefs on ${threads} thread${threads === 1 ? "" : "s"}…`);
    },
    finished(line) {
      done += 1;
      io.out(show ? `${CLEAR_LINE}${tag(done)}${line}\n` : `${line}\n`);
    },
    end() {
      if (show) io.out(`${total} briefs in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
