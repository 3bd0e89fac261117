// The link checker's one door to the network, small enough for a test to replace or to
// point at a loopback server. It never follows redirects itself: the checker does, so a
// permanent move can be told from a temporary one, and a loop can be caught.
export interface Reply {
  status: number;
  /** The Location header of a redirect, as sent. */
  location?: string;
}

export type Fetcher = (url: string, method: "HEAD" | "GET", signal: AbortSignal) => Promise<Reply>;

const HEADERS = {
  // Some sites refuse requests without a browser-like Accept or an identifying agent.
  "user-agent": "briefpress-link-check/0.1 (+https://github.com/briefpress)",
  accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
};

export const httpFetcher: Fetcher = async (url, method, signal) => {
  const response = await fetch(url, { method, redirect: "manual", signal, headers: HEADERS });
  // The body is never read: a GET is only asked whether the page is there.
  await response.body?.cancel().catch(() => undefined);
  const location = response.headers.get("location");
  return { status: response.status, ...(location ? { location } : {}) };
};
