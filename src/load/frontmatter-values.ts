// Validated front-matter values → the model's front matter: synonyms merged (abstract →
// summary, csl → citation-style, papersize → paper), lists made lists, dates read into
// ISO, Pandoc's nocite forms and crossref prefixes understood.
import { readDate } from "../model/dates.js";
import { affiliationIndex, readAuthors } from "./frontmatter-authors.js";
import type { FrontMatter, XrefPrefixes } from "../model/front-matter.js";
import type { CslItem } from "../model/brief.js";
import { shapeCsl } from "./csl-shape.js";
import type { RuleId } from "../model/diagnostics.js";

const isOn = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : typeof v === "string" ? /^(?:yes|true|on)$/i.test(v) : undefined);

/** An error (frontmatter/schema) unless a warning and its rule are given. */
export type Report = (path: Array<string | number>, message: string, wantKey?: boolean, warning?: { ruleId: RuleId; hints?: string[] }) => void;

/** Validated values → the model's front matter: synonyms merged, lists made lists. */
export function normalise(good: Record<string, unknown>, raw: Record<string, unknown>, report: Report, clock: (() => Date) | undefined): FrontMatter {
  const text = (k: string) => (typeof good[k] === "string" ? (good[k] as string) : undefined);
  const list = (k: string) => (good[k] === undefined ? undefined : ([] as string[]).concat(good[k] as string | string[]));
  const affiliations = affiliationIndex(raw.affiliations);
  const authorKey = "authors" in good ? "authors" : "author";
  const { authors, problems } = readAuthors(good[authorKey], affiliations);
  for (const p of problems) report([authorKey, ...p.path], `"${[authorKey, ...p.path].join(".")}": ${p.message}`);
  const meta: FrontMatter = { authors };
  for (const k of ["title", "subtitle", "short_title", "organisation", "contact", "date-format", "thanks", "sources_heading", "reference-section-title", "toc-title"] as const) {
    const v = text(k);
    if (v !== undefined) meta[k] = v;
  }
  // Pandoc's abstract is markdown: single line breaks inside a paragraph are spaces.
  const summary = text("summary") ?? text("abstract");
  if (summary !== undefined) meta.summary = summary.replace(/([^\n])\n(?=[^\n])/g, "$1 ").trim();
  if (good.date !== undefined) {
    // A note marker in the date ("2022[^1]") calls a note of the body; the date prints without it.
    const dateText = String(good.date).replace(/\[\^[^\]\s]+\]/g, "");
    const read = readDate(dateText, clock);
    if ("iso" in read) meta.date = read.iso;
    else if ("written" in read) meta.date = read.written;
    else {
      // Quarto and R Markdown print a date they cannot read as it is written: so does the
      // brief, and only the PDF's metadata goes without it. A guess, so a warning.
      const written = dateText.trim();
      if (written) meta.date = written;
      report(["date"], `"date": cannot read "${written}" as a date, so it prints as written (${read.error})`, false, { ruleId: "frontmatter/date", hints: ["write it as 2024-05-20 or \"20 May 2024\" to have it formatted"] });
    }
  }
  const lang = text("lang");
  if (lang) meta.lang = lang.replace(/_/g, "-");
  if (good.dir === "ltr" || good.dir === "rtl") meta.dir = good.dir;
  const paperKey = good.paper !== undefined ? "paper" : "papersize";
  const paper = text(paperKey);
  if (paper !== undefined) {
    const p = paper.toLowerCase().replace(/paper$/, "");
    if (p === "a4") meta.paper = "a4";
    else if (["letter", "us-letter", "usletter", "us"].includes(p)) meta.paper = "letter";
    else report([paperKey], `"${paperKey}": expected a4 or letter, not "${paper}"`);
  }
  const keywords = list("keywords")?.flatMap((k) => k.split(/\s*[,;]\s*/)).filter(Boolean);
  if (keywords?.length) meta.keywords = keywords;
  if (good.key_points) meta.key_points = good.key_points as string[];
  if (good.key_figures) meta.key_figures = good.key_figures as FrontMatter["key_figures"];
  if (good.cover !== undefined) meta.cover = good.cover as FrontMatter["cover"];
  if (Array.isArray(good.references)) meta.references = (good.references as Array<Record<string, unknown>>).map(cslFromYaml);
  const bibliography = list("bibliography")?.filter((b) => b.trim());
  if (bibliography?.length) meta.bibliography = bibliography;
  const style = text("citation-style") ?? text("csl");
  if (style !== undefined) meta["citation-style"] = style;
  if (good.nocite !== undefined) meta.nocite = nociteKeys(list("nocite") ?? []);
  const links = isOn(good["link-citations"]);
  if (links !== undefined) meta["link-citations"] = links;
  if (good.aliases) meta.aliases = good.aliases as Record<string, string>;
  const toc = isOn(good.toc ?? good["table-of-contents"]);
  if (toc !== undefined) meta.toc = toc;
  const numbered = isOn(good["number-sections"]);
  if (numbered !== undefined) meta["number-sections"] = numbered;
  if (good.notes) meta.notes = good.notes as "foot" | "end";
  const hyphenate = isOn(good.hyphenate);
  if (hyphenate !== undefined) meta.hyphenate = hyphenate;
  const crossref = xrefPrefixes(good.crossref);
  if (crossref) meta.crossref = crossref;
  return meta;
}

/** CSL in YAML allows "issued: 2020" where CSL-JSON wants date-parts. */
function cslFromYaml(item: Record<string, unknown>): CslItem {
  return shapeCsl(item);
}

/**
 * Pandoc writes nocite as citations: "@*", "[@a; @b]", "@a, @b". Our own list form
 * holds keys or "Author Year" labels. Keys come back without their "@".
 */
function nociteKeys(values: string[]): string[] {
  return values.flatMap((v) => {
    const keys = [...v.matchAll(/@(\*|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu)].map((m) => (m[1] ?? "").replace(/[.:,;]+$/, ""));
    return keys.length ? keys : [v.trim()];
  });
}

/** crossref: {fig-prefix: Fig., tbl-prefix: Tab.} (Quarto) or {figPrefix: …} (pandoc-crossref). */
function xrefPrefixes(value: unknown): Partial<XrefPrefixes> | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  const out: Partial<XrefPrefixes> = {};
  for (const kind of ["fig", "tbl", "sec", "eq", "lst"] as const) {
    const p = v[`${kind}-prefix`] ?? v[`${kind === "eq" ? "eqn" : kind}Prefix`];
    const word = Array.isArray(p) ? p[0] : p;
    if (typeof word === "string") out[kind] = word;
  }
  return Object.keys(out).length ? out : undefined;
}

