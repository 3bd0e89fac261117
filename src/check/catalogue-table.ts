// The catalogue as a markdown table, for docs/REFERENCE.md. The reference's list of
// rules is generated from the catalogue (tools/rules-doc.mjs) and a test compares the two,
// so the documented severity is always the one `check` really reports.
import { CATALOGUE, type RuleInfo } from "../model/catalogue.js";

function severityCell(info: RuleInfo): string {
  return info.also?.length ? `${info.severity} (or ${info.also.join(", ")})` : info.severity;
}

/** One row per rule id, in catalogue order, with the family's ids kept together. */
export function catalogueTable(): string {
  const rows = Object.entries(CATALOGUE as Record<string, RuleInfo>).map(
    ([id, info]) => `| \`${id}\` | ${severityCell(info)} | ${info.summary.replaceAll("|", "\\|")} |`,
  );
  return ["| rule | severity | reported when |", "| --- | --- | --- |", ...rows].join("\n");
}
