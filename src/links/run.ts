// `check --links` as the CLI runs it: the real network, the workspace's cache, and the
// limits, which an environment may tighten (CI, or a test against its loopback server).
import type { Brief } from "../model/brief.js";
import type { Diagnostic } from "../model/diagnostics.js";
import type { Workspace } from "../world/workspace.js";
import { checkBriefLinks } from "./diagnose.js";

function ms(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function checkLinksFor(briefs: readonly Brief[], ws: Workspace, fresh: boolean): Promise<Diagnostic[]> {
  const env = ws.env;
  const requestMs = ms(env.BRIEFPRESS_LINK_TIMEOUT_MS);
  const budgetMs = ms(env.BRIEFPRESS_LINK_BUDGET_MS);
  return checkBriefLinks(briefs, {
    cache: ws,
    fresh,
    ...(requestMs ? { requestMs } : {}),
    ...(budgetMs ? { budgetMs } : {}),
    ...(env.BRIEFPRESS_DOI_RESOLVER ? { doiResolver: env.BRIEFPRESS_DOI_RESOLVER } : {}),
  });
}
