// The adversarial suite's child process (test/adversarial/harness/suite.ts starts it with
// --max-old-space-size): loads the compiled CLI bundle once, as bin/briefpress.js does,
// then runs case after case in its own project folder, and prints one JSON line per case.
// Every file the CLI opens is watched: a read whose real path lies in the outside folder
// (OUTSIDE in the environment) is recorded against the case that made it.
import fs from "node:fs";
import { readFileSync } from "node:fs";

const OUTSIDE = fs.realpathSync(process.env.ADV_OUTSIDE);
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const emit = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

let current = null;
const realPath = fs.realpathSync.native;
function watch(p) {
  if (typeof p !== "string" && !(p instanceof URL) && !Buffer.isBuffer(p)) return;
  try {
    const real = realPath(p instanceof URL ? p : String(p));
    if (current && (real === OUTSIDE || real.startsWith(`${OUTSIDE}/`))) current.outsideReads.push(real);
  } catch {
    /* a path that does not exist was not read */
  }
}
for (const name of ["openSync", "readFileSync", "open", "readFile", "createReadStream", "opendirSync", "readdirSync"]) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    watch(p);
    return original.call(this, p, ...rest);
  };
}
for (const name of ["open", "readFile", "opendir", "readdir"]) {
  const original = fs.promises[name];
  fs.promises[name] = function (p, ...rest) {
    watch(p);
    return original.call(this, p, ...rest);
  };
}
// What reaches the real streams (a library printing on its own) counts as the case's output.
for (const stream of ["stdout", "stderr"]) {
  const write = process[stream].write.bind(process[stream]);
  process[stream].write = (chunk, ...rest) => {
    if (current) current.stray += String(chunk);
    else if (stream === "stderr") return write(chunk, ...rest);
    return true;
  };
  if (stream === "stdout") globalThis.__emit = (o) => write(`${JSON.stringify(o)}\n`);
}
// A full disk, simulated: ADV_FAIL_WRITES=ENOSPC (or EROFS, EACCES) makes every write
// under the case's dist/ fail as the kernel would.
let failWrites = null;
for (const name of ["writeFileSync", "copyFileSync", "linkSync"]) {
  const original = fs[name];
  fs[name] = function (...args) {
    const target = String(name === "writeFileSync" ? args[0] : args[1]);
    if (failWrites && current && target.includes("/dist/")) {
      const e = new Error(`${failWrites}: simulated, ${name} '${target}'`);
      e.code = failWrites;
      e.errno = -28;
      e.syscall = "write";
      e.path = target;
      throw e;
    }
    return original.apply(this, args);
  };
}
process.on("uncaughtException", (e) => current && (current.threw += `uncaught: ${e?.stack ?? e}\n`));
process.on("unhandledRejection", (e) => current && (current.threw += `unhandled: ${e?.stack ?? e}\n`));

const { loadCachedBundle } = await import(process.env.ADV_START);
const { cli } = loadCachedBundle("briefpress");

for (const c of cases) {
  current = { id: c.id, out: "", err: "", stray: "", threw: "", outsideReads: [] };
  globalThis.__emit({ started: c.id });
  const started = Date.now();
  process.chdir(c.dir);
  const saved = Object.fromEntries(Object.keys(c.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, c.env ?? {});
  failWrites = process.env.ADV_FAIL_WRITES || null;
  let code = -1;
  try {
    code = await cli.main(c.argv, { out: (t) => void (current.out += t), err: (t) => void (current.err += t), tty: false });
  } catch (e) {
    current.threw += `thrown: ${e?.stack ?? e}\n`;
  }
  // A write or a rejection still in flight belongs to this case.
  await new Promise((r) => setTimeout(r, 5));
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  failWrites = null;
  const { maxRSS } = process.resourceUsage();
  const result = { ...current, code, ms: Date.now() - started, maxRssMb: Math.round(maxRSS / 1024) };
  current = null;
  globalThis.__emit(result);
}
