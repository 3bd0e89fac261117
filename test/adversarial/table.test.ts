// The team's adversarial suite (issue 22): every row of cases/*.ts, run through the CLI in
// one child process (harness/runner.mjs) under a 1.5 GB heap and a 30 s watchdog per row,
// each asserting what harness/suite.ts problems() lists. ADV_ONLY=<regex> runs a subset;
// ADV_KEEP=1 keeps the projects and writes results.json beside them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { context, makeProject, problems, runAll, snapshot, type Case, type Context, type Result } from "./harness/suite.js";
import { SECRETS } from "./cases/common.js";
import { ESCAPE } from "./cases/escape.js";
import { NETWORK } from "./cases/network.js";
import { CRASH } from "./cases/crash.js";
import { IMAGES } from "./cases/images.js";
import { SILENT } from "./cases/silent.js";

const ALL: Case[] = [...ESCAPE, ...NETWORK, ...CRASH, ...IMAGES, ...SILENT];
const ONLY = process.env.ADV_ONLY;
const CASES = ONLY ? ALL.filter((c) => new RegExp(ONLY).test(c.id)) : ALL;

let ctx: Context;
let scratch: string;
let before: string;
const dirs = new Map<string, string>();
let results = new Map<string, Result>();

beforeAll(async () => {
  ctx = await context(SECRETS);
  before = snapshot(ctx.outside);
  scratch = mkdtempSync(join(tmpdir(), "briefpress-adv-"));
  for (const c of CASES) dirs.set(c.id, makeProject(join(scratch, "p"), c, ctx));
  results = await runAll(CASES.map((c) => ({ id: c.id, dir: dirs.get(c.id)!, argv: c.argv, ...(c.env ? { env: c.env } : {}) })), ctx, scratch);
  if (process.env.ADV_KEEP) writeFileSync(join(scratch, "results.json"), JSON.stringify([...results.values()], null, 1));
}, 1_800_000);

afterAll(async () => {
  await ctx?.close();
  if (scratch && !process.env.ADV_KEEP) rmSync(scratch, { recursive: true, force: true });
});

describe("the adversarial suite", () => {
  it("has at least 300 distinct cases across the issue's classes", () => {
    expect(new Set(ALL.map((c) => c.id)).size).toBe(ALL.length);
    expect(ALL.length).toBeGreaterThanOrEqual(300);
    for (const cls of ["escape", "network", "crash", "batch", "silent"]) expect(ALL.filter((c) => c.cls === cls).length).toBeGreaterThan(5);
  });

  it.each(CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const found = problems(c, dirs.get(c.id)!, results.get(c.id), ctx.hits).join("\n\n");
    if (c.knownBug) expect(found, `fixed? then drop knownBug (${c.knownBug})`).not.toBe("");
    else expect(found).toBe("");
  });

  it("made no request at all, and left the outside folder as it was (not read, not written)", () => {
    expect(ctx.hits).toEqual([]);
    expect(snapshot(ctx.outside)).toBe(before);
  });
});
