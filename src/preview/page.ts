// The preview page: the PDF's pages drawn by pdf.js, the deck in a frame, and the
// diagnostics on top, each linking to its line in the editor. It listens for the
// server's events and redraws only what changed; when the brief has errors, the last
// good PDF stays and the errors are listed above it.
export const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>briefpress preview</title>
<style>
body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1d1d1f;background:#eef0f3}
header{display:flex;gap:1rem;align-items:baseline;padding:.6rem 1rem;background:#1f3a5f;color:#fff}
header h1{font-size:1rem;margin:0}
#status{margin:0;color:#e3e8ef}
header nav{margin-left:auto}
#outputs{display:flex;flex-wrap:wrap;gap:.75rem;margin:0;padding:0;list-style:none}
#outputs a{color:#fff}
#problems{margin:0;padding:.5rem 1rem;background:#fff4f2;border-bottom:2px solid #c8553d}
#problems[hidden]{display:none}
#problems h2{font-size:.95rem;margin:.2rem 0}
#diagnostics{margin:0;padding-left:1.2rem}
#diagnostics li{margin:.15rem 0}
#diagnostics .error .sev{color:#a4161a;font-weight:700}
#diagnostics .warning .sev{color:#8a5a00;font-weight:700}
#diagnostics .hint{display:block;color:#5b6470}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;padding:1rem}
@media (max-width:900px){main{grid-template-columns:1fr}}
main h2{font-size:.95rem;margin:0 0 .5rem}
#pages canvas{display:block;width:100%;height:auto;margin:0 0 .75rem;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.25)}
#deck{width:100%;height:80vh;border:0;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.25)}
.empty{color:#5b6470}
</style>
</head>
<body>
<header><h1>briefpress preview</h1><p id="status" role="status">building…</p><nav aria-label="Outputs"><ul id="outputs"></ul></nav></header>
<section id="problems" aria-labelledby="problems-heading" hidden><h2 id="problems-heading">Problems</h2><ul id="diagnostics"></ul></section>
<main>
<section aria-labelledby="pdf-heading"><h2 id="pdf-heading">Brief (brief.pdf)</h2><div id="pages" data-version="none"><p class="empty">No PDF yet.</p></div></section>
<section aria-labelledby="deck-heading"><h2 id="deck-heading">Slides (slides.html)</h2><iframe id="deck" title="The slide deck"></iframe></section>
</main>
<script type="module">
import * as pdfjs from "/pdfjs/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.mjs";
// One worker for the page's life: starting pdf.js's worker costs more than drawing a page.
const worker = new pdfjs.PDFWorker();
const $ = (id) => document.getElementById(id);
let shown = null;
let drawing = Promise.resolve();

let received = 0;

function show(s) {
  const errors = s.diagnostics.filter((d) => d.severity === "error").length;
  $("status").textContent = s.building ? "building…" : errors
    ? s.file + ": not built, " + errors + " error" + (errors === 1 ? "" : "s") + (s.pdf ? " (showing the last good PDF)" : "")
    : s.file + " built at " + s.builtAt + " (" + s.ms + " ms)";
  const list = $("diagnostics");
  list.replaceChildren(...s.diagnostics.map((d) => {
    const li = document.createElement("li");
    li.className = d.severity;
    const where = d.file + ":" + d.span.start.line + ":" + d.span.start.column;
    const a = document.createElement("a");
    a.href = "vscode://file/" + d.path + ":" + d.span.start.line + ":" + d.span.start.column;
    a.textContent = where;
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = " " + d.severity + " ";
    li.append(a, sev, d.ruleId + " " + d.message);
    for (const h of d.hints) {
      const hint = document.createElement("span");
      hint.className = "hint";
      hint.textContent = "hint: " + h;
      li.append(hint);
    }
    return li;
  }));
  $("problems").hidden = s.diagnostics.length === 0;
  // Every output of the build, opened in its own tab (the web edition, the speaker's copy…).
  $("outputs").replaceChildren(...s.outputs.map((name) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = "/out/" + name + "?v=" + s.version;
    a.target = "_blank";
    a.textContent = name;
    li.append(a);
    return li;
  }));
  if (s.version !== shown) {
    shown = s.version;
    received = performance.now();
    const deck = () => {
      if (s.deck) $("deck").src = "/out/slides.html?v=" + s.version;
    };
    // The deck reloads once the PDF's first page is up: both would compete for this thread.
    if (s.pdf) drawing = drawing.then(() => drawPdf(s.version, deck)).catch((e) => ($("status").textContent = "pdf.js: " + e.message));
    else deck();
  }
}

async function drawPdf(version, then) {
  const doc = await pdfjs.getDocument({ url: "/out/brief.pdf?v=" + version, worker }).promise;
  let text = "";
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Page " + n);
    await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    // The first page replaces the old one at once; the others follow as they are drawn.
    if (n === 1) {
      $("pages").replaceChildren(canvas);
      // How long from the server's event to the new first page: the page's own latency.
      $("pages").dataset.drawMs = String(Math.round(performance.now() - received));
      then();
    } else $("pages").append(canvas);
    // Read after drawing: the text is for tests and search, not for the first paint.
    text += (await page.getTextContent()).items.map((i) => i.str).join(" ") + "\\n";
  }
  $("pages").dataset.version = String(version);
  $("pages").dataset.text = text;
  if (doc.numPages === 0) then();
  await doc.destroy();
}

new EventSource("/events").onmessage = (e) => show(JSON.parse(e.data));
</script>
</body>
</html>
`;
