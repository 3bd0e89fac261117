// The preview server: one page on 127.0.0.1 showing the brief's PDF (pdf.js), its deck
// and its diagnostics, updated by server-sent events after every rebuild. It serves the
// page, pdf.js, and the files directly inside dist/<slug>; nothing else, no listings.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../model/diagnostics.js";
import { resolvePackage } from "../world/packages.js";
import { PAGE } from "./page.js";

export interface PreviewState {
  file: string;
  /** Bumped whenever a build wrote new outputs: the page reloads the PDF and the deck. */
  version: number;
  /** Whether brief.pdf and slides.html exist (the last good ones when the brief has errors). */
  pdf: boolean;
  deck: boolean;
  /** Every output of the build there is now (brief.html, slides.pdf, slides.pptx…), linked from the page. */
  outputs: string[];
  building: boolean;
  /** The last build's diagnostics, errors first, with absolute paths for editor links. */
  diagnostics: Array<Diagnostic & { path: string }>;
  ms: number;
  builtAt: string;
}

const TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".html": "text/html; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".mjs": "text/javascript; charset=utf-8",
};

/** pdf.js, from its package: the only files served from outside the brief's outputs. */
function pdfJs(name: "pdf.mjs" | "pdf.worker.mjs"): string | null {
  try {
    return resolvePackage(`pdfjs-dist/legacy/build/${name}`);
  } catch {
    return null;
  }
}

export class PreviewServer {
  private readonly clients = new Set<ServerResponse>();
  private server?: Server;
  state: PreviewState;
  /** dist/<slug>, once the first build names the slug. */
  outDir: string | null = null;

  constructor(file: string) {
    this.state = { file, version: 0, pdf: false, deck: false, outputs: [], building: true, diagnostics: [], ms: 0, builtAt: "" };
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((ok, fail) => {
      this.server!.once("error", fail);
      // Loopback only: the preview is for the writer at this machine.
      this.server!.listen(port, "127.0.0.1", () => ok());
    });
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** A build ended: new state to every open page. */
  update(state: Partial<PreviewState>): void {
    this.state = { ...this.state, ...state };
    const message = `data: ${JSON.stringify(this.state)}\n\n`;
    for (const c of this.clients) c.write(message);
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.end();
    this.clients.clear();
    if (!this.server) return;
    const closed = new Promise((ok) => this.server!.close(ok));
    this.server.closeAllConnections();
    await closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" && req.method !== "HEAD") return this.send(res, 405, "text/plain", "method not allowed");
    if (url.pathname === "/") return this.send(res, 200, "text/html; charset=utf-8", PAGE);
    if (url.pathname === "/state") return this.send(res, 200, "application/json", JSON.stringify(this.state));
    if (url.pathname === "/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(`data: ${JSON.stringify(this.state)}\n\n`);
      this.clients.add(res);
      req.on("close", () => this.clients.delete(res));
      return;
    }
    if (url.pathname === "/pdfjs/pdf.mjs" || url.pathname === "/pdfjs/pdf.worker.mjs") {
      const path = pdfJs(url.pathname.slice(7) as "pdf.mjs" | "pdf.worker.mjs");
      return path ? this.send(res, 200, TYPES[".mjs"]!, readFileSync(path)) : this.send(res, 404, "text/plain", "pdf.js is not installed");
    }
    const out = /^\/out\/([^/]+)$/.exec(url.pathname);
    if (out) {
      const path = this.outputFile(out[1]!);
      if (path) return this.send(res, 200, TYPES[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream", readFileSync(path));
    }
    this.send(res, 404, "text/plain", "not found");
  }

  /** A file directly inside dist/<slug>, or null: no folders, no dot files, no way out. */
  private outputFile(raw: string): string | null {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!this.outDir || !/^[\w][\w.-]*$/.test(name) || name.includes("..") || name.endsWith(".tmp")) return null;
    const path = resolve(this.outDir, name);
    if (path !== join(this.outDir, name) || !existsSync(path) || !statSync(path).isFile()) return null;
    return path;
  }

  private send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(body);
  }
}
