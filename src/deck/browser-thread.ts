// The browser's thread (browser.ts starts it): loads playwright at once, opens the Chromium
// session when it is asked to, and answers each call with its result.
import type * as Playwright from "playwright-core";
import { parentPort } from "node:worker_threads";
import { isUserFacing } from "../model/errors.js";
import { loadPackage } from "../world/packages.js";
import type { DeckBrowser, BrowserCall, BrowserReply } from "./browser.js";
import { openDeckSession } from "./browser-session.js";

const port = parentPort;
if (!port) throw new Error("browser-thread.js runs as a worker thread");
// Before any call arrives: this is what the thread is started early for.
const { chromium } = loadPackage<typeof Playwright>("playwright-core");
let session: DeckBrowser | undefined;

function open(): DeckBrowser {
  if (!session) throw new Error("the browser's thread was called before Chromium was opened");
  return session;
}

async function answer(call: BrowserCall): Promise<unknown> {
  switch (call.op) {
    case "open":
      session = openDeckSession(chromium, call.chromePath);
      return undefined;
    case "overflow":
      return open().overflow(call.html);
    case "measure":
      return open().measure(call.html);
    case "pdf":
      return open().pdf(call.html);
    case "handout":
      return open().handout(call.html, call.notes);
    case "close":
      return open().close();
  }
}

port.on("message", (call: BrowserCall) => {
  answer(call).then(
    (value) => {
      const reply: BrowserReply = { id: call.id, ok: true, value };
      port.postMessage(reply, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => {
      const reply: BrowserReply = { id: call.id, ok: false, message: e instanceof Error ? e.message : String(e), environment: isUserFacing(e) };
      port.postMessage(reply);
    },
  );
});
