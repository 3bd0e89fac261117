// The checker: every rule reads the model (and the citation resolution) and returns
// diagnostics. Rules never print; the reporter formats.
import type { Diagnostic, Severity } from "../model/diagnostics.js";
import type { Brief } from "../model/brief.js";
import type { Resolution } from "../citations/resolve.js";
import { fontRules } from "./rules/fonts.js";
import { footnoteRules } from "./rules/footnotes.js";
import { imageRules } from "./rules/images.js";
import { pandocRules } from "./rules/pandoc.js";
import { sourceRules } from "./rules/sources.js";

export interface RuleContext {
  brief: Brief;
  resolution: Resolution;
  /** The brief's source text, for rules that point into it by searching (font/missing-glyph). */
  source?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  run(ctx: RuleContext, severity: Severity): Diagnostic[];
}

// citation/unresolved and citation/ambiguous come from the resolver itself (citations/resolve.ts).
export const RULES: readonly Rule[] = [...sourceRules, ...footnoteRules, ...imageRules, ...pandocRules, ...fontRules];

export function runRules(ctx: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule.run(ctx, rule.severity));
}
