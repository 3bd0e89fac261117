// Builds the sample brief once, with every format, for the tests that inspect outputs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { briefpress } from "../helpers/run.js";
import { SAMPLE } from "../helpers/paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    builtDir: string;
    buildLog: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "briefpress-test-"));
  const result = briefpress(["build", SAMPLE, "--out", dir]);
  if (result.code !== 0) throw new Error(`sample build failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  project.provide("builtDir", dir);
  project.provide("buildLog", result.stdout + result.stderr);
  return () => rmSync(dir, { recursive: true, force: true });
}
