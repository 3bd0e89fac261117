// `check --links`: every address of a brief checked, each result said once, at the
// place the address first appears. Never run by `build` and never by plain `check`.
import type { Brief } from "../model/brief.js";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import { briefLinks, DOI_RESOLVER, type Link } from "./collect.js";
import { checkUrls, DEFAULTS, type CheckOptions } from "./check.js";
import { httpFetcher } from "./fetcher.js";

export interface LinkCheckOptions extends Omit<CheckOptions, "fetcher"> {
  fetcher?: CheckOptions["fetcher"];
  doiResolver?: string;
}

export async function checkBriefLinks(briefs: readonly Brief[], options: LinkCheckOptions): Promise<Diagnostic[]> {
  const links = briefs.flatMap((b) => briefLinks(b, options.doiResolver ?? DOI_RESOLVER));
  if (links.length === 0) return [];
  const fetcher = options.fetcher ?? httpFetcher;
  const results = await checkUrls([...new Set(links.map((l) => l.url))], { ...options, fetcher });
  const out: Diagnostic[] = [];
  const unchecked: Link[] = [];
  for (const link of links) {
    const r = results.get(link.url);
    const what = link.doi ? `DOI ${link.doi}` : link.url;
    const also = link.uses > 1 ? [`named ${link.uses} times in the brief; the first is here`] : [];
    if (!r || r.kind === "ok") continue;
    if (r.kind === "unchecked") unchecked.push(link);
    else if (r.kind === "moved") out.push(diagnostic(link.file, link.span, "warning", "link/moved", `${what} has moved for good`, [`the new address: ${r.to}`, ...also]));
    else if (r.kind === "timeout") out.push(diagnostic(link.file, link.span, "warning", "link/timeout", `${what} did not answer within ${((options.requestMs ?? DEFAULTS.requestMs) / 1000).toFixed(0)} s`, ["try again later, or with --links=fresh", ...also]));
    else {
      const hint = r.certain ? (link.doi ? "check the DOI against the publisher's page" : "find the page's new address, or an archived copy (web.archive.org)") : "the server may refuse automated checks, or be down for now: open it in a browser";
      out.push(diagnostic(link.file, link.span, r.certain ? "error" : "warning", "link/broken", `${what} is broken: ${r.reason}`, [hint, ...also]));
    }
  }
  if (unchecked.length) {
    const first = unchecked[0]!;
    const budget = ((options.budgetMs ?? DEFAULTS.budgetMs) / 1000).toFixed(0);
    out.push(diagnostic(first.file, pointSpan(first.span.start.line, first.span.start.column), "info", "link/unchecked", `${unchecked.length} address${unchecked.length === 1 ? "" : "es"} not checked: the ${budget} s budget was spent`, ["run check --links again: addresses already checked are remembered for a day"]));
  }
  return out;
}
