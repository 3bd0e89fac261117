// The adversarial suite's harness (issue 22). A case is a row: the files of a throwaway
// project (text, bytes, symlinks, FIFOs, folders), the CLI arguments, and what must be
// seen. Rows run in one child process (runner.mjs) case after case, under a 1.5 GB heap
// and a 30 s watchdog per case; what every row must hold is asserted in one place
// (holds()): no stack trace, exit 0/1/2, within time and memory, nothing read from the
// outside folder, no request to the loopback server every remote URL points at, outputs
// all or none, no staging leftovers, and no outside secret in any output.
import { execFileSync, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../helpers/paths.js";

export const SECRET = "OUTSIDE-SECRET-5d1c9e";
export const LIMIT_MS = 30_000;
export const HEAP_MB = 1536;

/** A file of a case's project: text, bytes, or something that is not a plain file. */
export type Entry = string | Buffer | { symlink: string } | { fifo: true } | { dir: true };

export interface Case {
  id: string;
  /** The class: escape, network, crash, batch, silent. */
  cls: "escape" | "network" | "crash" | "batch" | "silent";
  files: Record<string, Entry>;
  argv: string[];
  /** Allowed exit codes (default 0, 1 or 2). */
  codes?: number[];
  /** What stdout+stderr must show, and must not. */
  shows?: RegExp[];
  hides?: RegExp[];
  /** Environment for this case only (TZ, SOURCE_DATE_EPOCH). */
  env?: Record<string, string>;
  /** The project starts with an earlier build's outputs, which a failed build keeps. */
  keepsOld?: boolean;
  /** A bug in another engineer's files that this row finds: the row must still fail (so it is updated when fixed). */
  knownBug?: string;
  /** Extra check on the finished project. */
  after?: (dir: string, r: Result) => void;
}

export interface Result {
  id: string;
  code: number;
  out: string;
  err: string;
  stray: string;
  threw: string;
  ms: number;
  maxRssMb: number;
  outsideReads: string[];
}

export interface Context {
  /** The folder outside every project, holding the secrets. */
  outside: string;
  /** http://127.0.0.1:port: every remote URL of every case. */
  url: string;
  hits: string[];
  close(): Promise<void>;
}

/** $OUT and $URL in a case's text stand for the outside folder and the loopback server. */
export function fill(text: string, ctx: Pick<Context, "outside" | "url">, id: string): string {
  return text.replaceAll("$OUT", ctx.outside).replaceAll("$URL", `${ctx.url}/${id}`);
}

export async function context(secrets: Record<string, string | Buffer>): Promise<Context> {
  const outside = mkdtempSync(join(tmpdir(), "briefpress-adv-outside-"));
  for (const [name, data] of Object.entries(secrets)) writeFileSync(join(outside, name), data);
  // atime older than mtime: under relatime, the first read of a file moves its atime.
  const past = new Date(Date.now() - 3600_000);
  for (const name of Object.keys(secrets)) utimesSync(join(outside, name), past, new Date());
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "image/png" }).end(SECRET);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { outside, url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

/** What the outside folder looks like: names, sizes, modification and access times. */
export function snapshot(dir: string): string {
  return readdirSync(dir).sort().map((n) => {
    const s = lstatSync(join(dir, n));
    return `${n} ${s.size} ${s.mtimeMs} ${s.atimeMs}`;
  }).join("\n");
}

export function makeProject(root: string, c: Case, ctx: Context): string {
  const dir = join(root, c.id);
  mkdirSync(join(dir, "report"), { recursive: true });
  for (const [name, entry] of Object.entries(c.files)) {
    const path = join(dir, name);
    mkdirSync(join(path, ".."), { recursive: true });
    if (typeof entry === "string") writeFileSync(path, fill(entry, ctx, c.id));
    else if (Buffer.isBuffer(entry)) writeFileSync(path, entry);
    else if ("symlink" in entry) symlinkSync(fill(entry.symlink, ctx, c.id), path);
    else if ("fifo" in entry) execFileSync("mkfifo", [path]);
    else mkdirSync(path, { recursive: true });
  }
  return dir;
}

/**
 * Runs the cases in one child process; a case that passes the 30 s watchdog is killed
 * with its process, recorded as over time, and the rest go on in a fresh process.
 */
type Row = { id: string; dir: string; argv: string[]; env?: Record<string, string> };

/** Rows dealt round-robin to `jobs` child processes (ADV_JOBS, default 2: one a core). */
export async function runAll(cases: Row[], ctx: Context, scratch: string, jobs = Number(process.env.ADV_JOBS ?? 2)): Promise<Map<string, Result>> {
  const shards = Array.from({ length: Math.max(1, jobs) }, (_, j) => cases.filter((_, i) => i % Math.max(1, jobs) === j));
  const done = await Promise.all(shards.map((rows, j) => runShard(rows, ctx, scratch, j)));
  return new Map(done.flatMap((m) => [...m]));
}

async function runShard(cases: Row[], ctx: Context, scratch: string, shard: number): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  let left = cases;
  while (left.length) {
    const file = join(scratch, `cases-${shard}-${results.size}.json`);
    writeFileSync(file, JSON.stringify(left.map((c) => ({ ...c, argv: c.argv.map((a) => fill(a, ctx, c.id)) }))));
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, "test", "adversarial", "harness", "runner.mjs"), file], {
      env: { ...process.env, ADV_OUTSIDE: ctx.outside, ADV_START: join(ROOT, "build", "cli", "start.js"), SOURCE_DATE_EPOCH: "1700000000", XDG_CACHE_HOME: join(scratch, "cache"), NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    let running: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let buffer = "";
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => killGroup(child.pid), LIMIT_MS);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const msg = JSON.parse(line) as { started?: string } & Result;
        if (msg.started) {
          running = msg.started;
          arm();
        } else {
          results.set(msg.id, msg);
          running = undefined;
        }
      }
    });
    // "exit", not "close": a Chromium or marp-cli the case started may hold the pipe open.
    await new Promise<void>((r) => child.on("exit", () => r()));
    await new Promise((r) => setTimeout(r, 50));
    killGroup(child.pid); // stragglers of a finished runner
    clearTimeout(timer);
    if (running) results.set(running, { id: running, code: -1, out: "", err: "", stray: "", threw: `killed: over ${LIMIT_MS} ms or out of memory`, ms: LIMIT_MS, maxRssMb: 0, outsideReads: [] });
    const next = left.filter((c) => !results.has(c.id));
    if (next.length === left.length) break;
    left = next;
  }
  return results;
}

