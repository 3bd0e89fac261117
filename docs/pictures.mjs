// Makes the README's two pictures from the build's own output: the sample brief's cover
// page (brief.pdf) and its title slide (slides.pdf, which Chromium prints), each turned
// into a PNG by poppler's pdftoppm. Run from the project root after `npm ci`:
//   node docs/pictures.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SLUG = "china-forced-returns-2024";
const out = mkdtempSync(join(tmpdir(), "briefpress-pictures-"));
execFileSync(process.execPath, [join(ROOT, "bin", "briefpress.js"), "build", `report/${SLUG}.md`, "--formats", "pdf,deck-pdf", "--out", out], { cwd: ROOT, stdio: "inherit" });

/** One page of a PDF as docs/<name>.png, `width` pixels wide. */
function picture(pdf, page, width, name) {
  const stem = join(out, name);
  execFileSync("pdftoppm", ["-png", "-singlefile", "-hide-annotations", "-f", String(page), "-l", String(page), "-scale-to-x", String(width), "-scale-to-y", "-1", pdf, stem]);
  renameSync(`${stem}.png`, join(ROOT, "docs", `${name}.png`));
}

picture(join(out, SLUG, "brief.pdf"), 1, 420, "brief-page");
picture(join(out, SLUG, "slides.pdf"), 1, 640, "slide");
console.log("wrote docs/brief-page.png and docs/slide.png");
