// Checks addresses the way a reader's browser would reach them: HEAD first (no body),
// GET when HEAD is refused, redirects followed one hop at a time so a permanent move
// (301, 308) is told from a temporary one and a loop is caught. Every request has a time
// limit and the whole run a budget; results are kept for a day so a second `check
// --links` asks the network only about what it has not seen.
import { Limiter } from "./limiter.js";
import type { Fetcher, Reply } from "./fetcher.js";

export type LinkResult =
  | { kind: "ok" }
  | { kind: "moved"; to: string }
  | { kind: "broken"; status?: number; reason: string; certain: boolean }
  | { kind: "timeout" }
  /** Not asked: the run's budget was spent first. */
  | { kind: "unchecked" };

export interface LinkCache {
  cacheGet(key: string): string | undefined;
  cacheSet(key: string, value: string): void;
}

export interface CheckOptions {
  fetcher: Fetcher;
  /** Requests in flight at once, in all and per host. */
  concurrency?: number;
  perHost?: number;
  /** Time limit of one request, and of the whole run. */
  requestMs?: number;
  budgetMs?: number;
  cache?: LinkCache;
  /** Ignore cached results (`--links=fresh`); new results are still kept. */
  fresh?: boolean;
  now?: () => number;
}

export const DEFAULTS = { concurrency: 8, perHost: 2, requestMs: 10_000, budgetMs: 120_000 } as const;
const MAX_HOPS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const PERMANENT = new Set([301, 308]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** Gone for good: said as an error. Other refusals (403, 429, 5xx) may be a server's mood. */
const CERTAIN = new Set([404, 410]);

class Timeout extends Error {}

export async function checkUrls(urls: readonly string[], options: CheckOptions): Promise<Map<string, LinkResult>> {
  const o = { ...DEFAULTS, ...options };
  const now = o.now ?? Date.now;
  const limiter = new Limiter(o.concurrency, o.perHost);
  const budget = new AbortController();
  const budgetTimer = setTimeout(() => budget.abort(), o.budgetMs);
  const results = new Map<string, LinkResult>();

  /** One request, inside the limits. */
  const ask = (url: string, method: "HEAD" | "GET"): Promise<Reply> =>
    limiter.run(new URL(url).host, async () => {
      if (budget.signal.aborted) throw budget.signal.reason;
      const own = new AbortController();
      const timer = setTimeout(() => own.abort(new Timeout()), o.requestMs);
      const stop = () => own.abort(budget.signal.reason);
      budget.signal.addEventListener("abort", stop, { once: true });
      try {
        return await o.fetcher(url, method, own.signal);
      } catch (e) {
        if (own.signal.reason instanceof Timeout) throw own.signal.reason;
        throw e;
      } finally {
        clearTimeout(timer);
        budget.signal.removeEventListener("abort", stop);
      }
    });

  const check = async (start: string): Promise<LinkResult> => {
    const seen = new Set<string>();
    let url = start;
    let permanent = true;
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      if (seen.has(url)) return { kind: "broken", reason: "redirects in a loop", certain: true };
      seen.add(url);
      let reply = await ask(url, "HEAD");
      // Many servers refuse HEAD (405, 501) or answer it wrongly: a GET settles it.
      if (reply.status >= 400) reply = await ask(url, "GET");
      if (REDIRECT.has(reply.status) && reply.location) {
        permanent &&= PERMANENT.has(reply.status);
        url = new URL(reply.location, url).href;
        continue;
      }
      if (reply.status >= 200 && reply.status < 400) return hop > 0 && permanent ? { kind: "moved", to: url } : { kind: "ok" };
      return { kind: "broken", status: reply.status, reason: `the server answers ${reply.status}`, certain: CERTAIN.has(reply.status) };
    }
    return { kind: "broken", reason: `more than ${MAX_HOPS} redirects`, certain: true };
  };

  const cacheKey = (url: string) => `link-v1-${Buffer.from(url).toString("base64url").slice(0, 180)}`;
  await Promise.all(
    urls.map(async (url) => {
      const cached = o.fresh ? undefined : o.cache?.cacheGet(cacheKey(url));
      if (cached) {
        const { at, url: was, result } = JSON.parse(cached) as { at: number; url: string; result: LinkResult };
        if (was === url && now() - at < DAY_MS) return results.set(url, result);
      }
      let result: LinkResult;
      try {
        result = await check(url);
      } catch (e) {
        if (budget.signal.aborted && !(e instanceof Timeout)) result = { kind: "unchecked" };
        else if (e instanceof Timeout) result = { kind: "timeout" };
        else result = { kind: "broken", reason: networkReason(e), certain: false };
      }
      // Time-outs and unasked links are the network's state, not the link's: not kept.
      if (result.kind !== "timeout" && result.kind !== "unchecked") o.cache?.cacheSet(cacheKey(url), JSON.stringify({ at: now(), url, result }));
      results.set(url, result);
    }),
  );
  clearTimeout(budgetTimer);
  return results;
}

function networkReason(e: unknown): string {
  const code = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "its host name is not found (DNS)";
  if (code === "ECONNREFUSED") return "the server refuses the connection";
  if (code === "ECONNRESET") return "the server closed the connection";
  if (code && /CERT|SSL|TLS/.test(code)) return `its certificate is not valid (${code})`;
  return `it cannot be reached${code ? ` (${code})` : ""}`;
}
