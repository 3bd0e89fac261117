// A fuzzing suite (issue 22): structured generators for front matter, markdown bodies,
// bibliographies and picture bytes (mutated PNG, JPEG and SVG), each case run through
// `check` and `build` in process. What must hold for every case: no uncaught error, an
// exit code of 0, 1 or 2, a case within its time limit, outputs all or none (a brief
// `check` finds an error in gets no dist/ folder), and nothing from outside the project
// (a planted secret reached through `..` and symlinks) in any output.
//
// CI runs a fixed seed and a short budget; `npm run fuzz -- --minutes 10` runs longer
// (FUZZ_RUNS / FUZZ_SEED / FUZZ_MINUTES in the environment).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { Workspace } from "../../src/world/workspace.js";
import { barChartPng } from "../helpers/chart.js";

const SECRET = "OUTSIDE-THE-PROJECT-7f3a";
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const MINUTES = Number(process.env.FUZZ_MINUTES ?? 0);
const CASE_LIMIT_MS = 30_000;

/** A real chart, drawn once; each case cuts and flips bytes of it. */
const PNG = await barChartPng([3, 5, 2, 7], 240, 135);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50" fill="#0b6e4f"/><text x="5" y="30">Chart</text></svg>';
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

const word = fc.constantFrom("returns", "camp", "water", "Okafor", "Лина", "حمص", "事件", "detention", "&", "<b>", "\u0096", "\u202e", "\u0000", "ﬁ", "🙂", "x".repeat(300));
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
const citation = fc.oneof(
  { arbitrary: fc.constantFrom("(Okafor 2023)", "(Okafor 2023, 12)", "Okafor (2023)", "[^1]"), weight: 4 },
  fc.constantFrom("(Okafor 2023)", "(Okafor 2023, 12)", "Okafor (2023)", "[@okafor2023]", "[@missing]", "[1]", "(Aug-Sep 2023)", "@UNHCR", "(Yoon n.d.)", "[^1]", "[^9]", "\\@ref(fig:x)", "@fig-map"),
  sentence.map((s) => `(${s} 2020)`),
);
// Mostly pictures that are there (so cases reach the renderers), sometimes hostile ones.
const pictureRef = fc.oneof(
  { arbitrary: fc.constantFrom("../assets/fuzz.png", "../assets/fuzz.svg", "../assets/chart.png"), weight: 4 },
  { arbitrary: fc.constantFrom("../assets/fuzz.jpg", "../assets/missing.png", "../../outside.png", "../assets/escape.svg", "https://example.org/x.png", "../assets"), weight: 1 },
);
const block = fc.oneof(
  fc.tuple(sentence, citation, sentence).map(([a, c, b]) => `${a} ${c} ${b}.`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), sentence).map(([n, s]) => `${"#".repeat(n)} ${s}`),
  fc.array(sentence, { minLength: 1, maxLength: 5 }).map((items) => items.map((s) => `- ${s}`).join("\n")),
  fc.tuple(sentence, pictureRef).map(([alt, src]) => `![${alt}](${src} "Credit: desk")`),
  fc.tuple(sentence, sentence).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`),
  fc.integer({ min: 1, max: 400 }).map((n) => `${"*_".repeat(n)}deep${"_*".repeat(n)}`),
  fc.constantFrom("{{< include _part.qmd >}}", "{{< include _part.qmd >}}", "{{< include ../../outside.md >}}"),
  fc.constant("::: {.callout-note}\n## Note\nInside.\n:::"),
  fc.constant("<figure><img src=\"../assets/fuzz.png\" alt=\"x\"><figcaption>A figure</figcaption></figure>"),
  sentence.map((s) => `> ${s}`),
);
const plainWords = fc.array(fc.constantFrom("returns", "camp", "water", "Okafor", "Лина", "حمص", "事件", "detention", "&", "🙂"), { minLength: 1, maxLength: 8 }).map((w) => JSON.stringify(w.join(" ")));
const goodPair = fc.oneof(
  plainWords.map((v) => ["title", v] as const),
  plainWords.map((v) => ["subtitle", v] as const),
  plainWords.map((v) => ["summary", v] as const),
  fc.constantFrom("2024-05-20", "May 2024", "12/9/2019", "today").map((v) => ["date", v] as const),
  fc.constantFrom("en", "ar", "ru", "fr", "zh").map((v) => ["lang", v] as const),
  fc.constantFrom("a4", "letter").map((v) => ["paper", v] as const),
  fc.constant(["bibliography", "refs.bib"] as const),
  plainWords.map((v) => ["author", v] as const),
);
const hostileValue = fc.oneof(sentence, fc.integer().map(String), fc.constantFrom("[a, b", '"unclosed', "{x: 1}", "- item", "\t tab", "2024-02-31", "&alias", "*alias"));
const hostileKey = fc.constantFrom("title", "date", "authors", "paper", "citation-style", "toString", "constructor", "__proto__", "titel", "cover", "key_points", "nocite");
const frontPair = fc.oneof({ arbitrary: goodPair, weight: 6 }, { arbitrary: fc.tuple(hostileKey, hostileValue), weight: 1 });
const frontMatter = fc.uniqueArray(frontPair, { maxLength: 8, selector: (pair) => pair[0] }).map((pairs) => (pairs.length ? `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n` : ""));
const bibEntry = fc.tuple(fc.constantFrom("okafor2023", "yoon2024", "okafor2023", "x"), sentence, fc.constantFrom("2023", "n.d.", "", "20xx")).map(([key, title, year]) => `@article{${key},\n  author = {${title}},\n  title = {${title}},\n  year = {${year}}\n}\n`);
const mutation = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 });
const sources = fc.constantFrom("", "\n## Sources\n\nOkafor, C. (2023). Returns at the border. Publisher.\n", "\n## References\n\n1. Yoon, L. (2024). Title.\n");

const briefCase = fc.record({ front: frontMatter, blocks: fc.array(block, { minLength: 1, maxLength: 10 }), sources, bib: fc.array(bibEntry, { maxLength: 4 }), cut: fc.nat({ max: PNG.length }), flips: mutation, svg: fc.constantFrom(SVG, `${SVG.slice(0, 40)}`, '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&a;</text></svg>', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="../../outside.png" width="10" height="10"/></svg>') });

type Case = typeof briefCase extends fc.Arbitrary<infer T> ? T : never;

function project(c: Case): string {
  const top = mkdtempSync(join(tmpdir(), "briefpress-fuzz-"));
  writeFileSync(join(top, "outside.md"), SECRET);
  writeFileSync(join(top, "outside.png"), SECRET);
  const dir = join(top, "project");
  mkdirSync(join(dir, "report"), { recursive: true });
  mkdirSync(join(dir, "assets"));
  const png = Buffer.from(PNG.subarray(0, Math.max(c.cut, 60)));
  for (const [at, value] of c.flips) png[at % png.length] = value;
  writeFileSync(join(dir, "assets", "fuzz.png"), png);
  writeFileSync(join(dir, "assets", "fuzz.svg"), c.svg);
  writeFileSync(join(dir, "assets", "fuzz.jpg"), JPEG_HEAD);
  writeFileSync(join(dir, "assets", "chart.png"), PNG);
  writeFileSync(join(dir, "report", "_part.qmd"), "An included part (Okafor 2023).\n");
  symlinkSync(join(top, "outside.png"), join(dir, "assets", "escape.svg"));
  writeFileSync(join(dir, "report", "refs.bib"), c.bib.join("\n"));
  writeFileSync(join(dir, "report", "fuzz.md"), `${c.front}${c.blocks.join("\n\n")}\n${c.sources}\n[^1]: A note (Okafor 2023).\n`);
  return dir;
}

async function run(argv: string[], ws: Workspace): Promise<{ code: number; text: string }> {
  let text = "";
  const io = { out: (t: string) => void (text += t), err: (t: string) => void (text += t) };
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`over ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS)));
  try {
    const code = await Promise.race([main(argv, io, ws), limit]);
    return { code, text };
  } finally {
    clearTimeout(timer);
  }
}

