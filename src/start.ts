// Start-up, from bin/briefpress.js. `check` and the other light commands load the split
// ES-module bundle (build/bundle/cli.js): only the chunks they need. `build` and `watch`
// load one CommonJS bundle through a V8 code cache made at compile time
// (tools/code-cache.ts), which spares compiling the PDF and deck engines' code on every
// run: ~0.1 s of a cold build. The cache holds compiled code only, never results; when
// V8 rejects it (another Node version) the bundle simply compiles as usual.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), "bundle");
export const CACHED_BUNDLE = join(BUNDLE, "briefpress.cjs");
export const CODE_CACHE = `${CACHED_BUNDLE}.cache`;

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

/** Runs the CommonJS bundle, from its code cache when there is one V8 accepts. */
export function loadCachedBundle(useCache = true): LoadedBundle {
  // The bundle is plain ASCII (tools/bundle.ts), so latin1 reads it right, and far faster.
  const source = readFileSync(CACHED_BUNDLE, "latin1");
  const cachedData = useCache && existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: CACHED_BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as CliModule };
  const run = script.runInThisContext() as (this: unknown, ...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(CACHED_BUNDLE), module, CACHED_BUNDLE, BUNDLE);
  module.exports.setImporter((id) => import(id));
  return { cli: module.exports, script };
}

export async function start(argv: string[]): Promise<number> {
  if ((argv[0] === "build" || argv[0] === "watch") && existsSync(CACHED_BUNDLE)) return loadCachedBundle().cli.main(argv);
  const { main } = (await import(new URL("./bundle/cli.js", import.meta.url).href)) as CliModule;
  return main(argv);
}
