#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled ahead of time (npm ci runs `prepare`),
// so start-up never pays for TypeScript or for resolving hundreds of small modules.
import { start } from "../build/start.js";

process.exitCode = await start(process.argv.slice(2));
