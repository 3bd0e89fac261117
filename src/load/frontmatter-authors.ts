// Authors as Pandoc, R Markdown and Quarto write them, into one list of names with
// roles and affiliations:
//   author: "A. Writer"                       author: [A, B]
//   author: [{name: A, affiliation: X}]        authors: [{name: {given: A, family: B}}]
//   authors: [{name: A, affiliations: [{ref: ngo}]}] + affiliations: [{id: ngo, name: …}]
// Values are checked structurally here; the schema only asks that they be present.

export type { Author } from "../model/front-matter.js";
import type { Author } from "../model/front-matter.js";

export interface AuthorProblem {
  /** Path below the author key, e.g. [1, "name"]. */
  path: Array<string | number>;
  message: string;
}

type Affiliations = ReadonlyMap<string, string>;

/** Quarto's top-level `affiliations:` list, by id, for `ref:` links. */
export function affiliationIndex(value: unknown): Affiliations {
  const index = new Map<string, string>();
  if (!Array.isArray(value)) return index;
  value.forEach((a, i) => {
    if (!isRecord(a)) return;
    const name = affiliationName(a);
    index.set(String(a.id ?? a.ref ?? i + 1), name);
  });
  return index;
}

export function readAuthors(value: unknown, affiliations: Affiliations): { authors: Author[]; problems: AuthorProblem[] } {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const authors: Author[] = [];
  const problems: AuthorProblem[] = [];
  list.forEach((entry, i) => {
    const at = Array.isArray(value) ? [i] : [];
    if (typeof entry === "string" || typeof entry === "number") {
      const name = String(entry).trim();
      if (name) authors.push({ name });
      else problems.push({ path: at, message: "an author needs a name" });
      return;
    }
    if (!isRecord(entry)) return void problems.push({ path: at, message: "expected a name or an object with name:" });
    const name = personName(entry.name);
    if (!name) return void problems.push({ path: [...at, "name" in entry ? "name" : ""].filter((p) => p !== ""), message: "an author needs a name" });
    if (/\p{Cc}/u.test(name)) return void problems.push({ path: [...at, "name"], message: "contains a control character" });
    const affiliation = [...asList(entry.affiliation), ...asList(entry.affiliations)]
      .map((a) => (isRecord(a) && a.ref !== undefined ? affiliations.get(String(a.ref)) ?? "" : isRecord(a) ? affiliationName(a) : affiliations.get(String(a)) ?? String(a)))
      .filter(Boolean)
      .join("; ");
    const role = [...asList(entry.role), ...asList(entry.roles)].map((r) => (isRecord(r) ? String(Object.keys(r)[0] ?? "") : String(r))).filter(Boolean).join(", ");
    authors.push({
      name,
      ...(role ? { role } : {}),
      ...(affiliation ? { affiliation } : {}),
      ...(typeof entry.email === "string" ? { email: entry.email } : {}),
      ...(typeof entry.orcid === "string" ? { orcid: entry.orcid } : {}),
      ...(typeof entry.url === "string" ? { url: entry.url } : {}),
    });
  });
  return { authors, problems };
}

/** "A. Writer", or Quarto's {given, family} / {literal}. */
function personName(name: unknown): string {
  if (typeof name === "string") return name.trim();
  if (!isRecord(name)) return "";
  if (typeof name.literal === "string") return name.literal.trim();
  return [name.given, name["dropping-particle"], name["non-dropping-particle"], name.family].filter((p) => typeof p === "string" && p).join(" ").trim();
}

function affiliationName(a: Record<string, unknown>): string {
  return [a.name, a.department].filter((p) => typeof p === "string" && p).join(", ") || String(a.id ?? "");
}

function asList(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
