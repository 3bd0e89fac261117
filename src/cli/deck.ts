// `briefpress deck <slug>`: hands the derived deck to the writer. The build derives
// dist/<slug>/slides.md afresh each time, so edits there are lost; slides/<slug>.md is
// the hand-written deck a build uses instead. This derives the deck once, copies it
// there, and says so. It never overwrites a deck the writer already keeps.
import { join, relative, resolve, sep } from "node:path";
import { formatReport } from "../check/report.js";
import { hasErrors } from "../model/diagnostics.js";
import { UsageError } from "../model/errors.js";
import { buildBrief } from "../pipeline/build.js";
import { FontBook } from "../text/fonts.js";
import type { Workspace } from "../world/workspace.js";
import type { Parsed } from "./args.js";
import type { Io } from "./run.js";

export async function runDeck({ positionals }: Parsed, io: Io, ws: Workspace): Promise<number> {
  const [given, ...more] = positionals;
  if (given === undefined) throw new UsageError("name the brief: briefpress deck <slug>, e.g. briefpress deck camp-water");
  if (more.length) throw new UsageError(`deck copies one brief's deck at a time, not ${positionals.length}`);
  const file = briefFor(given, ws);
  const slug = file.replace(/^.*\//, "").replace(/\.(?:md|qmd|rmd)$/i, "");
  const target = join("slides", `${slug}.md`);
  if (ws.exists(ws.projectFile(target))) {
    throw new UsageError(`${target} already exists and is the deck your builds use; briefpress deck never overwrites it (rename it to start again from the brief)`);
  }
  // Derived afresh (the brief may have changed since the last build), as build would.
  const outDir = "dist";
  const result = await buildBrief(file, ws, { outDir, formats: ["deck"], chromePath: null, checkOverflow: false }, new FontBook(ws));
  if (hasErrors(result.diagnostics)) {
    io.err(formatReport("text", result.diagnostics));
    io.err(`briefpress: ${file} has errors, so no deck was derived; mend them and run briefpress deck ${slug} again\n`);
    return 1;
  }
  const derivedDir = ws.projectFile(outDir, result.slug);
  const text = ws.readBytes(join(derivedDir, "slides.md")).toString("utf8");
  ws.writeAtomic(ws.projectFile(target), rebase(text, derivedDir, ws.projectFile("slides")));
  io.out(`wrote ${target}: the deck derived from ${file}, now yours to edit.\n`);
  io.out(`From now on, briefpress build uses ${target} for this brief's slides (delete it to go back to the derived deck).\n`);
  return 0;
}

/**
 * The derived deck names pictures relative to dist/<slug>/; a hand-written deck is read
 * from slides/, so each relative path is rewritten to point at the same file from there.
 */
function rebase(markdown: string, from: string, to: string): string {
  return markdown.replace(/(\]\()([^)\s]+)/g, (whole, open: string, path: string) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(path)) return whole;
    return open + relative(to, resolve(from, path)).split(sep).join("/");
  });
}

/** The brief a slug names: report/<slug>.md, .qmd or .Rmd, or a path given as such. */
function briefFor(given: string, ws: Workspace): string {
  if (/\.(?:md|qmd|rmd)$/i.test(given)) {
    ws.readSource(given); // a missing file is a usage error, with its name
    return given;
  }
  const found = [".md", ".qmd", ".Rmd"].map((e) => join("report", `${given}${e}`)).find((f) => ws.exists(ws.projectFile(f)));
  if (!found) throw new UsageError(`no brief named "${given}" in report/ (looked for report/${given}.md, .qmd and .Rmd)`);
  return found;
}
