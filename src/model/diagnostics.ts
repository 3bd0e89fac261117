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

/** A failure of ours, not of the brief: one diagnostic instead of a stack trace. */
export function internalError(file: string, what: string, cause: unknown): Diagnostic {
  const reason = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0] ?? "";
  return diagnostic(file, pointSpan(1, 1), "error", "build/internal", `briefpress could not ${what}: ${reason}`, ["this is a bug in briefpress, not in the brief: please report it with the brief attached"]);
}
