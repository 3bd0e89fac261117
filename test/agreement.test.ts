// check and build agree (issue 18): `check` runs prepare(), `build` runs prepare() and then
// the renderers, so a brief `check` passes never fails to build, and every error `build`
// reports was reported by `check` first, at the same place. Run over every fixture the
// suite has, plus the cases that once slipped between the two (a picture cut short or
// too large, controls pasted from Windows, a style file missing or broken, deep emphasis).
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOGUE, isAllowedSeverity } from "../src/model/catalogue.js";
import type { Diagnostic } from "../src/model/diagnostics.js";
import { buildBrief } from "../src/pipeline/build.js";
import { prepare } from "../src/pipeline/prepare.js";
import { FontBook } from "../src/text/fonts.js";
import { Workspace } from "../src/world/workspace.js";
import { ROOT } from "./helpers/paths.js";
import { scratchProject } from "./helpers/project.js";

const BRIEF = /\.(?:md|qmd|rmd)$/i;

function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtures(path);
    return BRIEF.test(name) && !name.startsWith("_") ? [relative(ROOT, path)] : [];
  });
}

const errors = (list: readonly Diagnostic[]) =>
  list
    .filter((d) => d.severity === "error")
    .map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.ruleId}`)
    .sort();

async function agreement(ws: Workspace, fonts: FontBook, file: string): Promise<{ check: string[]; build: string[]; all: Diagnostic[] }> {
  const checked = prepare(file, ws);
  const built = await buildBrief(file, ws, { outDir: "dist", formats: ["pdf", "deck", "pptx"], chromePath: null, checkOverflow: false, write: false }, fonts);
  return { check: errors(checked.diagnostics), build: errors(built.diagnostics), all: [...checked.diagnostics, ...built.diagnostics] };
}

describe("check and build agree", () => {
  const ws = new Workspace(ROOT);
  const fonts = new FontBook(ws);
  const seen: Diagnostic[] = [];

  for (const file of fixtures(join(ROOT, "test", "fixtures"))) {
    it(`${file}: build reports exactly the errors check reports`, async () => {
      const r = await agreement(ws, fonts, file);
      seen.push(...r.all);
      expect(r.build).toEqual(r.check);
    });
  }

  it("pictures cut short or too large are found by check, where build would fail", async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, "assets", "bad"), { recursive: true });
    // A PNG signature and header with no image data; a header that claims 30,000² pixels.
    const header = (side: number) => {
      const ihdr = Buffer.alloc(25);
      ihdr.writeUInt32BE(13, 0);
      ihdr.write("IHDR", 4, "latin1");
      ihdr.writeUInt32BE(side, 8);
      ihdr.writeUInt32BE(side, 12);
      ihdr.writeUInt8(8, 16);
      ihdr.writeUInt8(2, 17);
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
    };
    writeFileSync(join(dir, "assets", "bad", "cut.png"), header(400));
    writeFileSync(join(dir, "assets", "bad", "huge.png"), header(30_000));
    for (const name of ["cut", "huge"]) {
      writeFileSync(join(dir, "report", `${name}.md`), `---\ntitle: A picture\n---\nText before.\n\n![A chart of returns](../assets/bad/${name}.png "Credit: the desk")\n`);
    }
    const local = new Workspace(dir);
    const localFonts = new FontBook(local);
    const cut = await agreement(local, localFonts, "report/cut.md");
    const huge = await agreement(local, localFonts, "report/huge.md");
    expect(cut.check).toEqual(["report/cut.md:6:1 image/load"]);
    expect(cut.build).toEqual(cut.check);
    expect(huge.check).toEqual(["report/huge.md:6:1 image/load"]);
    expect(huge.build).toEqual(huge.check);
    const message = huge.all.find((d) => d.ruleId === "image/load")?.message ?? "";
    expect(message).toContain("30000 × 30000 pixels");
  });

  it("the cases that once slipped through are reported by check, each once", async () => {
    const at = (name: string) => `test/fixtures/agreement/${name}`;
    const missing = await agreement(ws, fonts, at("style-missing.md"));
    expect(missing.check).toEqual([`${at("style-missing.md")}:3:1 citation/style`]);
    const broken = await agreement(ws, fonts, at("style-broken.md"));
    expect(broken.check).toEqual([`${at("style-broken.md")}:3:1 citation/style`]);
    const brokenMessage = broken.all.find((d) => d.ruleId === "citation/style")?.message ?? "";
    expect(brokenMessage).not.toMatch(/Cannot read properties|undefined/);
    const controls = await agreement(ws, fonts, at("controls.md"));
    expect(controls.check).toEqual([]);
    expect(controls.all.filter((d) => d.ruleId === "text/control")).toHaveLength(2); // once from check, once from build's own prepare()
    const deep = await agreement(ws, fonts, at("deep-emphasis.md"));
    expect(deep.build).toEqual(deep.check);
  });

  afterAll(() => {
    // Every diagnostic any fixture produced is one the catalogue declares, at a severity it allows.
    const wrong = seen.filter((d) => !(d.ruleId in CATALOGUE) || !isAllowedSeverity(d.ruleId, d.severity));
    expect(wrong.map((d) => `${d.ruleId} ${d.severity}`)).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
  });
});
