// Where a Chromium lives on this machine: CHROME_PATH, else Debian's and others' usual
// places. Looked up once per command; null when there is none.
import { existsSync } from "node:fs";

export function chromiumPath(env: NodeJS.ProcessEnv): string | null {
  const candidates = [env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}
