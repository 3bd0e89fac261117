#!/usr/bin/env -S NODE_EXTRA_CA_CERTS= node
// Thin launcher: the CLI is compiled and bundled ahead of time (npm ci runs `prepare`),
// so start-up never pays for TypeScript or for resolving hundreds of small modules.
//
// The shebang blanks NODE_EXTRA_CA_CERTS. Node 20 loads and parses that certificate file
// before any JavaScript runs (~45 ms for Debian's 144-certificate bundle, on every
// command); briefpress makes no TLS connections of its own, so it never needs them.
import { start } from "../build/cli/start.js";

process.exitCode = await start(process.argv.slice(2));
