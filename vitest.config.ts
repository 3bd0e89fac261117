import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/build-sample.ts"],
    // Building PDFs and driving Chromium is real work: give it time, not retries.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // CI reads the JSON report for its "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
    pool: "forks",
  },
});
