// Runs the real CLI (compiled, as users run it) and captures what it prints.
import { spawnSync } from "node:child_process";
import { BIN, ROOT } from "./paths.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function briefpress(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  // Through the launcher's shebang, as a shell starts it.
  const r = spawnSync(BIN, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
