// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROME = [process.env.CHROME_PATH, "/usr/bin/chromium"].find((p): p is string => Boolean(p && existsSync(p))) ?? null;

export const NO_CHROME_REASON = "no Chromium installed (apt-get install chromium, or set CHROME_PATH)";

export async function launch(): Promise<Browser> {
  if (!CHROME) throw new Error(NO_CHROME_REASON);
  return chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
