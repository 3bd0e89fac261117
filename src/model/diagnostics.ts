// Diagnostics are data: rules return them, reporters format them, nobody prints. Every
// id is declared once, with its severity, in catalogue.ts.
import type { RuleId, Severity } from "./catalogue.js";

export type { RuleId, Severity } from "./catalogue.js";

/** 1-based line and column in a source file. */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  file: string;
  span: Span;
  severity: Severity;
  ruleId: RuleId;
  message: string;
  hints: string[];
}

export function diagnostic(
  file: string,
  span: Span,
  severity: Severity,
  ruleId: RuleId,
  message: string,
  hints: string[] = [],
): Diagnostic {
  return { file, span, severity, ruleId, message, hints };
}

export function pointSpan(line: number, column: number, length = 1): Span {
  return { start: { line, column }, end: { line, column: column + Math.max(length, 1) } };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
