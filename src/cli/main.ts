// The thin CLI: find the command, parse its arguments (commands.ts is the one table of
// commands and flags), call the library, map results to output and exit codes (0 clean,
// 1 content errors, 2 usage or environment). No stack traces for user mistakes.
import { readFileSync } from "node:fs";
import { UsageError, isUserFacing } from "../model/errors.js";
import { ownFile } from "../world/packages.js";
import { Workspace } from "../world/workspace.js";
import { nearest, parseCommand } from "./args.js";
import { COMMANDS, commandHelp, commandNamed, generalHelp } from "./commands.js";
import { runBuild, runCheck, runWatch, type Io } from "./run.js";
import { runNew } from "./new.js";

export { setImporter } from "../world/packages.js";
export type { Io } from "./run.js";

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: process.stdout.isTTY === true,
};

export async function main(argv: string[], io: Io = processIo, ws = new Workspace(process.cwd())): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err(generalHelp(version()));
      return 2;
    }
    if (command === "--version" || command === "-v" || command === "version") {
      io.out(`briefpress ${version()}\n`);
      return 0;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      const about = rest[0] === undefined ? undefined : commandNamed(rest[0]);
      if (rest[0] !== undefined && !about) throw unknownCommand(rest[0]);
      io.out(about ? commandHelp(about) : generalHelp(version()));
      return 0;
    }
    const found = commandNamed(command);
    if (!found) throw unknownCommand(command);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(commandHelp(found));
      return 0;
    }
    // "--links" alone means "check the links"; parseArgs wants a value for a string flag.
    const parsed = parseCommand(found, found.name === "check" ? rest.map((a) => (a === "--links" ? "--links=cached" : a)) : rest);
    // --no-cache: the same project, with the user's cache folder left alone.
    const here = parsed.values["no-cache"] ? new Workspace(ws.root, ws.env, { ...ws.options, cache: false }) : ws;
    switch (found.name) {
      case "build":
        return await runBuild(parsed, io, here);
      case "check":
        return await runCheck(parsed, io, here);
      case "preview": {
        const { runPreview } = await import("../preview/command.js");
        return await runPreview(parsed, io, here);
      }
      case "watch":
        return await runWatch(parsed, io, here);
      case "new":
        return runNew(parsed, io, here);
      case "deck": {
        // The deck is derived by the build engines, which `check`'s start-up leaves out.
        const { runDeck } = await import("./deck.js");
        return await runDeck(parsed, io, here);
      }
      default:
        throw new Error(`command "${found.name}" is in the table but has no runner`);
    }
  } catch (e) {
    if (isUserFacing(e)) {
      io.err(`briefpress: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

function unknownCommand(word: string): UsageError {
  const names = COMMANDS.map((c) => c.name);
  const near = word.startsWith("-") ? nearest(word.replace(/^-+/, ""), ["help", "version"]) : nearest(word, names);
  const meant = near ? ` — did you mean "${word.startsWith("-") ? `--${near}` : near}"?` : "";
  const what = word.startsWith("-") ? "option" : "command";
  return new UsageError(`unknown ${what} "${word}"${meant} — the commands are: ${names.join(", ")} (briefpress --help explains each)`);
}

/** briefpress's own version, from its package.json. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(ownFile("package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}
