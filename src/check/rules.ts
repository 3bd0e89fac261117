// The checker: every rule reads the model (and the citation resolution) and returns
// diagnostics. Rules never print; the reporter formats.
import { CATALOGUE } from "../model/catalogue.js";
import type { Diagnostic } from "../model/diagnostics.js";
import type { Rule, RuleContext } from "./rule.js";
import { anchorRules } from "./rules/anchors.js";
import { fontRules } from "./rules/fonts.js";
import { footnoteRules } from "./rules/footnotes.js";
import { imageRules } from "./rules/images.js";
import { pandocRules } from "./rules/pandoc.js";
import { sourceRules } from "./rules/sources.js";

// citation/unresolved and citation/ambiguous come from the resolver itself (citations/resolve.ts).
export const RULES: readonly Rule[] = [...sourceRules, ...footnoteRules, ...imageRules, ...pandocRules, ...anchorRules, ...fontRules];

export type { Rule, RuleContext };

export function runRules(ctx: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule.run(ctx, CATALOGUE[rule.id].severity));
}
