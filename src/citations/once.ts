// Pandoc warns once per missing key, however often it is cited. So do we: the first use
// carries the diagnostic and says how many more places cite the same key. And when a
// bibliography file could not be read, its keys are not reported one by one: the one
// bibliography/load error is the cause of them all.
import type { Diagnostic } from "../model/diagnostics.js";
import type { Citation } from "../model/brief.js";

export function oncePerKey(diagnostics: Diagnostic[], citations: readonly Citation[], bibliographyFailed: boolean): Diagnostic[] {
  const missing = new Map<string, string>();
  for (const c of citations) {
    for (const item of c.items) {
      if (item.key !== undefined && item.sourceIndex === undefined) missing.set(spanKey(item.span), item.key);
    }
  }
  const first = new Map<string, Diagnostic>();
  const count = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = d.ruleId === "citation/unresolved" ? missing.get(spanKey(d.span)) : undefined;
    if (key === undefined) {
      out.push(d);
      continue;
    }
    if (bibliographyFailed) continue;
    count.set(key, (count.get(key) ?? 0) + 1);
    if (!first.has(key)) {
      first.set(key, d);
      out.push(d);
    }
  }
  return out.map((d) => {
    const key = d.ruleId === "citation/unresolved" ? missing.get(spanKey(d.span)) : undefined;
    const more = key === undefined ? 0 : (count.get(key) ?? 1) - 1;
    return more > 0 && first.get(key ?? "") === d ? { ...d, message: `${d.message} (and ${more} more place${more === 1 ? "" : "s"})` } : d;
  });
}

function spanKey(span: { start: { line: number; column: number } }): string {
  return `${span.start.line}:${span.start.column}`;
}
