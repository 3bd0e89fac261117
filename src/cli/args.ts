// Command-line words → values, with node:util's parseArgs. Its own messages ("Unknown
// option '--colour'. To specify a positional argument starting with a '-'…") are
// replaced by ours: the flags that command takes, and the one probably meant.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../model/errors.js";
import { editDistance } from "../text/edit-distance.js";
import { COMMANDS, type Command } from "./commands.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

export function parseCommand(command: Command, args: string[]): Parsed {
  const options: Options = {};
  for (const [name, flag] of Object.entries(command.flags)) options[name] = flag.spec;
  // Checked first, so a mistyped flag is named with its fix rather than by parseArgs.
  for (const arg of args) {
    if (arg === "--") break;
    if (!arg.startsWith("--")) continue;
    const name = arg.slice(2).split("=")[0] ?? "";
    if (!(name in options)) throw unknownFlag(command, `--${name}`);
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed["values"], positionals };
  } catch (cause) {
    const short = /Unknown option '(-[^-'])'/.exec((cause as Error).message)?.[1];
    if (short) throw unknownFlag(command, short, { cause });
    const needs = /Option '--([\w-]+)[^']*' argument missing/.exec((cause as Error).message)?.[1];
    if (needs) throw new UsageError(`--${needs} needs a value (${command.flags[needs]?.value ?? "see briefpress " + command.name + " --help"})`, { cause });
    throw new UsageError(`${(cause as Error).message.split(/\.\s|\n/)[0]} (see briefpress ${command.name} --help)`, { cause });
  }
}

function unknownFlag(command: Command, flag: string, options?: ErrorOptions): UsageError {
  const known = Object.keys(command.flags).map((f) => `--${f}`);
  const near = nearest(flag.replace(/^-+/, ""), Object.keys(command.flags));
  // A flag of another command ("check --out") is a different mistake from a typo.
  const elsewhere = COMMANDS.filter((c) => c !== command && flag.slice(2) in c.flags).map((c) => c.name);
  const parts = [`unknown option ${flag} for "briefpress ${command.name}"`];
  if (near) parts.push(`did you mean --${near}?`);
  else if (elsewhere.length) parts.push(`${flag} belongs to briefpress ${elsewhere.join(" and ")}`);
  parts.push(known.length ? `${command.name} takes: ${known.join(", ")}, --help` : `${command.name} takes no options but --help`);
  return new UsageError(parts.join(" — "), options);
}

/** The candidate a mistyped word most likely meant: at most a third of its letters off (rounded up, so "buidl" is "build"). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCost = Math.max(1, Math.ceil(word.length / 3)) + 1;
  for (const c of candidates) {
    const cost = c.startsWith(word) && word.length >= 2 ? 1 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}
