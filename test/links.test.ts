// check --links (issue 24) against servers on 127.0.0.1 that this test starts: every case
// a real site gives (200, 301, 308, 404, 410, 500, a slow answer, a HEAD refused with 405,
// a redirect loop). No request leaves the loopback address: the fetcher refuses any other.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrls, type LinkCache } from "../src/links/check.js";
import { httpFetcher, type Fetcher } from "../src/links/fetcher.js";
import { BIN } from "./helpers/paths.js";
import { scratchProject } from "./helpers/project.js";

/** The real fetcher, held to the loopback address. */
const loopback: Fetcher = (url, method, signal) => {
  if (new URL(url).hostname !== "127.0.0.1") throw new Error(`test tried to reach ${url}`);
  return httpFetcher(url, method, signal);
};

const stats = { inFlight: 0, max: 0, requests: 0, perHost: new Map<string, number>(), maxPerHost: 0, dois: [] as string[] };

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const host = req.headers.host ?? "";
    stats.requests++;
    stats.inFlight++;
    stats.max = Math.max(stats.max, stats.inFlight);
    stats.perHost.set(host, (stats.perHost.get(host) ?? 0) + 1);
    stats.maxPerHost = Math.max(stats.maxPerHost, stats.perHost.get(host)!);
    res.on("close", () => {
      // A request from an earlier test may end after reset(): never below zero.
      stats.inFlight = Math.max(0, stats.inFlight - 1);
      stats.perHost.set(host, Math.max(0, (stats.perHost.get(host) ?? 0) - 1));
    });
    const path = req.url ?? "/";
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : "page");
    };
    if (path === "/ok") return send(200);
    if (path === "/moved301") return send(301, { location: "/ok" });
    if (path === "/moved308") return send(308, { location: `http://${host}/new-home` });
    if (path === "/new-home") return send(200);
    if (path === "/temporary") return send(302, { location: "/ok" });
    if (path === "/gone404") return send(404);
    if (path === "/gone410") return send(410);
    if (path === "/error500") return send(500);
    if (path.startsWith("/slow")) return void setTimeout(() => send(200), 3000);
    if (path === "/no-head") return send(req.method === "HEAD" ? 405 : 200);
    if (path === "/loop-a") return send(301, { location: "/loop-b" });
    if (path === "/loop-b") return send(301, { location: "/loop-a" });
    if (path.startsWith("/many/")) return void setTimeout(() => send(200), 40);
    if (path.startsWith("/doi/")) {
      stats.dois.push(decodeURIComponent(path.slice(5)));
      return send(302, { location: "/ok" }); // doi.org answers 302: not a move
    }
    send(404);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const memoryCache = (): LinkCache & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, cacheGet: (k) => map.get(k), cacheSet: (k, v) => void map.set(k, v) };
};

function reset(): void {
  Object.assign(stats, { inFlight: 0, max: 0, requests: 0, maxPerHost: 0, dois: [] });
  stats.perHost.clear();
}

