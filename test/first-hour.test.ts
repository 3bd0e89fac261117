// A new user's first hour, as they meet it: `new` then `build` works for every starting
// shape, `deck` hands over the slides, the command line answers --version and --help and
// corrects a mistyped command, and nothing is written beside a brief but dist/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { briefpress } from "./helpers/run.js";

const emptyProject = () => mkdtempSync(join(tmpdir(), "briefpress-first-"));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

/** Every file under `dir`, as relative paths. */
function tree(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

describe("briefpress new", () => {
  it("starts a brief in an empty folder that builds, as written, into every output", () => {
    const dir = emptyProject();
    const made = briefpress(["new", "my-brief"], { cwd: dir });
    expect(made.code).toBe(0);
    expect(tree(dir)).toEqual(["assets/my-brief-chart.svg", "assets/my-brief-cover.svg", "briefpress.yaml", "report/my-brief.md"]);
    expect(made.stdout).toContain("npx briefpress build report/my-brief.md");
    const checked = briefpress(["check", "report/my-brief.md"], { cwd: dir });
    expect(checked.stdout).toMatch(/^0 errors, 0 warnings$/m);
    const built = briefpress(["build", "report/my-brief.md"], { cwd: dir });
    expect(built.code).toBe(0);
    expect(readdirSync(join(dir, "dist", "my-brief")).sort()).toEqual(["brief.html", "brief.pdf", "slides-notes.pdf", "slides.html", "slides.md", "slides.pdf", "slides.pptx"]);
  });

  it.each(["quarto", "word", "plain"])("--like %s builds with exit 0 and no error or warning", (like) => {
    const dir = emptyProject();
    expect(briefpress(["new", "start", "--like", like], { cwd: dir }).code).toBe(0);
    const brief = readdirSync(join(dir, "report")).find((f) => /^start\.(?:md|qmd)$/.test(f));
    expect(brief).toBeDefined();
    const built = briefpress(["build", `report/${brief}`, "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
    expect(built.code).toBe(0);
    expect(built.stderr).not.toMatch(/ (?:error|warning) /);
    expect(existsSync(join(dir, "dist", "start", "brief.pdf"))).toBe(true);
  });

  it("never overwrites: a second new of the same slug changes nothing and says why", () => {
    const dir = emptyProject();
    briefpress(["new", "x"], { cwd: dir });
    writeFileSync(join(dir, "report", "x.md"), "mine");
    const again = briefpress(["new", "x", "--like", "plain"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/report\/x\.md already exists; briefpress new never overwrites/);
    expect(readFileSync(join(dir, "report", "x.md"), "utf8")).toBe("mine");
  });

  it("keeps a project's own briefpress.yaml and pictures", () => {
    const dir = emptyProject();
    writeFileSync(join(dir, "briefpress.yaml"), "paper: letter\n");
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "assets", "y-cover.svg"), "<svg/>");
    const r = briefpress(["new", "y"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "briefpress.yaml"), "utf8")).toBe("paper: letter\n");
    expect(readFileSync(join(dir, "assets", "y-cover.svg"), "utf8")).toBe("<svg/>");
    expect(r.stdout).toContain("left as they were (already there): assets/y-cover.svg");
  });
});

describe("briefpress deck", () => {
  it("copies the derived deck to slides/<slug>.md, which the next build then uses", () => {
    const dir = emptyProject();
    briefpress(["new", "d"], { cwd: dir });
    const r = briefpress(["deck", "d"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote slides/d.md");
    const deck = readFileSync(join(dir, "slides", "d.md"), "utf8");
    // Picture paths now start from slides/, where the hand-written deck lives.
    expect(deck).toContain("](../assets/d-cover.svg)");
    writeFileSync(join(dir, "slides", "d.md"), deck.replace("# D", "# My own title slide"));
    const built = briefpress(["build", "report/d.md", "--formats", "deck", "--skip-overflow-check"], { cwd: dir });
    expect(built.code).toBe(0);
    expect(readFileSync(join(dir, "dist", "d", "slides.html"), "utf8")).toContain("My own title slide");
    expect(briefpress(["deck", "d"], { cwd: dir }).stderr).toMatch(/slides\/d\.md already exists/);
  });
});

describe("the command line", () => {
  it("a brief named in the wrong case or folder is found and suggested", () => {
    const dir = emptyProject();
    briefpress(["new", "camp"], { cwd: dir });
    const r = briefpress(["check", "Camp.md"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("briefpress: Camp.md: no such file — did you mean report/camp.md?");
  });

  it("a bibliography not beside the brief names the one elsewhere in the project, from the brief", () => {
    const dir = emptyProject();
    briefpress(["new", "q", "--like", "quarto"], { cwd: dir });
    mkdirSync(join(dir, "refs"));
    renameSync(join(dir, "report", "q.bib"), join(dir, "refs", "q.bib"));
    const r = briefpress(["check", "report/q.qmd"], { cwd: dir });
    expect(r.stdout).toContain('no file report/q.bib — did you mean "../refs/q.bib"?');
    expect(r.stdout).toMatch(/^1 error, 0 warnings/m);
  });

  it("--version prints the package's version", () => {
    expect(briefpress(["--version"]).stdout.trim()).toBe(`briefpress ${pkg.version}`);
  });

  it("--help names every command; <command> --help shows its options and examples", () => {
    const help = briefpress(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["new", "build", "check", "watch", "deck"]) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    const build = briefpress(["build", "--help"]);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("--no-cache");
    expect(build.stdout).toMatch(/Examples:\n  briefpress build/);
  });

  it("an unknown command lists the commands and the one probably meant", () => {
    const r = briefpress(["buidl"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('briefpress: unknown command "buidl" — did you mean "build"? — the commands are: new, build, check, watch, preview, deck (briefpress --help explains each)');
  });

  it("an unknown flag names the flag meant and the ones the command takes", () => {
    const r = briefpress(["check", "--stirct"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^briefpress: unknown option --stirct for "briefpress check" — did you mean --strict\? — check takes: --format, --strict, /);
  });

  it("on a terminal a batch shows brief n of N with its time; elsewhere only the result lines", async () => {
    type P = { progress(io: { out(t: string): void; tty?: boolean }, total: number): { starting(f: string): void; finished(l: string): void; end(): void } };
    const { progress } = (await import(pathToFileURL(join(ROOT, "build", "cli", "progress.js")).href)) as P;
    const run = (tty: boolean) => {
      let text = "";
      const p = progress({ out: (t) => (text += t), tty }, 2);
      for (const f of ["a.md", "b.md"]) {
        p.starting(f);
        p.finished(`${f} → dist/x/brief.pdf (10 ms)`);
      }
      p.end();
      return text;
    };
    expect(run(false)).toBe("a.md → dist/x/brief.pdf (10 ms)\nb.md → dist/x/brief.pdf (10 ms)\n");
    const shown = run(true);
    expect(shown).toContain("[1/2] building a.md…");
    expect(shown).toContain("[2/2] b.md → dist/x/brief.pdf (10 ms)\n");
    expect(shown).toMatch(/2 briefs in \d+\.\d s\n$/);
  });
});

describe("caches go where caches go", () => {
  // A style named in the front matter is formatted once and cached.
  const brief = "---\ntitle: A note\ncitation-style: apa\n---\n\nText (Ruiz 2024).\n\n## Sources\n\nAna Ruiz. (2024). A report. Camp Watch.\n";

  it("check on a brief in a folder outside the project writes nothing in that folder", () => {
    const folder = emptyProject();
    const cache = mkdtempSync(join(tmpdir(), "briefpress-xdg-"));
    writeFileSync(join(folder, "note.md"), brief);
    const r = briefpress(["check", "note.md"], { cwd: folder, env: { XDG_CACHE_HOME: cache } });
    expect(r.code).toBe(0);
    expect(tree(folder)).toEqual(["note.md"]);
    expect(readdirSync(join(cache, "briefpress")).length).toBeGreaterThan(0);
    // From another folder, by path: the same.
    const other = briefpress(["check", join(folder, "note.md")], { cwd: emptyProject(), env: { XDG_CACHE_HOME: cache } });
    expect(other.code).toBe(0);
    expect(tree(folder)).toEqual(["note.md"]);
  });

  it("--no-cache reads and writes no cache at all", () => {
    const folder = emptyProject();
    const cache = mkdtempSync(join(tmpdir(), "briefpress-xdg-"));
    writeFileSync(join(folder, "note.md"), brief);
    expect(briefpress(["check", "note.md", "--no-cache"], { cwd: folder, env: { XDG_CACHE_HOME: cache } }).code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
    expect(tree(folder)).toEqual(["note.md"]);
  });
});
