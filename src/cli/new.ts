// `briefpress new <slug>`: a first brief in one command. Writes report/<slug>.md (or
// .qmd) from a short template that shows each feature once and builds as written, the
// template's pictures into assets/, and briefpress.yaml when the project has none.
// It never overwrites a file: anything already there is left alone and named.
import { existsSync, readFileSync } from "node:fs";
import { UsageError } from "../model/errors.js";
import { ownFile } from "../world/packages.js";
import type { Workspace } from "../world/workspace.js";
import type { Parsed } from "./args.js";
import type { Io } from "./run.js";

interface Template {
  /** The brief's file, with its extension. */
  brief: string;
  /** More files beside it in report/ (a Quarto user's .bib). */
  extras: Array<{ from: string; to: string }>;
  /** Pictures it shows, copied to assets/<slug>-<name>.svg. */
  pictures: string[];
}

const TEMPLATES: Record<string, Template> = {
  brief: { brief: "brief.md", extras: [], pictures: ["cover", "chart"] },
  quarto: { brief: "quarto.qmd", extras: [{ from: "quarto.bib", to: "{{slug}}.bib" }], pictures: ["chart"] },
  word: { brief: "word.md", extras: [], pictures: [] },
  plain: { brief: "plain.md", extras: [], pictures: [] },
};

const SLUG = /^[a-z0-9][a-z0-9._-]*$/i;

export function runNew({ values, positionals }: Parsed, io: Io, ws: Workspace): number {
  const like = String(values.like ?? "brief");
  const template = TEMPLATES[like];
  if (!template) throw new UsageError(`--like must be quarto, word or plain, not "${like}" (leave it out for briefpress's own shape)`);
  const [given, ...more] = positionals;
  if (given === undefined) throw new UsageError("name the brief: briefpress new <slug>, e.g. briefpress new camp-water");
  if (more.length) throw new UsageError(`new makes one brief at a time, not ${positionals.length}`);
  const slug = given.replace(/^report\//, "").replace(/\.(?:md|qmd|rmd)$/i, "");
  if (!SLUG.test(slug)) throw new UsageError(`"${given}" cannot be a file name: use letters, digits and hyphens, e.g. camp-water-2024`);
  const ext = template.brief.slice(template.brief.lastIndexOf("."));
  const briefFile = `report/${slug}${ext}`;
  const taken = [".md", ".qmd", ".Rmd"].map((e) => `report/${slug}${e}`).find((f) => ws.exists(ws.projectFile(f)));
  if (taken) throw new UsageError(`${taken} already exists; briefpress new never overwrites a file (choose another name, or edit ${taken})`);

  const fill = (text: string) =>
    text
      .replaceAll("{{slug}}", slug)
      .replaceAll("{{title}}", titleOf(slug))
      .replaceAll("{{date}}", today(ws));
  const plan: Array<{ file: string; data: string | Buffer }> = [{ file: briefFile, data: fill(read(template.brief)) }];
  for (const extra of template.extras) plan.push({ file: `report/${fill(extra.to)}`, data: fill(read(extra.from)) });
  for (const name of template.pictures) plan.push({ file: `assets/${slug}-${name}.svg`, data: read(`assets/${name}.svg`) });
  if (!ws.exists(ws.projectFile("briefpress.yaml"))) plan.push({ file: "briefpress.yaml", data: read("briefpress.yaml") });

  const kept: string[] = [];
  for (const { file, data } of plan) {
    if (ws.exists(ws.projectFile(file))) kept.push(file);
    else ws.writeAtomic(ws.projectFile(file), data);
  }
  const written = plan.map((p) => p.file).filter((f) => !kept.includes(f));
  io.out(`wrote ${written.join(", ")}\n`);
  if (kept.length) io.out(`left as they were (already there): ${kept.join(", ")}\n`);
  io.out(`\nNext: open ${briefFile} in your editor, then\n  npx briefpress build ${briefFile}\nand look at dist/${slug}/brief.pdf and dist/${slug}/slides.html\n`);
  return 0;
}

function read(name: string): string {
  const path = ownFile("templates", name);
  if (!existsSync(path)) throw new Error(`briefpress's template ${name} is missing from ${path}`);
  return readFileSync(path, "utf8");
}

/** "camp-water-2024" → "Camp water 2024": a title to replace, but a readable one. */
function titleOf(slug: string): string {
  const words = slug.replace(/[-_.]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Today as YYYY-MM-DD (SOURCE_DATE_EPOCH when set, so tests and builds can fix it). */
function today(ws: Workspace): string {
  const epoch = ws.env.SOURCE_DATE_EPOCH;
  const now = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return now.toISOString().slice(0, 10);
}