describe("check --links", () => {
  const servers: Server[] = [];
  const base = (i = 0) => `http://127.0.0.1:${(servers[i]!.address() as AddressInfo).port}`;
  beforeAll(async () => {
    // Ten servers: ten hosts (host and port), so the limit of 8 in all can be reached.
    for (let i = 0; i < 10; i++) servers.push(await serve());
  });
  afterAll(async () => {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  });

  it("tells every case apart: ok, moved, broken, time-out, HEAD refused, loop", async () => {
    reset();
    const urls = ["/ok", "/moved301", "/moved308", "/temporary", "/gone404", "/gone410", "/error500", "/slow", "/no-head", "/loop-a"].map((p) => base() + p);
    const r = await checkUrls(urls, { fetcher: loopback, requestMs: 500 });
    const at = (p: string) => r.get(base() + p);
    expect(at("/ok")).toEqual({ kind: "ok" });
    expect(at("/moved301")).toEqual({ kind: "moved", to: `${base()}/ok` });
    expect(at("/moved308")).toEqual({ kind: "moved", to: `${base()}/new-home` });
    expect(at("/temporary")).toEqual({ kind: "ok" });
    expect(at("/gone404")).toMatchObject({ kind: "broken", status: 404, certain: true });
    expect(at("/gone410")).toMatchObject({ kind: "broken", status: 410, certain: true });
    expect(at("/error500")).toMatchObject({ kind: "broken", status: 500, certain: false });
    expect(at("/slow")).toEqual({ kind: "timeout" });
    expect(at("/no-head")).toEqual({ kind: "ok" });
    expect(at("/loop-a")).toMatchObject({ kind: "broken", reason: "redirects in a loop" });
    expect(stats.maxPerHost).toBeLessThanOrEqual(2);
  });

  it("keeps at most 8 requests in flight, 2 per host, and remembers results for a day", async () => {
    reset();
    const urls = Array.from({ length: 200 }, (_, n) => `${base(n % 10)}/many/${n}`);
    const cache = memoryCache();
    let clock = 1_000_000;
    const started = Date.now();
    const r = await checkUrls(urls, { fetcher: loopback, cache, now: () => clock });
    expect([...r.values()].every((x) => x.kind === "ok")).toBe(true);
    expect(stats.max).toBeLessThanOrEqual(8);
    expect(stats.max, "the limit is used, not just respected").toBeGreaterThanOrEqual(6);
    expect(stats.maxPerHost).toBeLessThanOrEqual(2);
    // 200 HEADs of 40 ms, 8 at a time: about a second, nowhere near the budget.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stats.requests).toBe(200);
    // The second run asks nothing; a day later, or fresh, it asks again.
    await checkUrls(urls, { fetcher: loopback, cache, now: () => clock });
    expect(stats.requests).toBe(200);
    await checkUrls(urls.slice(0, 5), { fetcher: loopback, cache, now: () => clock, fresh: true });
    expect(stats.requests).toBe(205);
    clock += 25 * 60 * 60 * 1000;
    await checkUrls(urls.slice(0, 5), { fetcher: loopback, cache, now: () => clock });
    expect(stats.requests).toBe(210);
  });

  it("stops at its total budget and says what it left unchecked", async () => {
    reset();
    const urls = Array.from({ length: 6 }, (_, n) => `${base(0)}/slow?${n}`);
    const started = Date.now();
    const r = await checkUrls(urls, { fetcher: loopback, requestMs: 10_000, budgetMs: 400 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect([...r.values()].map((x) => x.kind)).toEqual(Array(6).fill("unchecked"));
  });

  const cli = (dir: string, args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; out: string }>((ok) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...env } });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      child.on("close", (code) => ok({ code: code ?? -1, out }));
    });

  it("briefpress check --links on a brief with 200 links and a DOI: within its budget, 8 in flight at most", async () => {
    const links = Array.from({ length: 200 }, (_, n) => `- [Page ${n}](${base(n % 10)}/many/${n})`).join("\n");
    const dir = scratchProject({
      "report/many.md": `---\ntitle: Many links\n---\n\n## Links\n\n${links}\n\nAs shown (Agency 2024).\n\n## References\n\nAgency. 2024. "A study." Journal 3. https://doi.org/10.1234/abc.5\n`,
    });
    reset();
    const started = Date.now();
    const r = await cli(dir, ["check", "report/many.md", "--links"], { BRIEFPRESS_LINK_BUDGET_MS: "60000", BRIEFPRESS_DOI_RESOLVER: `${base(0)}/doi/` });
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/link\//);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(stats.requests).toBeGreaterThanOrEqual(201);
    expect(stats.max).toBeLessThanOrEqual(8);
    expect(stats.maxPerHost).toBeLessThanOrEqual(2);
    // The DOI went through the resolver.
    expect(stats.dois).toContain("10.1234/abc.5");
  });

  it("briefpress check --links reports each at its line, with the new address as the hint", async () => {
    const b = base(0);
    const dir = scratchProject({
      "report/x.md": [
        "---\ntitle: Links\n---\n",
        "## Body\n",
        `The report is online (Agency 2024), as is [the old page](${b}/moved301).\n`,
        "## References\n",
        `Agency. 2024. "Annual report." ${b}/gone404.\n`,
      ].join("\n"),
    });
    const run = (args: string[]) =>
      new Promise<{ code: number; out: string }>((ok) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, BRIEFPRESS_LINK_TIMEOUT_MS: "2000" } });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("close", (code) => ok({ code: code ?? -1, out }));
      });
    const plain = await run(["check", "report/x.md"]);
    expect(plain.out).not.toContain("link/");
    reset();
    const r = await run(["check", "report/x.md", "--links"]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(new RegExp(`report/x.md:7:1 warning link/moved ${b.replace(/[.]/g, "\\.")}/moved301 has moved for good\\n\\s+hint: the new address: ${b.replace(/[.]/g, "\\.")}/ok`));
    expect(r.out).toMatch(/report\/x\.md:11:1 error link\/broken .*\/gone404 is broken: the server answers 404/);
    const asked = stats.requests;
    expect(asked).toBeGreaterThan(0);
    // Cached for a day: a second run asks nothing; --links=fresh asks again.
    await run(["check", "report/x.md", "--links"]);
    expect(stats.requests).toBe(asked);
    await run(["check", "report/x.md", "--links=fresh"]);
    expect(stats.requests).toBeGreaterThan(asked);
  });
});
