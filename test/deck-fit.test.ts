// Issue 21: sentences split as people write them, bullets shared out evenly, and every
// derived fixture deck measured in Chromium once built: no slide overflows, no body text
// under 18 px at 1280×720.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Inline } from "../src/model/brief.js";
import { plainText } from "../src/model/plain-text.js";
import { chunk, type Point } from "../src/deck/points.js";
import { leadClause, sentences } from "../src/deck/sentences.js";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { barChartPng } from "./helpers/chart.js";
import { ROOT } from "./helpers/paths.js";
import { readPptx } from "./helpers/pptx.js";
import { scratchProject } from "./helpers/project.js";
import { briefpress } from "./helpers/run.js";

const split = (text: string) => sentences([{ kind: "text", text }]).map(plainText);

describe("sentences", () => {
  it("keeps initials, et al., U.N., e.g. and No. 5 inside their sentence", () => {
    expect(split("As Smith, J., and K. Lee showed, it works. Then it stopped.")).toEqual(["As Smith, J., and K. Lee showed, it works.", "Then it stopped."]);
    expect(split("The U.N. High Commissioner spoke. Nobody answered.")).toEqual(["The U.N. High Commissioner spoke.", "Nobody answered."]);
    expect(split("Some groups, e.g. Churches, helped. Others did not.")).toEqual(["Some groups, e.g. Churches, helped.", "Others did not."]);
    expect(split("Kim et al. Found the same. So did we.")).toEqual(["Kim et al. Found the same.", "So did we."]);
    expect(split("See Decree No. 5 of 2020. It was repealed.")).toEqual(["See Decree No. 5 of 2020.", "It was repealed."]);
    expect(split("Returns rose 3.5 per cent. Then 4.2 per cent.")).toEqual(["Returns rose 3.5 per cent.", "Then 4.2 per cent."]);
  });

  it("ends sentences in Arabic, Persian, Urdu, Hindi, Chinese, Japanese and Korean", () => {
    expect(split("عاد اللاجئون. ووجدوا بيوتهم مدمرة؟ نعم")).toHaveLength(3);
    expect(split("پناهندگان بازگشتند. خانه‌ها ویران بود.")).toHaveLength(2);
    expect(split("پناہ گزین واپس آئے۔ گھر تباہ تھے۔")).toHaveLength(2);
    expect(split("शरणार्थी लौट आए। घर नष्ट थे।")).toHaveLength(2);
    expect(split("难民回来了。房屋被毁了！")).toHaveLength(2);
    expect(split("難民が戻った。家は壊れていた。")).toHaveLength(2);
    expect(split("난민이 돌아왔다. 집은 무너졌다.")).toHaveLength(2);
  });

  it("splits inside a language span that holds a whole paragraph, the span kept on each part", () => {
    const inlines: Inline[] = [{ kind: "lang", lang: "ar", children: [{ kind: "text", text: "عاد اللاجئون. ووجدوا بيوتهم مدمرة." }] }];
    const parts = sentences(inlines);
    expect(parts.map(plainText)).toEqual(["عاد اللاجئون.", "ووجدوا بيوتهم مدمرة."]);
    expect(parts.every((p) => p.length === 1 && p[0]?.kind === "lang")).toBe(true);
  });

  it("cuts an overlong sentence to its lead clause, at a clause mark", () => {
    const text = "The ministry, which had promised a review of every case older than a year, has not begun one, and the courts sit on fewer days each year than the one before it.";
    expect(plainText(leadClause([{ kind: "text", text }], 90))).toBe("The ministry, which had promised a review of every case older than a year…");
  });
});

describe("bullets over slides", () => {
  const point = (text: string, from: number): Point => ({ bullet: { inlines: [{ kind: "text", text }], cites: [], sub: [] }, from, note: text });

  it("shares four points out two and two, never three and one", () => {
    const points = [0, 1, 2, 3].map((i) => point(`Point ${i} `.padEnd(120, "x"), i));
    expect(chunk(points, 4, 420).map((g) => g.length)).toEqual([2, 2]);
  });

  it("gives more slides when fitting asks, a lead-in's list shared out", () => {
    const lead: Point = { ...point("Three groups:", 0), bullet: { inlines: [{ kind: "text", text: "Three groups:" }], cites: [], sub: [1, 2, 3, 4, 5, 6].map((i) => point(`Group ${i}`, 0).bullet) } };
    const groups = chunk([lead], 4, 420, 2);
    expect(groups.map((g) => g.flatMap((p) => p.bullet.sub.map((s) => plainText(s.inlines))))).toEqual([
      ["Group 1", "Group 2", "Group 3"],
      ["Group 4", "Group 5", "Group 6"],
    ]);
  });
});

