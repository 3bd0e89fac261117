// Compile step (after bundle.ts): makes the V8 code caches start.ts runs the CommonJS
// bundles with. It builds and checks a warm-up brief through them, so the functions a
// run needs are compiled, then saves V8's compiled code. Run in its own process with
// Node's default flags: V8 rejects a cache made under other flags. The warm-up brief is
// written here; no user's words are involved.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeCachePath, loadCachedBundle } from "../build/cli/start.js";
/** Every kind of block, a citation and its source, a note, Korean and Chinese names, Quarto syntax. */
const WARM_UP = `---
title: "Warm-up"
subtitle: "A brief that touches every part of the engine"
authors:
  - name: Desk
    role: Research
organisation: briefpress
date: 2020-01-01
summary: A short summary.
key_points:
  - One point (Author 2020).
---

## First section

Body text in *italic*, **bold** and ***both***, with a [link](https://example.org) and a
citation (Author 2020).[^1] Figures: 1,234 — “quoted” ‘words’; fi fl ffi. Names: 윤석열,
金正恩, 赵乐际.

::: slide
- A slide point (Author 2020).
:::

- A bullet
  1. A number

> A quotation (Author 2020).

| Column | Value |
| --- | --- |
| Row | 1 |

: Values {#tbl-values}

::: {.callout-note}
Quarto syntax too: @tbl-values, $x^2$ and a chunk that is never run.
:::

\`\`\`{r}
#| label: setup
1 + 1
\`\`\`

## Second section

More text, https://example.org/a/long/address/that/wraps, and (Author 2020, 12).

## Third section

Text.

## Fourth section

Text.

[^1]: A note.

## Sources

Author, A. (2020). *A title*. Publisher. https://example.org
`;
const dir = mkdtempSync(join(tmpdir(), "briefpress-code-cache-"));
try {
  mkdirSync(join(dir, "node_modules"));
  writeFileSync(join(dir, "warm.md"), WARM_UP);
  // The warm-up's notes (its maths and chunk are reported as information) are shown only
  // when it fails.
  let said = "";
  const silent = { out: () => undefined, err: (text) => void (said += text) };
  process.chdir(dir);
  const full = loadCachedBundle("briefpress", false);
  for (const formats of ["pdf,deck", "pdf"]) {
    const code = await full.cli.main(["build", "warm.md", "--formats", formats, "--skip-overflow-check"], silent);
    if (code !== 0)
      throw new Error(`code-cache warm-up build failed (exit ${code})\n${said}`);
  }
  writeFileSync(codeCachePath("briefpress"), full.script.createCachedData());
  const check = loadCachedBundle("check", false);
  if ((await check.cli.main(["check", "warm.md"], silent)) !== 0)
    throw new Error(`code-cache warm-up check failed\n${said}`);
  writeFileSync(codeCachePath("check"), check.script.createCachedData());
}
finally {
  process.chdir(tmpdir());
  rmSync(dir, { recursive: true, force: true });
}