function outputsText(dir: string): string {
  const out = join(dir, "dist", "fuzz");
  if (!existsSync(out)) return "";
  return readdirSync(out).map((n) => readFileSync(join(out, n)).toString("latin1")).join("\n");
}

let casesRun = 0;

async function holds(c: Case): Promise<void> {
  casesRun++;
  const dir = project(c);
  try {
    const ws = new Workspace(dir, { ...process.env, SOURCE_DATE_EPOCH: "1700000000" }, { cache: false });
    const checked = await run(["check", "report/fuzz.md"], ws);
    expect([0, 1, 2]).toContain(checked.code);
    const built = await run(["build", "report/fuzz.md", "--formats", "pdf,deck,pptx,html", "--skip-overflow-check"], ws);
    expect([0, 1, 2]).toContain(built.code);
    if (process.env.FUZZ_DEBUG === "2" && built.code !== checked.code) process.stderr.write(built.text);
    if (process.env.FUZZ_DEBUG) process.stderr.write(`fuzz: check ${checked.code} build ${built.code} ${built.text.split("\n").filter((l) => / error /.test(l)).map((l) => l.split(" ")[2]).join(",")}\n`);
    // check and build agree on whether the brief has errors; outputs are all or none.
    expect(built.code === 0).toBe(checked.code === 0);
    expect(existsSync(join(dir, "dist", "fuzz", "brief.pdf"))).toBe(built.code === 0);
    expect(outputsText(dir)).not.toContain(SECRET);
    expect(checked.text + built.text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  } finally {
    rmSync(join(dir, ".."), { recursive: true, force: true });
  }
}

describe("fuzzing check and build", () => {
  it(`holds on ${MINUTES ? `${MINUTES} minutes of` : RUNS} generated briefs (seed ${SEED})`, async () => {
    const params: fc.Parameters<[Case]> = MINUTES ? { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: MINUTES * 60_000, endOnFailure: true } : { seed: SEED, numRuns: RUNS, endOnFailure: true };
    try {
      await fc.assert(fc.asyncProperty(briefCase, holds), params);
    } finally {
      // The closing note reports how many cases ran (each runs check and build).
      process.stderr.write(`fuzz: ${casesRun} cases run (seed ${SEED})\n`);
    }
  }, MINUTES ? MINUTES * 60_000 + 120_000 : 600_000);
});
