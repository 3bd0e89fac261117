// Reporters: diagnostics → text, JSON or GitHub annotations. Pure: returns strings.
import type { Diagnostic } from "../model/diagnostics.js";

export type ReportFormat = "text" | "json" | "github";

export function sortAndDedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file}\u0000${d.span.start.line}\u0000${d.span.start.column}\u0000${d.ruleId}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export function summarise(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const count = (s: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function byline(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings, infos } = summarise(diagnostics);
  const parts = [plural(errors, "error"), plural(warnings, "warning")];
  if (infos) parts.push(plural(infos, "info"));
  return parts.join(", ");
}

/**
 * Text from a brief, made safe for a terminal: control characters (an escape sequence, a
 * newline that would fake a diagnostic line) and bidi overrides are shown as \u001b.
 */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}

export function formatText(diagnostics: readonly Diagnostic[]): string {
  // One cause, one count: a project-wide problem (briefpress.yaml) is found once per brief.
  const unique = sortAndDedupe(diagnostics);
  const lines = unique.map((d) => {
    const head = `${visible(d.file)}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.ruleId} ${visible(d.message)}`;
    return [head, ...d.hints.map((h) => `  hint: ${visible(h)}`)].join("\n");
  });
  return [...lines, byline(unique)].join("\n") + "\n";
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const list = sortAndDedupe(diagnostics).map((d) => ({
    file: d.file,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    hints: d.hints,
  }));
  return JSON.stringify({ diagnostics: list, summary: summarise(list.length ? sortAndDedupe(diagnostics) : []) }, null, 2) + "\n";
}

/** GitHub Actions workflow commands; message text escaped as GitHub documents. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const level = { error: "error", warning: "warning", info: "notice" } as const;
  return sortAndDedupe(diagnostics)
    .map((d) => {
      const props = `file=${escapeProp(d.file)},line=${d.span.start.line},col=${d.span.start.column},endLine=${d.span.end.line},endColumn=${d.span.end.column},title=${escapeProp(d.ruleId)}`;
      const message = [visible(d.message), ...d.hints.map(visible)].join("\n");
      return `::${level[d.severity]} ${props}::${escapeData(message)}\n`;
    })
    .join("");
}

export function formatReport(format: ReportFormat, diagnostics: readonly Diagnostic[]): string {
  return format === "json" ? formatJson(diagnostics) : format === "github" ? formatGithub(diagnostics) : formatText(diagnostics);
}
