// slides.pdf and slides.pptx through marp-cli, which drives a Chromium. Run as a child
// process: marp-cli logs through console and keeps process-wide flags we must not share.
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { EnvironmentError } from "../../model/errors.js";
import { resolvePackage } from "../../world/packages.js";
import { offlineBrowserScript } from "../handwritten.js";

export type DeckExport = "pdf" | "pptx";

export interface ExportInput {
  markdown: string;
  themeCss: string;
  format: DeckExport;
  chromePath: string;
}

export async function exportDeck(input: ExportInput): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "briefpress-deck-"));
  try {
    const md = join(dir, "slides.md");
    const theme = join(dir, "theme.css");
    const out = join(dir, `slides.${input.format}`);
    await writeFile(md, input.markdown);
    await writeFile(theme, input.themeCss);
    const cli = join(dirname(resolvePackage("@marp-team/marp-cli/package.json")), "marp-cli.js");
    // No --allow-local-files (pictures come inlined, handDeckForExport) and no network.
    const browser = join(dir, "chromium-offline.sh");
    await writeFile(browser, offlineBrowserScript(input.chromePath));
    await chmod(browser, 0o755);
    const args = [cli, md, "--no-stdin", "--no-config-file", "--theme", theme, `--${input.format}`, "--browser-path", browser, "--browser-timeout", "120", "-o", out];
    if (input.format === "pdf") args.push("--pdf-notes", "--pdf-outlines");
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, args, { cwd: dir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new EnvironmentError(`marp-cli could not make slides.${input.format}: ${lastLine(stderr) || error.message}`, { cause: error }));
        else resolve();
      });
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function lastLine(s: string): string {
  return s.trim().split("\n").filter(Boolean).pop()?.replace(/\u001b\[[0-9;]*m/g, "") ?? "";
}
