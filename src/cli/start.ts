// Start-up, from bin/briefpress.js. Each command runs one CommonJS bundle through a V8
// code cache made at compile time (tools/code-cache.mjs): `build` and `watch` the whole
// CLI, every other command the CLI without its PDF and deck engines. The cache spares
// compiling the code on every run (~0.1 s of a cold build, ~35 ms of a check); it holds
// compiled code only, never results, and when V8 rejects it (another Node version) the
// bundle simply compiles as usual. Without the bundles, the split ES modules serve.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), "..", "bundle");

export type BundleName = "briefpress" | "check";

export const bundlePath = (name: BundleName): string => join(BUNDLE, `${name}.cjs`);
export const codeCachePath = (name: BundleName): string => `${bundlePath(name)}.cache`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

interface CliModule {
  main(argv: string[], io?: Io): Promise<number>;
  setImporter(fn: (id: string) => Promise<unknown>): void;
}

export interface LoadedBundle {
  cli: CliModule;
  script: vm.Script;
}

/** Runs a CommonJS bundle, from its code cache when there is one V8 accepts. */
export function loadCachedBundle(name: BundleName, useCache = true): LoadedBundle {
  const file = bundlePath(name);
  const cache = codeCachePath(name);
  // The bundle is plain ASCII (tools/bundle.mjs), so latin1 reads it right, and far faster.
  const source = readFileSync(file, "latin1");
  const cachedData = useCache && existsSync(cache) ? readFileSync(cache) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as CliModule };
  const run = script.runInThisContext() as (this: unknown, ...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, BUNDLE);
  module.exports.setImporter((id) => import(id));
  return { cli: module.exports, script };
}

/**
 * A reader that stops early (`briefpress check … | head -1`) closes the pipe: the next
 * write fails with EPIPE, which Node throws as an unhandled 'error' event with a stack
 * trace. The command's own result (and exit code) still stands; its remaining output
 * simply has nowhere to go, so further writes are dropped quietly.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
    stream.write = () => true;
  });
}

export async function start(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  // `deck` derives the deck and `preview` builds: both need the engines too.
  const name: BundleName = argv[0] === "build" || argv[0] === "watch" || argv[0] === "deck" || argv[0] === "preview" ? "briefpress" : "check";
  if (existsSync(bundlePath(name))) {
    // The deck's Chromium is driven from a thread of its own (deck/browser.ts); started
    // first, its loading of playwright runs beside the loading of the CLI.
    if (argv[0] === "build" || argv[0] === "watch" || argv[0] === "preview") (await import("../deck/browser.js")).prestartBrowserThread(new URL("../bundle/browser-thread.js", import.meta.url));
    return loadCachedBundle(name).cli.main(argv);
  }
  const { main } = (await import(new URL("../bundle/main.js", import.meta.url).href)) as CliModule;
  return main(argv);
}
