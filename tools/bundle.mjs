// The compile step after tsc (`npm run compile`; `npm ci` runs it through `prepare`):
// bundles the CLI and the worker-pool entry into build/bundle/ as ES modules, split into
// chunks that load only when a command needs them (the worker pool uses these), and the
// CLI as CommonJS scripts that start.ts runs from V8 code caches (code-cache.ts): whole
// for `build` and `watch`, without its engines for `check`. A bundled start-up resolves and
// compiles a few large files instead of hundreds of small ones (`check` starts ~3×
// faster), and the PDF engine arrives without the parts briefpress never calls.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
const BUILD = join(dirname(fileURLToPath(import.meta.url)), "..", "build");
/** Loaded from node_modules at run time: native code, WebAssembly, browsers, workers. */
const EXTERNAL = ["@marp-team/marp-cli", "@citation-js/*", "harfbuzzjs", "subset-font", "playwright-core", "piscina", "sharp", "hyphen"];
/**
 * Parts of the PDF engine briefpress never calls, replaced by stand-ins that refuse:
 * pdfkit's AES (PDF encryption; its tables cost ~30 ms at every start) and fontkit's
 * Brotli (WOFF2 fonts; a 1.5 MB dictionary to load). Our fonts are plain TrueType.
 */
const STAND_INS = {
  "@noble/ciphers/aes": `const refuse = () => { throw new Error("briefpress does not encrypt PDFs"); };
export const cbc = refuse, ecb = refuse;`,
  "brotli/decompress.js": `export default () => { throw new Error("briefpress reads TrueType fonts, not WOFF2"); };`,
};
/** Exact-text patches to the pinned pdfkit 0.20.2; a version that no longer matches fails the build. */
const PDFKIT_PATCHES = [
  // pdfkit finds its standard-font metrics through its package's "imports" map, from
  // its own file URL; bundled, that URL would be ours, so point it back at pdfkit.
  // (Written require["resolve"] so esbuild leaves it to run time in the CommonJS bundle too.)
  ["import.meta.url", `require("node:url").pathToFileURL(require["resolve"]("pdfkit")).href`],
  // Every content-stream operator becomes bytes here, one JavaScript loop and one small
  // array each: thousands per page. Node's latin1 encoder keeps the same low byte of
  // each code unit, natively and from a shared pool.
  [
    `const fromBinaryString = str => {
  const out = new Uint8Array(str.length);
  for (let i = 0; i < str.length; i++) {
    out[i] = str.charCodeAt(i) & 0xff;
  }
  return out;
};`,
    `const fromBinaryString = str => Buffer.from(str, "latin1");`,
  ],
  // Name trees (our link destinations) must be sorted as bytes (ISO 32000-1, 7.9.6), not
  // by locale: readers binary-search them. Also ~10 ms of ICU collation a build.
  ["    return a.localeCompare(b);", "    return a < b ? -1 : a > b ? 1 : 0;"],
];
/**
 * markdown-it-footnote 4.0.0 appends each footnote's tokens by copying the whole token
 * list: quadratic, ~25 ms for a 60-page brief with 150 notes and seconds for a 5 MB one.
 */
const FOOTNOTE_PATCHES = [["if (tokens) state.tokens = state.tokens.concat(tokens)", "if (tokens) for (const t of tokens) state.tokens.push(t)"]];
function patch(text, patches, what) {
  for (const [from, to] of patches) {
    if (!text.includes(from))
      throw new Error(`${what} patch no longer applies: ${from.split("\n")[0]}`);
    text = text.replaceAll(from, to);
  }
  return text;
}
const pdfkitParts = {
  name: "pdfkit-parts",
  setup(build) {
    build.onResolve({ filter: /^(@noble\/ciphers\/aes|brotli\/decompress\.js)$/ }, (args) => ({ path: args.path, namespace: "stand-in" }));
    build.onLoad({ filter: /.*/, namespace: "stand-in" }, (args) => ({ contents: STAND_INS[args.path] ?? "", loader: "js" }));
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => ({
      contents: patch(readFileSync(args.path, "utf8"), PDFKIT_PATCHES, "pdfkit"),
      loader: "js",
    }));
    build.onLoad({ filter: /[\\/]markdown-it-footnote[\\/]index\.mjs$/ }, (args) => ({
      contents: patch(readFileSync(args.path, "utf8"), FOOTNOTE_PATCHES, "markdown-it-footnote"),
      loader: "js",
    }));
  },
};
const shared = {
  bundle: true,
  platform: "node",
  logLevel: "warning",
  external: EXTERNAL,
  plugins: [pdfkitParts],
};
rmSync(join(BUILD, "bundle"), { recursive: true, force: true });
/** The CLI as one CommonJS script (a V8 code cache covers one script), for start.ts. */
function commonJsCli(name, plugins) {
  return esbuild.build({
    ...shared,
    plugins,
    entryPoints: [join(BUILD, "cli", "main.js")],
    format: "cjs",
    outfile: join(BUILD, "bundle", `${name}.cjs`),
    // No import.meta in CommonJS: our modules get the bundle's own file URL instead.
    define: { "import.meta.url": "__briefpress_url" },
    banner: { js: "var __briefpress_url = require('node:url').pathToFileURL(__filename).href;" },
  });
}
// The whole CLI, for `build` and `watch`.
await commonJsCli("briefpress", [pdfkitParts]);
// The same CLI without its engines, for `check` (the engines are loaded only through
// dynamic imports, which this bundle leaves unresolved: `check` never reaches them).
const withoutEngines = {
  name: "without-engines",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined));
  },
};
await commonJsCli("check", [pdfkitParts, withoutEngines]);
await esbuild.build({
  // Named: the outputs sit side by side in build/bundle/, where pool.ts and browser.ts look.
  entryPoints: { main: join(BUILD, "cli", "main.js"), worker: join(BUILD, "cli", "worker.js"), "browser-thread": join(BUILD, "deck", "browser-thread.js") },
  ...shared,
  format: "esm",
  splitting: true,
  outdir: join(BUILD, "bundle"),
  // Bundled CommonJS code calls require(); ES modules have none of their own.
  banner: { js: "import { createRequire as __bpRequire } from 'node:module'; const require = __bpRequire(import.meta.url);" },
});
/**
 * Every bundle file in plain ASCII: non-ASCII characters (in our regexes' curly quotes,
 * in libraries' data) become \uXXXX escapes, which mean the same in strings, templates,
 * regular expressions and comments. An ASCII file can be read as latin1, ~6× faster
 * here than decoding UTF-8 (start.ts reads the 3 MB CommonJS bundle so).
 */
function toAscii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
for (const name of readdirSync(join(BUILD, "bundle"))) {
  const path = join(BUILD, "bundle", name);
  const text = readFileSync(path, "utf8");
  if (/String\.raw`[^`]*[^\x00-\x7f]/.test(text))
    throw new Error(`${name}: a String.raw template holds non-ASCII text; escaping would change it`);
  writeFileSync(path, toAscii(text));
}