/** The runner and whatever it started (marp-cli, Chromium): its own process group. */
function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

const STACK = /^\s+at .+(?::\d+:\d+\)?|\(native\))$|\n\s+at [\w.<>]+ \(/m;

/** Every file under `dir`, relative. */
export function files(dir: string): string[] {
  // A dist/ that is a link (a case that plants one) is not followed: its target is outside.
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink()) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => {
    try {
      return statSync(join(dir, f)).isFile();
    } catch {
      return false;
    }
  });
}

/** Text of an output: PDFs through pdftotext (their streams are compressed), the rest as bytes. */
function outputText(path: string): string {
  if (path.endsWith(".pdf")) {
    try {
      return execFileSync("pdftotext", [path, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    } catch {
      return "";
    }
  }
  return readFileSync(path).toString("latin1");
}

/** The problems of one finished case, in words (empty: it holds). */
export function problems(c: Case, dir: string, r: Result | undefined, hits: string[]): string[] {
  if (!r) return ["never ran"];
  const seen = r.out + r.err + r.stray;
  const out: string[] = [];
  if (r.threw) out.push(`threw: ${r.threw.slice(0, 2000)}`);
  if (STACK.test(seen)) out.push(`stack trace in output: ${seen.slice(0, 2000)}`);
  if (![0, 1, 2].includes(r.code)) out.push(`exit ${r.code}`);
  if (c.codes && !c.codes.includes(r.code)) out.push(`exit ${r.code}, expected ${c.codes.join(" or ")}: ${seen.slice(0, 1500)}`);
  if (r.ms > LIMIT_MS) out.push(`${r.ms} ms`);
  if (r.maxRssMb > HEAP_MB) out.push(`max RSS ${r.maxRssMb} MB`);
  if (r.outsideReads.length) out.push(`read outside the project: ${[...new Set(r.outsideReads)].join(", ")}`);
  const mine = hits.filter((h) => h.includes(`/${c.id}/`));
  if (mine.length) out.push(`requests made: ${mine.join(", ")}`);
  for (const re of c.shows ?? []) if (!re.test(seen)) out.push(`output lacks ${re}: ${seen.slice(0, 1500)}`);
  for (const re of c.hides ?? []) if (re.test(seen)) out.push(`output shows ${re}`);
  const produced = files(join(dir, "dist"));
  const staging = files(dir).filter((f) => /\.tmp$|\.staging|\.partial/i.test(f));
  if (staging.length) out.push(`staging leftovers: ${staging.join(", ")}`);
  if (c.argv[0] === "build") {
    const slugs = new Set(produced.map((f) => f.split("/")[0]));
    for (const slug of slugs) {
      const set = produced.filter((f) => f.startsWith(`${slug}/`));
      // All or none: a brief's folder holds a brief.pdf whenever it holds anything.
      if (c.argv.join(" ").includes("pdf") && !set.some((f) => f.endsWith("brief.pdf"))) out.push(`dist/${slug} holds ${set.join(", ")} but no brief.pdf`);
    }
    const briefs = c.argv.slice(1).filter((a) => !a.startsWith("-") && /\.(?:md|qmd|rmd)$/i.test(a));
    if (r.code !== 0 && briefs.length <= 1 && !c.keepsOld && produced.length) out.push(`exit ${r.code} yet wrote ${produced.join(", ")}`);
  }
  if (c.after) {
    try {
      c.after(dir, r);
    } catch (e) {
      out.push(`after: ${(e as Error).message}`);
    }
  }
  for (const f of produced) if (outputText(join(dir, "dist", f)).includes(SECRET)) out.push(`dist/${f} holds the outside secret`);
  if (seen.includes(SECRET)) out.push("the outside secret is printed");
  return out;
}
