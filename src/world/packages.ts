// Packages that stay in node_modules and load when first used: native code (sharp),
// WebAssembly (harfbuzzjs, subset-font), browsers (playwright-core, marp-cli), worker
// threads (piscina), pattern files (hyphen) and the npm font files. Bundles never hold
// them; they are resolved from wherever this module runs (build/ or build/bundle/).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let nodeRequire: NodeJS.Require | undefined;

function resolver(): NodeJS.Require {
  // In the CommonJS bundles `import.meta.url` is defined as the bundle's own file URL.
  return (nodeRequire ??= createRequire(import.meta.url));
}

/** `require` of an installed package, the first time a brief needs it. */
export function loadPackage<T>(id: string): T {
  return resolver()(id) as T;
}

/** Absolute path of a file inside an installed package. */
export function resolvePackage(id: string): string {
  return resolver().resolve(id);
}

type Importer = (id: string) => Promise<unknown>;

let importer: Importer = (id) => import(id);

/** import() of an ES-module-only package (harfbuzzjs), the first time a brief needs it. */
export function importPackage<T>(id: string): Promise<T> {
  return importer(id) as Promise<T>;
}

/**
 * Code run from a V8 code cache (start.ts) cannot call import() itself: Node 20 drops
 * the script's import hook when it compiles from cached data. Its launcher lends one.
 */
export function setImporter(fn: Importer): void {
  importer = fn;
}

let root: string | undefined;

/** A file shipped with briefpress itself (the default deck theme), wherever it is installed. */
export function ownFile(...parts: string[]): string {
  if (root === undefined) {
    // From this module's folder (build/, or build/bundle/ when bundled) up to our package.json.
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!isOwnPackage(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    root = dir;
  }
  return join(root, ...parts);
}

function isOwnPackage(path: string): boolean {
  try {
    return existsSync(path) && (JSON.parse(readFileSync(path, "utf8")) as { name?: string }).name === "briefpress";
  } catch {
    return false;
  }
}
