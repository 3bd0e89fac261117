// No request: every remote reference a brief, its settings or a hand-written deck can make
// points at the suite's loopback server, which must see no hit. `check` never fetches
// (only `check --links` does, and no case asks for it); builds embed nothing remote.
import { existsSync, readFileSync } from "node:fs";
import type { Case, Entry } from "../harness/suite.js";
import { PNG, build, check, md, pic } from "./common.js";

const U = "$URL/x.png";
const BODIES: Record<string, string> = {
  "md-image": pic(U),
  "md-image-https": pic("https://127.0.0.1:1/x.png"),
  "md-image-protocol-relative": pic("//127.0.0.1:1/x.png"),
  "raw-img": `<img src="${U}" alt="A chart">`,
  "raw-img-srcset": `<img src="../assets/chart.png" srcset="${U} 2x" alt="A chart">`,
  "raw-picture-source": `<picture><source srcset="${U}"><img src="../assets/chart.png" alt="A chart"></picture>`,
  "raw-video": `<video src="$URL/v.mp4" poster="${U}"></video>`,
  "raw-audio": `<audio src="$URL/a.mp3"></audio>`,
  "raw-iframe": `<iframe src="$URL/page"></iframe>`,
  "raw-object": `<object data="$URL/o.svg"></object>`,
  "raw-embed": `<embed src="$URL/e.svg">`,
  "raw-link-css": `<link rel="stylesheet" href="$URL/s.css">`,
  "raw-script": `<script src="$URL/s.js"></script>`,
  "raw-style-import": `<style>@import url("$URL/s.css");</style>`,
  "raw-style-bg": `<div style="background-image:url('${U}')">Text</div>`,
  "raw-figure": `<figure><img src="${U}" alt="A chart"><figcaption>A figure</figcaption></figure>`,
  "raw-input-image": `<input type="image" src="${U}">`,
  "raw-svg-inline": `<svg><image href="${U}" width="10" height="10"/></svg>`,
  "raw-meta-refresh": `<meta http-equiv="refresh" content="0;url=$URL/page">`,
  "raw-base": `<base href="$URL/">\n\n${pic("chart.png")}`,
  "link-only": `See [the report]($URL/report.pdf) and <$URL/auto>.`,
  "reference-image": `![A chart][c]\n\n[c]: ${U} "Credit: desk"`,
  "quarto-figure": `![A chart](${U}){#fig-x fig-alt="A chart"}`,
  "bare-url-image-ext": `$URL/x.png`,
};

/** Built to a PDF as well (the rest are checked only: check and build share prepare()). */
const BUILT = new Set(["md-image", "raw-img", "raw-video", "raw-link-css", "raw-style-import", "raw-style-bg", "raw-svg-inline", "raw-base", "raw-figure"]);

export const NETWORK: Case[] = [];
for (const [name, body] of Object.entries(BODIES)) {
  NETWORK.push(check(`network-${name}-check`, "network", { "assets/chart.png": PNG, "report/x.md": md(body) }));
  if (BUILT.has(name)) NETWORK.push(build(`network-${name}-build`, "network", { "assets/chart.png": PNG, "report/x.md": md(body) }));
}

// Settings that name remote files.
const SETTINGS: Record<string, Record<string, Entry>> = {
  bibliography: { "report/x.md": md("As shown [@k].", `title: T\nbibliography: "$URL/refs.bib"`) },
  csl: { "report/x.md": md("As shown (Okafor 2023).", `title: T\ncsl: "$URL/style.csl"`) },
  cover: { "report/x.md": md("Text.", `title: T\ncover:\n  image: "${U}"\n  alt: A cover`) },
  logo: { "report/x.md": md("Text."), "briefpress.yaml": `organisation:\n  name: Desk\n  logo: "${U}"\n` },
  include: { "report/x.qmd": md("{{< include $URL/part.qmd >}}") },
  "short-title-img": { "report/x.md": md("Text.", `title: T\nshort_title: '<img src="${U}">'`) },
  "short-title-md-image": { "report/x.md": md("Text.", `title: T\nshort_title: "![x](${U})"`) },
  "organisation-img": { "report/x.md": md("Text."), "briefpress.yaml": `organisation:\n  name: '<img src="${U}">'\n` },
  "organisation-md-image": { "report/x.md": md("Text."), "briefpress.yaml": `organisation:\n  name: "![logo](${U})"\n` },
  "summary-img": { "report/x.md": md("Text.", `title: T\nsummary: '<img src="${U}"> and ![x](${U})'`) },
  "key-points-img": { "report/x.md": md("Text.", `title: T\nkey_points:\n  - '<img src="${U}">'\n  - "![x](${U})"`) },
  "title-style-import": { "report/x.md": md("Text.", `title: '<style>@import "$URL/s.css";</style>Title'`) },
};
for (const [name, files] of Object.entries(SETTINGS)) {
  const target = "report/x.qmd" in files ? "report/x.qmd" : "report/x.md";
  NETWORK.push({ id: `network-setting-${name}-check`, cls: "network", files, argv: ["check", target] });
  // The derived deck carries the header and footer: built as slides.md, slides.html and the PPTX.
  NETWORK.push({
    id: `network-setting-${name}-deck`,
    cls: "network",
    files,
    argv: ["build", target, "--formats", "pdf,deck,pptx", "--skip-overflow-check"],
    hides: [/<img/],
    after: (dir) => assertNoRawHtml(dir),
  });
}

/** slides.md never carries raw HTML the writer typed in a setting. */
function assertNoRawHtml(dir: string): void {
  const path = `${dir}/dist/x/slides.md`;
  if (!existsSync(path)) return;
  const text = readFileSync(path, "utf8");
  const front = text.split(/^---$/m)[1] ?? "";
  // Escaped, "\<img" and "!\[" are words; unescaped they would be markup.
  if (/(?<!\\)<img|!(?<!\\)\[[^\]]*\]\(http/i.test(front)) throw new Error(`slides.md's header or footer carries markup: ${front}`);
}

// Hand-written decks: remote pictures, raw <img>, <video>, CSS @import and backgrounds.
const HAND = [
  `---\nmarp: true\n---\n\n# One\n\n![A chart]($URL/x.png)\n\n<img src="$URL/x.png">\n\n<video src="$URL/v.mp4"></video>\n\n---\n\n# Two\n\n![bg]($URL/bg.png)`,
  `---\nmarp: true\nbackgroundImage: url("$URL/bg.png")\nstyle: |\n  @import url("$URL/s.css");\n  section { background-image: url("$URL/bg.png"); }\n---\n\n# One\n\n<!-- _backgroundImage: url("$URL/bg2.png") -->\n<style>@import "$URL/s2.css"; section{background:url($URL/bg3.png)}</style>\n\n![](../assets/chart.png)`,
  "---\nmarp: true\n---\n\n# One\n\n![A chart](../../../../../../../..$OUT/secret.png)\n\n![Linked](../assets/linked.png)\n\n![In](../assets/chart.png)",
];
HAND.forEach((deck, i) => {
  const files = { "assets/chart.png": PNG, "assets/linked.png": { symlink: "$OUT/secret.png" }, "report/x.md": md("The commission met in May."), "slides/x.md": deck } as Record<string, Entry>;
  NETWORK.push({ id: `network-hand-deck-${i}`, cls: "network", files, argv: ["build", "report/x.md", "--formats", "deck,pptx", "--skip-overflow-check"] });
});
