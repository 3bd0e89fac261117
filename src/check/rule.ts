// What a rule is: an id from the catalogue (model/catalogue.ts, where its severity is
// declared once) and a pure function of the model.
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
  description: string;
  /** `severity` is the catalogue's for `id`. */
  run(ctx: RuleContext, severity: Severity): Diagnostic[];
}
