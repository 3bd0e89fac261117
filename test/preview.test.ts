// briefpress preview (issue 24) as a writer uses it, in real Chromium: the page shows the
// PDF and the deck; save an edit and the PDF changes; save an error and it is listed
// while the last good PDF stays; fix it and the error goes. Ctrl-C leaves nothing running.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROME, NO_CHROME_REASON, launch } from "./helpers/browser.js";
import { BIN } from "./helpers/paths.js";
import { sampleSource, scratchProject } from "./helpers/project.js";

const SHOTS = process.env.BRIEFPRESS_SHOTS ?? "/tmp/briefpress-shots";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the preview page itself (the deck in its frame is tested in deck-contrast). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document, { iframes: false });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

describe.skipIf(!CHROME)(`briefpress preview ${CHROME ? "" : NO_CHROME_REASON}`, () => {
  let dir: string;
  let child: ChildProcess;
  let out = "";
  let url: string;
  let browser: Browser;
  let page: Page;
  const brief = () => join(dir, "report", "x.md");
  const version = () => page.getAttribute("#pages", "data-version");

  beforeAll(async () => {
    dir = scratchProject({ "report/x.md": sampleSource() });
    child = spawn(process.execPath, [BIN, "preview", "report/x.md"], { cwd: dir });
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    url = await new Promise<string>((ok, fail) => {
      const started = Date.now();
      const tick = () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) ok(m[1]!);
        else if (Date.now() - started > 60_000) fail(new Error(`no address printed:\n${out}`));
        else setTimeout(tick, 50);
      };
      tick();
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("serves on 127.0.0.1 only what is the brief's: no listing, no path outside dist/<slug>", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // Wait for the first build's outputs to exist.
    await expect.poll(async () => (await fetch(`${url}state`).then((r) => r.json()) as { pdf: boolean }).pdf, { timeout: 60_000 }).toBe(true);
    for (const path of ["out/", "out/..%2F..%2Freport%2Fx.md", "out/%2e%2e%2fx.md", "report/x.md", "out/.hidden", "../package.json", "pdfjs/", "out/slides.md%00.pdf", "build/cli/main.js"]) {
      const r = await fetch(url + path);
      expect(r.status, path).toBe(404);
    }
    expect((await fetch(`${url}out/brief.pdf`)).status).toBe(200);
    expect((await fetch(`${url}out/slides.html`)).status).toBe(200);
  });

  it("shows the PDF and the deck, and the edit after a save", async () => {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector("#pages")?.getAttribute("data-text")?.includes("Returned to Danger"), null, { timeout: 60_000 });
    expect(await page.locator("#pages canvas").count()).toBeGreaterThan(3);
    const deck = page.frameLocator("#deck");
    await expect.poll(() => deck.locator("section h1").first().textContent(), { timeout: 30_000 }).toContain("Returned to Danger");
    const before = await version();

    writeFileSync(brief(), readFileSync(brief(), "utf8").replace("## What happened", "## What happened in Tumen"));
    await page.waitForFunction(() => document.querySelector("#pages")?.getAttribute("data-text")?.includes("What happened in Tumen"), null, { timeout: 90_000 });
    expect(Number(await version())).toBeGreaterThan(Number(before));
    // From the server's event to the first page drawn (the target: 300 ms).
    const ms = Number(await page.getAttribute("#pages", "data-draw-ms"));
    console.log(`preview: new PDF on screen ${ms} ms after the rebuild's event`);
    // The issue asks 300 ms; CI machines are shared, so the bound here only catches a regression by an order of magnitude.
    expect(ms).toBeLessThan(3000);
    // Every format of the default build was rebuilt by the save, the web edition included.
    const state = (await fetch(`${url}state`).then((r) => r.json())) as { outputs: string[] };
    expect(state.outputs).toEqual(["brief.pdf", "brief.html", "slides.html", "slides.pdf", "slides-notes.pdf", "slides.pptx", "slides.md"]);
    expect(await fetch(`${url}out/brief.html`).then((r) => r.text())).toContain("What happened in Tumen");
    expect(await page.locator("#outputs a").allTextContents()).toEqual(state.outputs);
  });

  it("lists an error on top and keeps the last good PDF; the fix clears it", async () => {
    const good = await version();
    const source = readFileSync(brief(), "utf8");
    writeFileSync(brief(), source.replace("## What happened in Tumen", "## What happened in Tumen[^nowhere]"));
    const error = page.locator("#diagnostics li.error");
    await error.first().waitFor({ timeout: 90_000 });
    expect(await error.first().textContent()).toMatch(/report\/x\.md:\d+:\d+ error footnote\/undefined/);
    expect(await error.first().locator("a").getAttribute("href")).toMatch(/^vscode:\/\/file\/.+\/report\/x\.md:\d+:\d+$/);
    expect(await page.isVisible("#problems")).toBe(true);
    expect(await page.textContent("#status")).toContain("showing the last good PDF");
    expect(await version()).toBe(good);
    expect(await page.locator("#pages canvas").count()).toBeGreaterThan(3);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "preview.png") });
    // The page itself, with a PDF, a deck and a problem listed, is accessible.
    expect(await axe(page)).toEqual([]);

    writeFileSync(brief(), source);
    await page.waitForFunction((v) => document.querySelector("#pages")?.getAttribute("data-version") !== v, good, { timeout: 90_000 });
    expect(await page.locator("#diagnostics li.error").count()).toBe(0);
    expect(await page.isVisible("#problems")).toBe(false);
  });

  it("stops cleanly on Ctrl-C and leaves nothing listening", async () => {
    const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
    child.kill("SIGINT");
    const started = Date.now();
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(fetch(`${url}state`)).rejects.toThrow();
  });
});
