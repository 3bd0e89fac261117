// A chart exported as <svg width=… height=… viewBox=…> (how most tools write one) fills
// the figure box the layout gave it: full size, centred, its caption right under it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { briefpress } from "./helpers/run.js";
import { scratchProject } from "./helpers/project.js";
import { readPdf } from "./helpers/pdf.js";

const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200" fill="#ff0000"/></svg>`;
const BRIEF = `---
title: "A chart"
---

## Findings

Returns rose each year.

![Bars rising from left to right](../assets/chart.svg "Chart: Test desk")

The rise was steepest in the last year.

## Sources

Desk, T. (2025). Field notes. Test Press.
`;

/** The bounding box of pure red pixels on a page rendered at 72 dpi (1 px = 1 pt). */
async function redBox(png: string): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i]! > 240 && data[i + 1]! < 20 && data[i + 2]! < 20) {
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y);
      }
    }
  }
  return box;
}

describe("an SVG figure with its own width and height", () => {
  it("is drawn at its box's size, centred on the text block", async () => {
    const dir = scratchProject({ "report/chart.md": BRIEF, "assets/chart.svg": CHART });
    const built = briefpress(["build", "report/chart.md", "--formats", "pdf"], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const pdf = join(dir, "dist", "chart", "brief.pdf");
    execFileSync("pdftoppm", ["-png", "-r", "72", "-f", "1", "-l", "1", pdf, join(dir, "page")]);
    const box = await redBox(join(dir, "page-1.png"));
    // 400 pt wide in a 408 pt text block on A4 (595 pt): centred at 297.6 pt.
    expect(box.right - box.left + 1).toBeGreaterThanOrEqual(398);
    expect(box.right - box.left + 1).toBeLessThanOrEqual(402);
    expect(box.bottom - box.top + 1).toBeGreaterThanOrEqual(198);
    expect(Math.abs((box.left + box.right + 1) / 2 - 595.28 / 2)).toBeLessThan(3);
    const text = (await readPdf(pdf)).pages[0]?.text ?? "";
    expect(text).toContain("Chart: Test desk");
  });
});
