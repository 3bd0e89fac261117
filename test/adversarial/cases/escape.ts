// Escape from the project: every way a brief can name a file (include, picture, raw
// <img>, bibliography, CSL style, cover, logo, hand-written deck) crossed with every way
// out (a symlink to a file outside, ../.., an absolute path, a linked folder, a file: URL);
// SVGs pointing out; a linked dist/<slug>; odd brief names.
import { existsSync } from "node:fs";
import type { Case, Entry } from "../harness/suite.js";
import { PNG, SVG, build, check, md, pic } from "./common.js";

type Route = { name: string; ref: (secret: string, local: string) => string; files: (secret: string, local: string) => Record<string, Entry> };

// `local` is where the file would sit in the project; `secret` is the outside file's name.
const ROUTES: Route[] = [
  { name: "symlink", ref: (_s, l) => l, files: (s, l) => ({ [l]: { symlink: `$OUT/${s}` } }) },
  { name: "dotdot", ref: (s) => `../../../../../../../../../..$OUT/${s}`, files: () => ({}) },
  { name: "absolute", ref: (s) => `$OUT/${s}`, files: () => ({}) },
  { name: "linked-folder", ref: (s, l) => `${l.replace(/[^/]+$/, "")}out/${s}`, files: (_s, l) => ({ [`${l.replace(/[^/]+$/, "")}out`]: { symlink: "$OUT" } }) },
  { name: "file-url", ref: (s) => `file://$OUT/${s}`, files: () => ({}) },
  { name: "chained-symlink", ref: (_s, l) => l, files: (s, l) => ({ [l]: { symlink: "hop1" }, [`${l.replace(/[^/]+$/, "")}hop1`]: { symlink: `$OUT/${s}` } }) },
];

/** Relative to report/ for brief-named files, the project root for briefpress.yaml. */
const rel = (ref: string) => (ref.startsWith("report/") ? ref.slice("report/".length) : ref.startsWith("$") || ref.startsWith("file:") || ref.startsWith("../") ? ref : `../${ref}`);

const KINDS: Array<{ name: string; secret: string; local: string; brief: (ref: string) => Record<string, Entry> }> = [
  { name: "include", secret: "secret.qmd", local: "report/_part.qmd", brief: (r) => ({ "report/x.qmd": md(`Before.\n\n{{< include ${r.startsWith("report/") ? r.slice(7) : rel(r)} >}}\n\nAfter.`) }) },
  { name: "picture", secret: "secret.png", local: "assets/chart.png", brief: (r) => ({ "report/x.md": md(pic(rel(r))) }) },
  { name: "raw-img", secret: "secret.png", local: "assets/chart.png", brief: (r) => ({ "report/x.md": md(`<img src="${rel(r)}" alt="A chart">`) }) },
  { name: "svg-picture", secret: "secret.svg", local: "assets/chart.svg", brief: (r) => ({ "report/x.md": md(pic(rel(r))) }) },
  { name: "bibliography", secret: "secret.bib", local: "report/refs.bib", brief: (r) => ({ "report/x.md": md("As shown [@leak].", `title: T\nbibliography: "${r.startsWith("report/") ? r.slice(7) : rel(r)}"`) }) },
  { name: "csl-json", secret: "secret.json", local: "report/refs.json", brief: (r) => ({ "report/x.md": md("As shown [@leak].", `title: T\nbibliography: "${r.startsWith("report/") ? r.slice(7) : rel(r)}"`) }) },
  { name: "style", secret: "secret.csl", local: "report/style.csl", brief: (r) => ({ "report/x.md": md("As shown (Okafor 2023).", `title: T\ncsl: "${r.startsWith("report/") ? r.slice(7) : rel(r)}"`) }) },
  { name: "cover", secret: "secret.png", local: "assets/cover.png", brief: (r) => ({ "report/x.md": md("Text.", `title: T\ncover:\n  image: "${rel(r)}"\n  alt: A cover\n  credit: Us`) }) },
  { name: "logo", secret: "secret.svg", local: "assets/logo.svg", brief: (r) => ({ "report/x.md": md("Text."), "briefpress.yaml": `organisation:\n  name: Desk\n  logo: "${r.startsWith("$") || r.startsWith("file:") || r.startsWith("../") ? r.replace(/^(\.\.\/)+/, "../../../../../../../../") : r}"\n` }) },
];

export const ESCAPE: Case[] = [];
for (const kind of KINDS) {
  for (const route of ROUTES) {
    const ref = route.ref(kind.secret, kind.local);
    const files = { ...route.files(kind.secret, kind.local), ...kind.brief(ref) };
    const target = "report/x.qmd" in files ? "report/x.qmd" : "report/x.md";
    ESCAPE.push({ id: `escape-${kind.name}-${route.name}`, cls: "escape", files, argv: ["check", target] });
  }
  // The same escapes through a PDF build, for the routes a renderer might follow itself.
  const ref = ROUTES[0]!.ref(kind.secret, kind.local);
  const files = { ...ROUTES[0]!.files(kind.secret, kind.local), ...kind.brief(ref) };
  const target = "report/x.qmd" in files ? "report/x.qmd" : "report/x.md";
  ESCAPE.push({ id: `escape-${kind.name}-symlink-build`, cls: "escape", files, argv: ["build", target, "--formats", "pdf"] });
}

