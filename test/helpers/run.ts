// Runs the real CLI (compiled, as users run it) and captures what it prints.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { countNotdef } from "./notdef.js";
import { BIN, ROOT } from "./paths.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function briefpress(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const started = Date.now();
  // Through the launcher's shebang, as a shell starts it.
  const r = spawnSync(BIN, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 300_000,
  });
  const result = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  if (args[0] === "build" && result.code === 0) assertNoNotdef(args, options.cwd ?? ROOT, started);
  return result;
}

/**
 * Every brief PDF any test builds draws no glyph 0 (.notdef, an empty box): checked here,
 * once per build, so no test can forget it.
 */
function assertNoNotdef(args: string[], cwd: string, since: number): void {
  const outArg = args[args.indexOf("--out") + 1];
  const out = args.includes("--out") && outArg ? (isAbsolute(outArg) ? outArg : join(cwd, outArg)) : join(cwd, "dist");
  if (!existsSync(out)) return;
  const pdfs: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory() && depth < 2) walk(path, depth + 1);
      else if (name === "brief.pdf" && stat.mtimeMs >= since - 1000) pdfs.push(path);
    }
  };
  walk(out, 0);
  for (const pdf of pdfs) {
    const n = countNotdef(pdf);
    if (n > 0) throw new Error(`${pdf} draws glyph 0 (.notdef) ${n} time(s)`);
  }
}
