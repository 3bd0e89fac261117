#!/usr/bin/env node
// Benchmark: whole-process timings, median of several runs (machines here are noisy,
// so this is a script that prints numbers, not a timed test). Run: npm run bench
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { HUNDRED_PAGES, STRESS, generateBrief } from "./support/generate.mjs";
import { writePictureProject } from "./support/pictures.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "briefpress.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function time(args, cwd, command = BIN) {
  const t = process.hrtime.bigint();
  // Started as a user's shell starts it: through the launcher's shebang.
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: command === BIN ? process.env : { ...process.env, NODE_EXTRA_CA_CERTS: "" } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${command === BIN ? "briefpress" : command} ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function bench(label, args, cwd, runs = RUNS, command = BIN) {
  time(args, cwd, command); // warm the file cache
  const ms = Array.from({ length: runs }, () => time(args, cwd, command));
  console.log(`${label.padEnd(58)} median ${median(ms).toFixed(0).padStart(5)} ms  (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, n=${runs})`);
  return median(ms);
}

/**
 * Watch mode: save the sample brief every 600 ms and read each rebuild's line. Reports
 * the build time the line prints and the whole save-to-line latency (which adds the
 * 25 ms the watcher waits for an editor's burst of writes to settle).
 */
async function benchWatch(file, cwd, label = "sample, pdf+deck", saves = 9) {
  const child = spawn(BIN, ["watch", file, "--formats", "pdf,deck"], { cwd });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const lines = () => out.split("\n").filter((l) => l.includes(" changed → "));
  const until = async (test, ms = 60_000) => {
    const started = Date.now();
    while (!test()) {
      if (Date.now() - started > ms) throw new Error(`watch: timed out; output so far:\n${out}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  try {
    await until(() => out.includes("watching 1 brief"));
    const built = [];
    const latency = [];
    for (let i = 0; i < saves; i++) {
      const before = lines().length;
      const saved = performance.now();
      appendFileSync(join(cwd, file), "\n");
      await until(() => lines().length > before);
      latency.push(performance.now() - saved);
      built.push(Number(/\((\d+) ms\)/.exec(lines().at(-1))?.[1]));
      await new Promise((r) => setTimeout(r, 600));
    }
    console.log(`${`watch: rebuild after a save (${label})`.padEnd(58)} median ${median(built).toFixed(0).padStart(5)} ms  (min ${Math.min(...built)}, max ${Math.max(...built)}, n=${saves}; first save ${built[0]} ms)`);
    console.log(`${"watch: save to printed line".padEnd(58)} median ${median(latency).toFixed(0).padStart(5)} ms`);
  } finally {
    child.kill("SIGINT");
  }
}

/**
 * PDF sizes: what briefpress writes (object streams, cross-reference stream), the same
 * file unpacked by qpdf into plain objects and a text cross-reference table (how
 * briefpress wrote PDFs before), and qpdf's own packing of it (the 1.15× yardstick).
 */
function benchSizes(cwd, briefs) {
  const scratch = mkdtempSync(join(tmpdir(), "briefpress-bench-sizes-"));
  for (const [label, file] of briefs) {
    spawnSync(BIN, ["build", file, "--formats", "pdf", "--out", scratch], { cwd });
    const slug = file.split("/").at(-1).replace(/\.md$/, "");
    const pdf = join(scratch, slug, "brief.pdf");
    const size = (f) => statSync(f).size;
    spawnSync("qpdf", ["--object-streams=disable", pdf, join(scratch, "plain.pdf")]);
    spawnSync("qpdf", ["--object-streams=generate", pdf, join(scratch, "packed.pdf")]);
    const [ours, plain, packed] = [size(pdf), size(join(scratch, "plain.pdf")), size(join(scratch, "packed.pdf"))];
    const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
    console.log(`${`PDF size (${label})`.padEnd(58)} ${kb(ours).padStart(8)}  (plain objects and xref table: ${kb(plain)}; qpdf packed: ${kb(packed)}, ours ${(ours / packed).toFixed(2)}×)`);
  }
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * `npx briefpress check` in this project: its first call with an empty npm cache, then
 * later calls, against calling the launcher directly.
 */
function benchNpx() {
  const fresh = () => mkdtempSync(join(tmpdir(), "briefpress-bench-npm-"));
  const npx = (cache) => {
    const t = process.hrtime.bigint();
    const r = spawnSync("npx", ["briefpress", "check"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: "false" } });
    if (r.status !== 0) throw new Error(`npx briefpress check exited ${r.status}:\n${r.stderr}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const first = Array.from({ length: 3 }, () => npx(fresh()));
  const cache = fresh();
  npx(cache);
  const later = Array.from({ length: RUNS }, () => npx(cache));
  console.log(`${"npx briefpress check: first call, empty npm cache".padEnd(58)} median ${median(first).toFixed(0).padStart(5)} ms  (n=3)`);
  const direct = bench("bin/briefpress.js check (this project, for npx's overhead)", ["check"], ROOT);
  console.log(`${"npx briefpress check: later calls".padEnd(58)} median ${median(later).toFixed(0).padStart(5)} ms  (npx adds ${(median(later) - direct).toFixed(0)} ms, n=${RUNS})`);
}

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

/**
 * The full default build (brief.pdf and every deck output, one Chromium session) beside
 * doing the same job with the usual tools: marp-cli's --pdf and --pptx exports of the same
 * slides.md, and a pandoc + WeasyPrint PDF of the same brief. An anchor that is not
 * installed is skipped, and said so; the ratio is over the anchors that ran.
 */
function benchFullBuild(sample, slug, dir) {
  const chrome = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
  if (!chrome) {
    console.log("full build vs marp-cli and pandoc/WeasyPrint: skipped (no Chromium installed)");
    return;
  }
  const ours = bench("build (sample, default: brief.pdf + slides.md/html/pdf/pptx)", ["build", sample], dir, 5);
  const deck = join(dir, "dist", slug, "slides.md");
  const theme = join(ROOT, "slides", "themes", "briefpress.css");
  const anchors = [];
  const marp = join(ROOT, "node_modules", "@marp-team", "marp-cli", "marp-cli.js");
  if (existsSync(marp)) {
    for (const format of ["pdf", "pptx"]) {
      const args = [marp, deck, "--no-stdin", "--no-config-file", "--theme", theme, `--${format}`, "--allow-local-files", "--browser-path", chrome, "-o", join(dir, `anchor.${format}`)];
      if (format === "pdf") args.push("--pdf-notes", "--pdf-outlines");
      anchors.push(bench(`anchor: marp-cli --${format} (the same slides.md)`, args, dir, 3, process.execPath));
    }
  } else console.log("anchor: marp-cli skipped (not installed)");
  if (onPath("pandoc") && onPath("weasyprint")) {
    anchors.push(bench("anchor: pandoc + WeasyPrint (the same brief, to PDF)", [sample, "-s", "-o", join(dir, "anchor-pandoc.pdf"), "--pdf-engine=weasyprint"], dir, 3, "pandoc"));
  } else console.log("anchor: pandoc + WeasyPrint skipped (not installed: apt-get install pandoc weasyprint)");
  if (anchors.length === 0) return;
  const sum = anchors.reduce((a, b) => a + b, 0);
  console.log(`${"anchors together".padEnd(58)} median ${sum.toFixed(0).padStart(5)} ms`);
  console.log(`${"full build ÷ anchors".padEnd(58)} ${(ours / sum).toFixed(2)}×  (target ≤ 0.30×)`);
}

// A scratch project: the sample brief, a generated 100-page brief, the stress brief,
// 50 small briefs.
const dir = mkdtempSync(join(tmpdir(), "briefpress-bench-"));
try {
  for (const d of ["report", "assets", "slides"]) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  writeFileSync(join(dir, "big.md"), generateBrief(HUNDRED_PAGES).markdown);
  writeFileSync(join(dir, "stress.md"), generateBrief(STRESS).markdown);
  const cites = generateBrief({ seed: 11, sources: 200, citations: 1000, sections: 20, paragraphs: 10 });
  writeFileSync(join(dir, "cites.md"), cites.markdown);
  mkdirSync(join(dir, "batch"));
  for (let i = 0; i < 50; i++) writeFileSync(join(dir, "batch", `brief-${String(i).padStart(2, "0")}.md`), generateBrief({ seed: 100 + i, sources: 8, citations: 30, sections: 4, paragraphs: 3 }).markdown);

  console.log(`briefpress benchmark — ${cpus().length} cores, node ${process.version}`);
  const sample = "report/china-forced-returns-2024.md";
  // Every figure below includes starting Node; this is that floor on this machine, now.
  bench("node -e 0 (an empty Node process, for scale)", ["-e", "0"], dir, RUNS, process.execPath);
  // BENCH_ONLY=full: just the full build beside its anchors (a minute instead of several).
  if (process.env.BENCH_ONLY === "full") benchFullBuild(sample, "china-forced-returns-2024", dir);
  else await benchAll(sample, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function benchAll(sample, dir) {
  bench("build --formats pdf,deck (sample brief, no Chromium check)", ["build", sample, "--formats", "pdf,deck", "--skip-overflow-check"], dir);
  bench("build --formats pdf,deck (sample, overflow check in Chromium)", ["build", sample, "--formats", "pdf,deck"], dir, 3);
  bench("build --formats pdf (sample brief)", ["build", sample, "--formats", "pdf"], dir);
  bench("check (sample brief)", ["check", sample], dir);
  bench("check (200 sources, 1,000 citations)", ["check", "cites.md"], dir);
  for (const [label, slug] of [["generated ~100-page brief", "big"], ["stress brief: tables, notes, Korean, Chinese", "stress"]]) {
    const ms = bench(`build --formats pdf (${label})`, ["build", `${slug}.md`, "--formats", "pdf"], dir, 5);
    const pages = spawnSync("pdfinfo", [join(dir, "dist", slug, "brief.pdf")], { encoding: "utf8" }).stdout.match(/Pages:\s+(\d+)/)?.[1];
    console.log(`${"".padEnd(58)} (${pages ?? "?"} pages, ${(ms / Number(pages || 1)).toFixed(1)} ms a page)`);
  }
  benchFullBuild(sample, "china-forced-returns-2024", dir);
  await benchWatch(sample, dir);
  await writePictureProject(dir);
  await benchWatch("report/pictures.md", dir, "PNG chart + 1 MB JPEG photo");
  benchSizes(dir, [["sample brief", sample], ["generated ~100-page brief", "big.md"], ["stress brief", "stress.md"]]);
  benchNpx();
  const files = Array.from({ length: 50 }, (_, i) => join("batch", `brief-${String(i).padStart(2, "0")}.md`));
  const batchMs = bench("build --formats pdf,deck (batch of 50 briefs)", ["build", ...files, "--formats", "pdf,deck", "--skip-overflow-check"], dir, 3);
  console.log(`${"".padEnd(58)} ${(50 / (batchMs / 1000)).toFixed(1)} briefs/second`);
}
