// Builds the sample brief once, with every format, for the tests that inspect outputs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { briefpress } from "../helpers/run.js";
import { SAMPLE } from "../helpers/paths.js";
import { scratchProject } from "../helpers/project.js";
import { STRESS, generateBrief } from "../support/generate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    builtDir: string;
    buildLog: string;
    stressDir: string;
  }
}


export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "briefpress-test-"));
  const result = briefpress(["build", SAMPLE, "--out", dir]);
  if (result.code !== 0) throw new Error(`sample build failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  project.provide("builtDir", dir);
  project.provide("buildLog", result.stdout + result.stderr);

  // The stress brief: ~60 pages of long tables, nested lists, footnotes, long URLs and
  // Korean and Chinese names, generated (deterministically) into a scratch project.
  const stress = scratchProject({ "report/stress.md": generateBrief(STRESS).markdown });
  const built = briefpress(["build", "report/stress.md", "--formats", "pdf"], { cwd: stress });
  if (built.code !== 0) throw new Error(`stress build failed (${built.code}):\n${built.stdout}\n${built.stderr}`);
  project.provide("stressDir", stress);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(stress, { recursive: true, force: true });
  };
}
