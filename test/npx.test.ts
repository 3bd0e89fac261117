// `npx briefpress`, as the README has users type it, in this project: it must run the
// project's own launcher in place (cli/ is a workspace whose bin npm links into
// node_modules/.bin), never install a copy into npm's cache. And a watch started through
// npx leaves no process behind however it is stopped. (Timings: npm run bench.)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, SAMPLE } from "./helpers/paths.js";

const freshCache = () => mkdtempSync(join(tmpdir(), "briefpress-npm-cache-"));

/** Processes still alive in process group `group`. */
function alive(group: number): string[] {
  const r = spawnSync("ps", ["-o", "pid=,args=", "-g", String(group)], { encoding: "utf8" });
  return r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

/** Every process of the job ends within seconds; on failure the rest are ended for it. */
async function expectAllGone(group: number): Promise<void> {
  try {
    await until(() => alive(group).length === 0, 15_000, `no process left; still: ${alive(group).join("; ")}`);
  } finally {
    sweep(group);
  }
}

/** After a failure: ends what the test started (its own process group), so nothing lingers. */
function sweep(group: number): void {
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    // Already gone: the test passed.
  }
}

async function until(test: () => boolean, ms: number, what: string): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `watch` started in its own process group, as a terminal starts a job. */
async function startWatch(command: string, args: string[]): Promise<{ child: ChildProcess; output: () => string }> {
  const out = mkdtempSync(join(tmpdir(), "briefpress-watch-out-"));
  const child = spawn(command, [...args, "watch", SAMPLE, "--out", out], { cwd: ROOT, detached: true, env: { ...process.env, npm_config_cache: freshCache(), npm_config_update_notifier: "false" } });
  let text = "";
  child.stdout?.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (text += d.toString()));
  await until(() => text.includes("watching 1 brief"), 60_000, `watch to start; output: ${text}`);
  return { child, output: () => text };
}

describe("npx briefpress", () => {
  it("answers its first call in a fresh npm cache from the project itself, installing nothing", () => {
    const cache = freshCache();
    const r = spawnSync("npx", ["briefpress", "check"], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: "false" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 errors/);
    // npx copies a package it has to install into <cache>/_npx; ours runs in place.
    expect(existsSync(join(cache, "_npx"))).toBe(false);
  });

  it("stops watch on SIGTERM to npx, leaving no process behind", async () => {
    const { child } = await startWatch("npx", ["briefpress"]);
    const group = child.pid ?? 0;
    expect(alive(group).some((l) => l.includes("watch"))).toBe(true);
    child.kill("SIGTERM");
    await expectAllGone(group);
  }, 90_000);

  it("stops watch on Ctrl-C (SIGINT to the terminal's job), leaving no process behind", async () => {
    const { child } = await startWatch("npx", ["briefpress"]);
    const group = child.pid ?? 0;
    process.kill(-group, "SIGINT");
    await expectAllGone(group);
  }, 90_000);

  it("stops a watch started directly on SIGTERM", async () => {
    const { child } = await startWatch(BIN, []);
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGTERM");
    await exited;
    expect(child.exitCode === 0 || child.signalCode === "SIGTERM").toBe(true);
    expect(alive(child.pid ?? 0)).toEqual([]);
  }, 90_000);
});
