// What a rule is: an id and a severity declared once, and a pure function of the model.
import type { Diagnostic, RuleId, Severity } from "../model/diagnostics.js";
import type { Brief } from "../model/brief.js";
import type { Resolution } from "../citations/resolve.js";

export interface RuleContext {
  brief: Brief;
  resolution: Resolution;
  /** The brief's source text, for rules that point into it by searching (font/missing-glyph). */
  source?: string;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  description: string;
  run(ctx: RuleContext, severity: Severity): Diagnostic[];
}
