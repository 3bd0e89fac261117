// The checker: every rule reads the model (and the citation resolution) and returns
// diagnostics. Rules never print; the reporter formats.
import type { Diagnostic, Severity } from "../diagnostics.js";
import type { Brief } from "../model.js";
import type { Resolution } from "../citations/resolve.js";
import { footnoteRules } from "./footnotes.js";
import { imageRules } from "./images.js";
import { sourceRules } from "./sources.js";

export interface RuleContext {
  brief: Brief;
  resolution: Resolution;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  run(ctx: RuleContext, severity: Severity): Diagnostic[];
}

/** Rules whose diagnostics come from the resolver itself, listed for documentation. */
export const RESOLVER_RULES = [
  { id: "citation/unresolved", severity: "error", description: "a citation matches no source entry" },
  { id: "citation/ambiguous", severity: "error", description: "a citation matches more than one source entry" },
] as const;

export const RULES: readonly Rule[] = [...sourceRules, ...footnoteRules, ...imageRules];

export function runRules(ctx: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule.run(ctx, rule.severity));
}