// An SVG inside the project that points out of it: refused before any renderer draws it.
const svgOut = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">${inner}</svg>`;
const SVG_OUT: Record<string, string> = {
  "image-dotdot": '<image href="../../../../../../../..$OUT/secret.png" width="10" height="10"/>',
  "image-absolute": '<image href="$OUT/secret.png" width="10" height="10"/>',
  "image-file-url": '<image href="file://$OUT/secret.png" width="10" height="10"/>',
  "xlink-href": '<image xlink:href="$OUT/secret.png" width="10" height="10"/>',
  "use-other-file": '<use href="$OUT/secret.svg#a"/>',
  "style-url": '<rect width="10" height="10" style="fill:url($OUT/secret.svg#g)"/>',
  "style-import": '<style>@import url("$OUT/secret.css");</style><rect width="10" height="10"/>',
  "fe-image": '<filter id="f"><feImage href="$OUT/secret.png"/></filter><rect width="10" height="10" filter="url(#f)"/>',
  "entity-system": "", // below: a DOCTYPE that names an outside file
  "image-sibling-link": '<image href="linked.png" width="10" height="10"/>',
  "text-ref": '<text><tref href="$OUT/secret.svg#t"/></text>',
  "pattern-href": '<pattern id="p" href="$OUT/secret.svg#p"/><rect width="10" height="10" fill="url(#p)"/>',
};
for (const [name, inner] of Object.entries(SVG_OUT)) {
  const svg = name === "entity-system" ? `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY s SYSTEM "file://$OUT/secret.txt">]>${svgOut("<text>&s;</text>")}` : svgOut(inner);
  for (const argv of [["check", "report/x.md"], ["build", "report/x.md", "--formats", "pdf"]]) {
    ESCAPE.push({ id: `escape-svg-${name}-${argv[0]}`, cls: "escape", files: { "assets/evil.svg": svg, "assets/linked.png": { symlink: "$OUT/secret.png" }, "report/x.md": md(pic("../assets/evil.svg")) }, argv, codes: [1] });
  }
}

// Outputs that would land outside: a linked dist/<slug> or dist, and odd brief names.
const good = md("The commission met in May.");
ESCAPE.push(
  { id: "escape-dist-slug-link", cls: "escape", files: { "report/x.md": good, "dist/x": { symlink: "$OUT" } }, argv: ["build", "report/x.md", "--formats", "pdf"], codes: [0, 2] },
  { id: "escape-dist-link", cls: "escape", files: { "report/x.md": good, dist: { symlink: "$OUT" } }, argv: ["build", "report/x.md", "--formats", "pdf"], codes: [0, 2] },
  { id: "escape-dist-slug-file-link", cls: "escape", files: { "report/x.md": good, "dist/x": { dir: true }, "dist/x/brief.pdf": { symlink: "$OUT/secret.txt" } }, argv: ["build", "report/x.md", "--formats", "pdf"], codes: [0, 2] },
  { id: "escape-out-flag-dotdot", cls: "escape", files: { "report/x.md": good }, argv: ["build", "report/x.md", "--formats", "pdf", "--out", "dist/../dist"], codes: [0, 2] },
);
for (const name of ["...md", "..md", ".md", "-x.md", "a b.md", "ü-brief.md", "x.MD", "CON.md", `${"n".repeat(200)}.md`, "$(touch pwned).md", "%2e%2e.md", "x;rm.md"]) {
  ESCAPE.push({
    id: `escape-name-${Buffer.from(name).toString("hex").slice(0, 24)}`,
    cls: "escape",
    files: { [`report/${name}`]: good },
    argv: ["build", `report/${name}`, "--formats", "pdf"],
    codes: [0, 1, 2],
    after: (dir) => {
      for (const f of ["brief.pdf", "slides.md"]) if (existsSync(`${dir}/${f}`) || existsSync(`${dir}/dist/${f}`)) throw new Error(`${f} written outside its own folder`);
    },
  });
}
// A picture that is fine, beside one that escapes: the fine one is still read, the other refused.
ESCAPE.push(check("escape-mixed-good-and-bad", "escape", { "assets/chart.png": PNG, "assets/ok.svg": SVG, "assets/bad.png": { symlink: "$OUT/secret.png" }, "report/x.md": md(`${pic("../assets/chart.png")}\n\n${pic("../assets/ok.svg")}\n\n${pic("../assets/bad.png")}`) }, { codes: [1], shows: [/outside the project/] }));
ESCAPE.push(build("escape-report-folder-link", "escape", { "report/sub": { symlink: "$OUT" }, "report/x.md": md("{{< include sub/secret.qmd >}}") }, { argv: ["build", "report/x.md", "--formats", "pdf"] }));
