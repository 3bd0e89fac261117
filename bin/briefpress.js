#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled ahead of time (npm ci runs `prepare`),
// so start-up never pays for TypeScript or for resolving hundreds of small modules.
import { main } from "../build/bundle/cli.js";

process.exitCode = await main(process.argv.slice(2));