/** Every slide of a slides.html: how far its content runs past the slide, and its smallest body text. */
async function measure(html: string): Promise<Array<{ slide: number; over: number; font: number }>> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    return await page.$$eval(".marpit > svg > foreignObject > section", (sections) =>
      sections.map((s, i) => {
        const box = s.getBoundingClientRect();
        const scale = box.height / s.clientHeight || 1;
        let over = s.scrollHeight - s.clientHeight;
        for (const el of s.querySelectorAll("h1, h2, p, li, table, img, blockquote")) {
          const r = el.getBoundingClientRect();
          over = Math.max(over, (r.bottom - box.bottom) / scale, (r.right - box.right) / scale);
        }
        let font = Infinity;
        for (const el of s.querySelectorAll("li, td, th, blockquote, p")) {
          if (![...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim())) continue;
          const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
          font = Math.min(font, parseFloat(getComputedStyle(el).fontSize) * zoom);
        }
        return { slide: i + 1, over: Math.round(over), font: Number.isFinite(font) ? font : 99 };
      }),
    );
  } finally {
    await browser.close();
  }
}

describe.skipIf(!CHROME)(`every fixture deck fits${CHROME ? "" : ` (skipped: ${NO_CHROME_REASON})`}`, () => {
  it.each(["fit", "overflow", "speaker"])("test/fixtures/slides/%s.md: 0 overflow, body text at least 18 px, exit 0", async (name) => {
    const dir = scratchProject({ [`report/${name}.md`]: readFileSync(join(ROOT, "test/fixtures/slides", `${name}.md`), "utf8") });
    writeFileSync(join(dir, "assets", "remand-chart.png"), await barChartPng([9000, 9800, 10500, 11200, 12000]));
    // A tall picture, to be scaled into the space under its title and caption.
    const tall = `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="900"><rect width="100%" height="100%" fill="#fff"/><rect x="50" y="100" width="100" height="780" fill="#1f3a5f"/></svg>`;
    writeFileSync(join(dir, "assets", "tall-chart.png"), await sharp(Buffer.from(tall)).png().toBuffer());
    const r = briefpress(["build", `report/${name}.md`, "--formats", "deck"], { cwd: dir });
    expect(r.stderr).not.toMatch(/slides\/(overflow|unfit)/);
    expect(r.code).toBe(0);
    const slides = await measure(join(dir, "dist", name, "slides.html"));
    expect(slides.length).toBeGreaterThan(3);
    expect(slides.filter((s) => s.over > 1)).toEqual([]);
    expect(slides.filter((s) => s.font < 18)).toEqual([]);
  });
});

describe("a PPTX that survives PowerPoint", () => {
  const brief = `---
title: "Control characters and time zones"
organisation: Pptx desk
date: 2025-02-01
---

## Pasted from Word

A line with a vertical tab\u000Bin it and a form feed\u000Chere, and a NUL\u0000 too (Kim 2020).

## Sources

Min-ji Kim. (2020). A report on returns. Test Publisher.
`;

  it("keeps its XML valid whatever control characters the text holds, and its bytes whatever the time zone", () => {
    const dir = scratchProject({ "report/x.md": brief });
    const utc = briefpress(["build", "report/x.md", "--formats", "pptx", "--out", "utc"], { cwd: dir, env: { TZ: "UTC" } });
    expect(utc.code).toBe(0);
    const far = briefpress(["build", "report/x.md", "--formats", "pptx", "--out", "kiritimati"], { cwd: dir, env: { TZ: "Pacific/Kiritimati" } });
    expect(far.code).toBe(0);
    const a = readFileSync(join(dir, "utc", "x", "slides.pptx"));
    expect(a.equals(readFileSync(join(dir, "kiritimati", "x", "slides.pptx")))).toBe(true);
    const pptx = readPptx(join(dir, "utc", "x", "slides.pptx"));
    for (const [name, data] of Object.entries(pptx.files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect(Buffer.from(data).toString("utf8"), name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    expect(pptx.slides.flatMap((s) => s.texts).join(" ")).toContain("vertical tab");
  });
});
