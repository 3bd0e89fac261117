// One Chromium for the whole build, driven from a thread of its own. Playwright runs its
// side of the protocol in JavaScript: on the main thread, Chromium's start-up waited on
// every stretch of parsing and layout (a launch of 0.6 s took 1.3 s beside the PDF), and
// loading playwright itself took 0.6 s of it. On its own thread both run beside the brief's
// work, and the deck's measuring and printing are answered while the PDF is drawn.
// browser-session.ts holds what is done in the page; this file only carries the calls.
import { Worker } from "node:worker_threads";
import { EnvironmentError } from "../model/errors.js";
import type { Overflow, SlideMeasure } from "./overflow.js";

export interface DeckBrowser {
  /** Every slide of `html` measured; content past the slide is reported. */
  overflow(html: string): Promise<Overflow[]>;
  /** Every slide of `html` measured, for fitting the derived deck. */
  measure(html: string): Promise<SlideMeasure[]>;
  /** `html` printed, one 1280×720 page a slide, with an outline of the slide titles. */
  pdf(html: string): Promise<Buffer>;
  /** The speaker's copy: each slide above its notes, a handout page (A4's proportions) a slide. */
  handout(html: string, notes: string[][]): Promise<Buffer>;
  close(): Promise<void>;
}

/** A call to the browser's thread: the DeckBrowser method and its arguments. */
export type BrowserRequest = { op: "open"; chromePath: string } | { op: "overflow" | "measure" | "pdf"; html: string } | { op: "handout"; html: string; notes: string[][] } | { op: "close" };
export type BrowserCall = BrowserRequest & { id: number };

/** Its answer; a failure keeps whether it was the environment's (exit 2) or ours. */
export type BrowserReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; environment: boolean };

const SPARE = Symbol.for("briefpress.browser-thread");
type WithSpare = typeof globalThis & { [SPARE]?: Worker };

/**
 * Starts the browser's thread before the CLI's code is even loaded (cli/start.ts, for the
 * commands that may need Chromium): loading playwright, the slowest part of starting,
 * then runs beside it. The thread waits, unreferenced, for a build to claim it; a build
 * that needs no Chromium never does, and the process ends without waiting for it.
 */
export function prestartBrowserThread(url: URL): void {
  const spare = new Worker(url);
  spare.unref();
  // A spare that fails is simply not used: the claim starts a thread of its own.
  spare.on("error", () => undefined);
  (globalThis as WithSpare)[SPARE] = spare;
}

/** The spare thread, once; in a batch's own worker threads there is none. */
function claimSpare(): Worker | undefined {
  const g = globalThis as WithSpare;
  const spare = g[SPARE];
  delete g[SPARE];
  if (spare && spare.threadId < 0) return undefined;
  spare?.ref();
  return spare;
}

/** A batch builds in worker threads, each with its own Chromium: the spare would sit idle. */
export function releaseSpareBrowserThread(): void {
  void claimSpare()?.terminate();
}

/**
 * Opens Chromium in the spare thread (or a new one). Chromium is driven over a pipe:
 * when the process ends, however it ends, the pipe closes and Chromium quits with it.
 */
export function startDeckBrowser(chromePath: string): DeckBrowser {
  const thread = claimSpare() ?? new Worker(new URL("./browser-thread.js", import.meta.url));
  const waiting = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let next = 0;
  let ended: Error | undefined;
  const endAll = (e: Error) => {
    ended ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  thread.on("message", (reply: BrowserReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) w?.resolve(reply.value);
    else w?.reject(reply.environment ? new EnvironmentError(reply.message) : new Error(reply.message));
  });
  thread.on("error", (e) => endAll(e));
  thread.on("exit", () => endAll(new Error("the browser's thread ended")));
  const call = <T>(message: BrowserRequest): Promise<T> => {
    if (ended) return Promise.reject(ended);
    const id = next++;
    const answer = new Promise<unknown>((resolve, reject) => waiting.set(id, { resolve, reject }));
    thread.postMessage({ ...message, id });
    return answer as Promise<T>;
  };
  /** PDFs cross the thread as bytes (moved, not copied); a Buffer again on this side. */
  const bytes = (data: Promise<Uint8Array>) => data.then((u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength));
  // Chromium starts now; a launch that fails answers the calls that follow.
  void call({ op: "open", chromePath }).catch(() => undefined);
  return {
    overflow: (html) => call({ op: "overflow", html }),
    measure: (html) => call({ op: "measure", html }),
    pdf: (html) => bytes(call({ op: "pdf", html })),
    handout: (html, notes) => bytes(call({ op: "handout", html, notes })),
    close: async () => {
      if (!ended) await call({ op: "close" }).catch(() => undefined);
      await thread.terminate();
    },
  };
}
