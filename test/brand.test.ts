// briefpress.yaml, as an NGO adopting briefpress writes it: its name, logo and colours on
// the cover and the slides, its paper for every brief; bad settings fail at line:col.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { readPdf, type PdfReading } from "./helpers/pdf.js";
import { checkPdfUa } from "./helpers/pdfua.js";
import { sampleSource, scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const GREEN = "#0B6E4F";
const CONFIG = `organisation:
  name: Northern Rights Observatory
  logo: assets/logo.png
  contact: "Research desk, Northern Rights Observatory"
colors:
  primary: "${GREEN}"
  accent: "#C8553D"
paper: letter
`;

/** The sample brief without its own organisation and contact, so the project's apply. */
const briefWithoutOrganisation = () => sampleSource().replace(/^organisation:.*\n/m, "").replace(/^contact:.*\n/m, "");

async function writeLogo(dir: string): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" rx="40" fill="${GREEN}"/><circle cx="120" cy="120" r="70" fill="none" stroke="#fff" stroke-width="22"/></svg>`;
  await sharp(Buffer.from(svg)).png().toFile(join(dir, "assets", "logo.png"));
}

/** The colour of one pixel of a PNG page image. */
async function pixel(png: string, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, "0")).join("")}`;
}

const near = (a: string, b: string) => [1, 3, 5].every((i) => Math.abs(Number.parseInt(a.slice(i, i + 2), 16) - Number.parseInt(b.slice(i, i + 2), 16)) <= 6);

describe("a project with briefpress.yaml", () => {
  let dir = "";
  let pdf: PdfReading;
  let out = "";
  beforeAll(async () => {
    dir = scratchProject({ "briefpress.yaml": CONFIG, "report/x.md": briefWithoutOrganisation() });
    await writeLogo(dir);
    const r = briefpress(["build", "report/x.md", "--formats", "pdf,deck", "--skip-overflow-check"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    out = join(dir, "dist", "x");
    pdf = await readPdf(join(out, "brief.pdf"));
  }, 120_000);

  it("prints Letter pages, the paper it names", () => {
    expect(pdf.pages.every((p) => p.width === 612 && p.height === 792)).toBe(true);
  });

  it("puts the organisation's name on the cover once, and its logo on page 1", () => {
    const cover = pdf.pages[0]?.text ?? "";
    expect(cover.split("Northern Rights Observatory").length - 1).toBe(1);
    const images = execFileSync("pdfimages", ["-list", "-f", "1", "-l", "1", join(out, "brief.pdf")], { encoding: "utf8" });
    // The logo is the square PNG, at print resolution (the cover picture is an SVG, drawn as vectors).
    expect(images).toMatch(/^\s*1\s+\d+\s+image\s+(\d+)\s+\1\s/m);
    // Small in every running header, drawn from one image object.
    const all = execFileSync("pdfimages", ["-list", join(out, "brief.pdf")], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    const header = all.map((l) => l.trim().split(/\s+/)).filter((c) => Number(c[0]) > 1);
    expect(header.length).toBe(pdf.pages.length - 1);
    expect(new Set(header.map((c) => c[10])).size).toBe(1);
    // The running footer names the organisation from briefpress.yaml too.
    expect(pdf.pages[1]?.text).toContain("Northern Rights Observatory");
  });

  it("stays PDF/UA: the logo beside the name is decoration", async () => {
    expect((await checkPdfUa(join(out, "brief.pdf"))).findings).toEqual([]);
  });

  it("paints the cover band and the headings in the primary colour", async () => {
    execFileSync("pdftoppm", ["-png", "-r", "72", "-f", "1", "-l", "1", join(out, "brief.pdf"), join(dir, "page")]);
    const png = join(dir, readdirSync(dir).find((f) => f.startsWith("page") && f.endsWith(".png")) ?? "");
    // A point in the band, right of the name.
    expect(near(await pixel(png, 560, 20), GREEN)).toBe(true);
  });

  it("gives the deck the same palette: slide titles in the primary colour", async (ctx) => {
    if (!CHROME) return ctx.skip(NO_CHROME_REASON);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent(readFileSync(join(out, "slides.html"), "utf8"));
      const colours = await page.$$eval("section h2", (hs) => hs.map((h) => getComputedStyle(h).color));
      expect(colours.length).toBeGreaterThan(2);
      // #0B6E4F is rgb(11, 110, 79).
      expect(new Set(colours)).toEqual(new Set(["rgb(11, 110, 79)"]));
      const band = await page.$eval("section.title", (s) => getComputedStyle(s).backgroundColor);
      expect(band).toBe("rgb(11, 110, 79)");
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("lets a brief's front matter override the project, key by key", async () => {
    writeFileSync(join(dir, "report", "y.md"), sampleSource());
    const r = briefpress(["build", "report/y.md", "--formats", "pdf"], { cwd: dir });
    expect(r.code).toBe(0);
    const own = await readPdf(join(dir, "dist", "y", "brief.pdf"));
    expect(own.pages[0]?.text).toContain("Global Human Rights Defence");
    expect(own.pages[0]?.text).not.toContain("Northern Rights Observatory");
    expect(own.pages[0]?.width).toBe(612); // paper still from briefpress.yaml
  });
});

describe("a bad briefpress.yaml", () => {
  const check = (config: string) =>
    briefpress(["check", "report/x.md"], { cwd: scratchProject({ "briefpress.yaml": config, "report/x.md": briefWithoutOrganisation() }) });

  it("fails a palette whose primary colour is too light for white text, naming the pair", () => {
    const r = check(CONFIG.replace(GREEN, "#7FD1AE"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/briefpress\.yaml:6:12 error config\/contrast colors\.primary #7fd1ae and white .* contrast of 1\.\d\d:1; WCAG AA needs 4\.5:1/);
  });

  it("suggests the nearest shade that passes, a hex value that really reaches 4.5:1 with white", () => {
    for (const [colour, needs] of [["#7FD1AE", 4.5], ["#E94F37", 4.5], ["#9AA0A6", 4.5]] as const) {
      const r = check(CONFIG.replace(GREEN, colour));
      const hint = /nearest shade of #[0-9a-f]{6}/.test(r.stdout) ? /(#[0-9a-f]{6}) is the nearest shade of/.exec(r.stdout)?.[1] : undefined;
      expect(hint, r.stdout).toBeDefined();
      // WCAG 2's ratio, computed here on its own.
      const lum = (hex: string) => {
        const [red, green, blue] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
      };
      const ratio = (hex: string) => 1.05 / (lum(hex) + 0.05);
      expect(ratio(hint ?? "#ffffff"), `${colour} → ${hint}`).toBeGreaterThanOrEqual(needs);
      // The nearest: a shade only just past the line, not black.
      expect(ratio(hint ?? "#000000"), `${colour} → ${hint}`).toBeLessThan(needs + 0.3);
    }
  });

  it("reports a project-wide problem once, however many briefs it stops", () => {
    const dir = scratchProject({ "briefpress.yaml": CONFIG.replace(GREEN, "#7FD1AE").replace("  logo: assets/logo.png\n", ""), "report/a.md": briefWithoutOrganisation(), "report/b.md": briefWithoutOrganisation() });
    const r = briefpress(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/config\/contrast/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^1 error, 0 warnings$/m);
  });

  it("names an unknown key at its line and column, with the key it meant", () => {
    const r = check(CONFIG.replace("  logo:", "  lgo:"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/briefpress\.yaml:3:3 error config\/schema unknown key "organisation\.lgo"/);
    expect(r.stdout).toContain('did you mean "logo"?');
  });

  it("checks a colour's form", () => {
    const r = check(CONFIG.replace(GREEN, "green"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/briefpress\.yaml:6:12 error config\/schema "colors\.primary": expected a colour written "#RRGGBB"/);
  });

  it("reports a logo that is not there like any missing image, once", () => {
    const r = check(CONFIG);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/briefpress\.yaml:3:9 error image\/load logo: image "assets\/logo\.png" not found/g)).toHaveLength(1);
  });

  it("reports broken YAML at its place", () => {
    const r = check("colors:\n  primary: [\n");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/briefpress\.yaml:\d+:\d+ error config\/yaml briefpress\.yaml is not valid YAML/);
  });
});
