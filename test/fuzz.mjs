// npm run fuzz -- --minutes 10 [--seed N]: the fuzzing suite (test/adversarial/fuzz.test.ts)
// for a time budget instead of CI's fixed number of cases. Prints what vitest prints;
// a failure shows the shrunk case and the seed to replay it with.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" }, seed: { type: "string" } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error("fuzz: --minutes must be a positive number");
  process.exit(2);
}
const seed = values.seed ?? String(Date.now() % 2 ** 31);
console.log(`fuzz: ${minutes} minute(s), seed ${seed}`);
const r = spawnSync("npx", ["vitest", "run", "test/adversarial/fuzz.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_MINUTES: String(minutes), FUZZ_SEED: seed, FUZZ_DEBUG: process.env.FUZZ_DEBUG ?? "" },
});
process.exit(r.status ?? 1);
