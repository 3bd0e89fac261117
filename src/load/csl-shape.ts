// CSL items as written (Pandoc's references: in YAML, CSL-JSON files) come with whatever
// types their writer chose: an author as one string, a title as a list, a date as a word.
// The citation code downstream expects CSL's own shapes, so each item is brought to them
// here, once, keeping what was meant: a name string becomes a name, a list of words one
// title, a year a date; a value that has no reading as text (a map where text belongs) is
// left out. One place, so no later stage meets a string where it maps over a list.
import type { CslItem } from "../model/brief.js";

const NAMES = new Set(["author", "editor", "translator", "container-author", "collection-editor", "composer", "director", "interviewer", "recipient", "reviewed-author", "illustrator", "original-author", "editorial-director", "chair", "compiler", "contributor", "curator", "executive-producer", "guest", "host", "narrator", "organizer", "performer", "producer", "script-writer", "series-creator"]);
const DATES = new Set(["issued", "accessed", "event-date", "original-date", "submitted", "available-date"]);

type Name = { family?: string; given?: string; literal?: string; [k: string]: unknown };

function name(value: unknown): Name | null {
  if (typeof value === "string" || typeof value === "number") {
    const text = String(value).trim();
    if (!text) return null;
    const comma = /^([^,]+),\s*(.+)$/.exec(text);
    return comma ? { family: comma[1]!.trim(), given: comma[2]!.trim() } : { literal: text };
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const out: Name = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = String(v);
    return out.family || out.given || out.literal ? out : null;
  }
  return null;
}

function names(value: unknown): Name[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/\s+and\s+|;\s*/) : [value];
  return list.map(name).filter((n): n is Name => n !== null);
}

function date(value: unknown): unknown {
  if (typeof value === "number") return { "date-parts": [[value]] };
  if (typeof value === "string") return /^\d{1,4}(?:-\d{1,2}){0,2}$/.test(value.trim()) ? { "date-parts": [value.trim().split("-").map(Number)] } : { raw: value };
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (Array.isArray(v["date-parts"])) {
    const parts = (v["date-parts"] as unknown[]).map((p) => (Array.isArray(p) ? p : [p]).map((x) => Number(x)).filter((x) => Number.isFinite(x))).filter((p) => p.length > 0);
    if (parts.length) out["date-parts"] = parts;
  }
  for (const k of ["raw", "literal", "season", "circa"]) if (typeof v[k] === "string" || typeof v[k] === "number" || typeof v[k] === "boolean") out[k] = v[k];
  return Object.keys(out).length ? out : undefined;
}

/** Text of a plain field: numbers and words kept, a list of them joined; anything else none. */
function text(value: unknown): string | number | undefined {
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((x) => typeof x === "string" || typeof x === "number")) return value.join(" ");
  return undefined;
}

export function shapeCsl(item: Record<string, unknown>): CslItem {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (NAMES.has(key)) {
      const list = names(value);
      if (list.length) out[key] = list;
    } else if (DATES.has(key)) {
      const d = date(value);
      if (d !== undefined) out[key] = d;
    } else if (key === "id") out.id = String(text(value) ?? "");
    else if (key === "custom" || key === "note" || key.startsWith("_")) out[key] = typeof value === "object" ? value : text(value);
    else {
      const t = text(value);
      if (t !== undefined) out[key] = t;
    }
  }
  if (typeof out.type !== "string") out.type = "document";
  return out as unknown as CslItem;
}
