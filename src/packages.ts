// Packages that stay in node_modules and load when first used: native code (sharp),
// WebAssembly (subset-font), browsers (playwright-core, marp-cli), worker threads
// (piscina), pattern files (hyphen) and the npm font files. Nothing here runs at import
// time, so the start-up snapshot (snapshot.ts) holds none of them, only this resolver.
import { createRequire } from "node:module";

let nodeRequire: NodeJS.Require | undefined;

function resolver(): NodeJS.Require {
  // In the snapshot bundle `import.meta.url` is defined as the bundle's own file URL.
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
