// SHA-256 for cache keys. node:crypto is loaded on first use: ~5 ms of start-up that
// `check`, which formats and caches nothing, would otherwise pay on every run.
// (Through createRequire: process.getBuiltinModule needs Node 20.16, and we support 20.)
import { createRequire } from "node:module";

type Crypto = typeof import("node:crypto");

const load = createRequire(import.meta.url);
let crypto: Crypto | undefined;

/** Hex SHA-256 of a string (UTF-8) or of bytes. */
export function sha256(data: string | Uint8Array): string {
  crypto ??= load("node:crypto") as Crypto;
  return crypto.createHash("sha256").update(data).digest("hex");
}
