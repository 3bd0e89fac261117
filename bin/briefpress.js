#!/usr/bin/env node
// Thin launcher: the CLI is compiled ahead of time (npm ci runs `prepare`), so start-up
// never pays for TypeScript.
import { main } from "../build/cli.js";

process.exitCode = await main(process.argv.slice(2));
