// A throwaway project folder (report/ + assets/) to run the CLI against edited copies
// of the sample brief without touching the real one.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SAMPLE } from "./paths.js";
import { briefpress } from "./run.js";

export function scratchProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "briefpress-project-"));
  mkdirSync(join(dir, "report"));
  cpSync(join(ROOT, "assets"), join(dir, "assets"), { recursive: true });
  cpSync(join(ROOT, "slides"), join(dir, "slides"), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function sampleSource(): string {
  return readFileSync(join(ROOT, SAMPLE), "utf8");
}

/** 1-based line and column of the first occurrence of `needle`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Runs `briefpress check` on `target` in a scratch project holding `files`. */
export function checkInScratch(files: Record<string, string>, target = "report/x.md"): { dir: string; code: number; stdout: string; stderr: string } {
  const dir = scratchProject(files);
  return { dir, ...briefpress(["check", target], { cwd: dir }) };
}
