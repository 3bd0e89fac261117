import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "briefpress.js");
export const SAMPLE = "report/china-forced-returns-2024.md";
export const SAMPLE_SLUG = "china-forced-returns-2024";
