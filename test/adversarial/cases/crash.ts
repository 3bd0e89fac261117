// Inputs that crashed: JavaScript built-ins as keys, very long lines, deep nesting, piles
// of combining marks, folders where files belong, YAML alias bombs, wrong reference types,
// include loops. Each must end in a diagnostic or a build, never a stack trace.
import type { Case, Entry } from "../harness/suite.js";
import { PNG, build, check, md, pic } from "./common.js";

export const CRASH: Case[] = [];
const BUILTINS = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", "prototype", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupGetter__", "then"];
for (const key of BUILTINS) {
  CRASH.push(check(`crash-key-front-${key}`, "crash", { "report/x.md": md("Text.", `title: T\n${key}: 1`) }, { codes: [0, 1] }));
  CRASH.push(check(`crash-key-config-${key}`, "crash", { "report/x.md": md("Text."), "briefpress.yaml": `${key}: 1\norganisation:\n  ${key}: x\n` }, { codes: [0, 1] }));
  CRASH.push(check(`crash-key-nested-${key}`, "crash", { "report/x.md": md("Text.", `title: T\ncrossref:\n  ${key}: x\nauthor:\n  - name: A\n    ${key}: y\naliases:\n  ${key}: z`) }, { codes: [0, 1] }));
  CRASH.push(check(`crash-key-cite-${key}`, "crash", { "report/refs.bib": `@misc{${key}, title={T}, author={A, B.}, year={2020}}\n`, "report/x.md": md(`As shown [@${key}] and (${key} 2020).`, "title: T\nbibliography: refs.bib") }, { codes: [0, 1] }));
}

const LONG: Record<string, string> = {
  "125k-word": "w".repeat(125_000),
  "200k-words": `${"word ".repeat(40_000)}END`,
  "1m-no-space": "x".repeat(1_000_000),
  "heading-150k": `# ${"h".repeat(150_000)}`,
  "table-cell-150k": `| a | b |\n|---|---|\n| ${"c".repeat(150_000)} | d |`,
  "url-150k": `[link](https://example.org/${"p".repeat(150_000)})`,
  "link-text-150k": `[${"t ".repeat(75_000)}](#x)`,
  "citation-150k": `(${"Okafor ".repeat(20_000)}2023)`,
  "footnote-150k": `Text.[^1]\n\n[^1]: ${"n".repeat(150_000)}`,
  "list-item-150k": `- ${"i".repeat(150_000)}`,
};
for (const [name, body] of Object.entries(LONG)) {
  CRASH.push(check(`crash-long-${name}-check`, "crash", { "report/x.md": md(body) }));
  if (/125k|200k|heading|footnote|table/.test(name)) CRASH.push(build(`crash-long-${name}-build`, "crash", { "report/x.md": md(body) }));
}
CRASH.push(check("crash-long-title-150k", "crash", { "report/x.md": md("Text.", `title: "${"T".repeat(150_000)}"`) }));

const DEEP: Record<string, string> = {
  "emphasis-1000": `${"*_".repeat(1000)}deep${"_*".repeat(1000)}`,
  "strong-1000": `${"**".repeat(1000)}deep${"**".repeat(1000)}`,
  "blockquote-10000": `${">".repeat(10_000)} deep`,
  "list-5000": Array.from({ length: 5000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n"),
  "brackets-20000": `${"[".repeat(20_000)}x${"]".repeat(20_000)}`,
  "parens-20000": `${"(".repeat(20_000)}2020${")".repeat(20_000)}`,
  "backticks-100000": "`".repeat(100_000),
  "stars-100000": "*".repeat(100_000),
  "html-div-10000": `${"<div>".repeat(10_000)}x${"</div>".repeat(10_000)}`,
  "html-span-10000": `${"<span>".repeat(10_000)}x${"</span>".repeat(10_000)}`,
  "links-nested-2000": `${"[a](".repeat(2000)}x${")".repeat(2000)}`,
  "combining-100000": `a${"\u0301".repeat(100_000)} b`,
  "combining-arabic-50000": `ب${"\u064b".repeat(50_000)}`,
  "zwj-50000": `👩${"\u200d👩".repeat(20_000)}`,
  "rtl-overrides-10000": "\u202e\u202d".repeat(10_000),
  "footnotes-5000": `${Array.from({ length: 5000 }, (_, i) => `N[^${i}]`).join(" ")}\n\n${Array.from({ length: 5000 }, (_, i) => `[^${i}]: n ${i}`).join("\n")}`,
  "footnote-self": "A[^a]\n\n[^a]: B[^a]",
  "headings-20000": Array.from({ length: 20_000 }, (_, i) => `## H${i}`).join("\n\n"),
  "callouts-3000": `${"::: {.callout-note}\n".repeat(3000)}x\n${":::\n".repeat(3000)}`,
  "math-deep": `$${"{".repeat(5000)}x${"}".repeat(5000)}$`,
};
for (const [name, body] of Object.entries(DEEP)) {
  CRASH.push(check(`crash-deep-${name}-check`, "crash", { "report/x.md": md(body) }));
  if (/emphasis|blockquote|combining-100000|html-div|brackets|list-5000|zwj|footnote-self/.test(name)) CRASH.push(build(`crash-deep-${name}-build`, "crash", { "report/x.md": md(body) }));
}
// 100,000 combining marks through the deck's Chromium (its page crashed, uncaught).
CRASH.push({ id: "crash-deep-combining-deck", cls: "crash", files: { "report/x.md": md(`## Section\n\n- a${"\u0301".repeat(100_000)} b`) }, argv: ["build", "report/x.md", "--formats", "pdf,deck"] });

// Folders where a file belongs.
const FOLDERS: Record<string, Record<string, Entry>> = {
  picture: { "assets/chart.png": { dir: true }, "report/x.md": md(pic("../assets/chart.png")) },
  "raw-img": { "assets/chart.png": { dir: true }, "report/x.md": md('<img src="../assets/chart.png" alt="x">') },
  cover: { "assets/cover.png": { dir: true }, "report/x.md": md("Text.", "title: T\ncover:\n  image: ../assets/cover.png\n  alt: A cover") },
  logo: { "assets/logo.svg": { dir: true }, "report/x.md": md("Text."), "briefpress.yaml": "organisation:\n  name: D\n  logo: assets/logo.svg\n" },
  bibliography: { "report/refs.bib": { dir: true }, "report/x.md": md("As shown [@k].", "title: T\nbibliography: refs.bib") },
  csl: { "report/s.csl": { dir: true }, "report/x.md": md("Text.", "title: T\ncsl: s.csl") },
  include: { "report/_p.qmd": { dir: true }, "report/x.qmd": md("{{< include _p.qmd >}}") },
  config: { "briefpress.yaml": { dir: true }, "report/x.md": md("Text.") },
  "hand-deck": { "slides/x.md": { dir: true }, "report/x.md": md("Text.") },
  "fifo-picture": { "assets/chart.png": { fifo: true }, "report/x.md": md(pic("../assets/chart.png")) },
  "fifo-bib": { "report/refs.bib": { fifo: true }, "report/x.md": md("As shown [@k].", "title: T\nbibliography: refs.bib") },
  "fifo-include": { "report/_p.qmd": { fifo: true }, "report/x.qmd": md("{{< include _p.qmd >}}") },
  "fifo-config": { "briefpress.yaml": { fifo: true }, "report/x.md": md("Text.") },
  "devzero-picture": { "assets/chart.png": { symlink: "/dev/zero" }, "report/x.md": md(pic("../assets/chart.png")) },
  "devzero-bib": { "report/refs.bib": { symlink: "/dev/zero" }, "report/x.md": md("As shown [@k].", "title: T\nbibliography: refs.bib") },
  "dangling-link": { "assets/chart.png": { symlink: "/nonexistent/x.png" }, "report/x.md": md(pic("../assets/chart.png")) },
  "link-loop": { "assets/a.png": { symlink: "b.png" }, "assets/b.png": { symlink: "a.png" }, "report/x.md": md(pic("../assets/a.png")) },
};
for (const [name, files] of Object.entries(FOLDERS)) {
  const target = "report/x.qmd" in files ? "report/x.qmd" : "report/x.md";
  CRASH.push({ id: `crash-notfile-${name}-check`, cls: "crash", files, argv: ["check", target] });
  CRASH.push({ id: `crash-notfile-${name}-build`, cls: "crash", files, argv: ["build", target, "--formats", "pdf"] });
}

// YAML bombs and oddities, in the front matter and in briefpress.yaml.
let laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
let prev = "a";
for (const n of "bcdefghi") {
  laughs += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
  prev = n;
}
const YAML: Record<string, string> = {
  "alias-bomb": laughs,
  "alias-missing": "summary: *nothing",
  "deep-flow-5000": `x: ${"[".repeat(5000)}${"]".repeat(5000)}`,
  "deep-map-2000": Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n"),
  "merge-key-loop": "a: &a\n  <<: *a\n  x: 1",
  "huge-key": `${"k".repeat(200_000)}: 1`,
  "tags": "title: !!binary aGVsbG8=\nsummary: !js/function 'function(){}'",
  "duplicate-keys": "title: A\ntitle: B",
  "tab-indent": "title: A\n\tsubtitle: B",
  "bom-inside": "\ufefftitle: A",
  "null-title": "title: ~",
  "number-title": "title: 12",
  "list-title": "title: [a, b]",
  "map-title": "title: {a: 1}",
};
for (const [name, yaml] of Object.entries(YAML)) {
  const front = /^title:/.test(yaml) ? yaml : `title: T\n${yaml}`;
  CRASH.push(check(`crash-yaml-front-${name}`, "crash", { "report/x.md": md("Text.", front) }));
  CRASH.push(check(`crash-yaml-config-${name}`, "crash", { "report/x.md": md("Text."), "briefpress.yaml": yaml }));
}

// References of the wrong types: Pandoc's references:, CSL-JSON and BibTeX files.
const REFS: Record<string, Record<string, Entry>> = {
  "pandoc-author-string": { "report/x.md": md("As shown [@a].", "title: T\nreferences:\n  - id: a\n    type: book\n    author: Okafor, C.\n    title: T\n    issued: 2020") },
  "pandoc-title-array": { "report/x.md": md("As shown [@a].", "title: T\nreferences:\n  - id: a\n    title: [x, y]\n    author: [{family: O}]") },
  "pandoc-issued-string": { "report/x.md": md("As shown [@a].", "title: T\nreferences:\n  - id: a\n    issued: sometime\n    author: {family: O}") },
  "pandoc-id-number": { "report/x.md": md("As shown [@12].", "title: T\nreferences:\n  - id: 12\n    title: T") },
  "pandoc-references-map": { "report/x.md": md("As shown [@a].", "title: T\nreferences:\n  a: {title: T}") },
  "pandoc-duplicate-ids": { "report/x.md": md("As shown [@a].", "title: T\nreferences:\n  - id: a\n    title: T\n  - id: a\n    title: U") },
  "csl-title-array": { "report/r.json": JSON.stringify([{ id: "a", type: "book", title: ["x", "y"], author: "Okafor" }]), "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.json") },
  "csl-not-array": { "report/r.json": JSON.stringify({ id: "a" }), "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.json") },
  "csl-broken-json": { "report/r.json": '[{"id": "a", "title": ', "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.json") },
  "csl-date-parts-strings": { "report/r.json": JSON.stringify([{ id: "a", issued: { "date-parts": [["x", {}]] }, author: [{ family: 3 }] }]), "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.json") },
  "csl-deep-json": { "report/r.json": `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.json") },
  "bib-unbalanced": { "report/r.bib": "@article{a, title={T, author={O}, year=2020\n", "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.bib") },
  "bib-deep-braces": { "report/r.bib": `@misc{a, title={${"{".repeat(20_000)}x${"}".repeat(20_000)}}, year={2020}}\n`, "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.bib") },
  "bib-string-loop": { "report/r.bib": '@string{a = b}\n@string{b = a}\n@misc{k, title = a, year={2020}}\n', "report/x.md": md("As shown [@k].", "title: T\nbibliography: r.bib") },
  "bib-crossref-loop": { "report/r.bib": "@misc{a, crossref={b}, year={2020}}\n@misc{b, crossref={a}}\n", "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.bib") },
  "bib-binary": { "report/r.bib": PNG, "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.bib") },
  "bib-latin1": { "report/r.bib": Buffer.from("@misc{a, title={Caf\xe9}, year={2020}}\n", "latin1"), "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.bib") },
  "bib-10000-authors": { "report/r.bib": `@misc{a, author={${Array.from({ length: 10_000 }, (_, i) => `A${i}, B`).join(" and ")}}, year={2020}}\n`, "report/x.md": md("As shown [@a].", "title: T\nbibliography: r.bib") },
  "csl-style-broken": { "report/s.csl": "<style><citation>", "report/x.md": md("As shown (Okafor 2023).", "title: T\ncsl: s.csl") },
  "csl-style-entities": { "report/s.csl": '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>&c;</title></info></style>', "report/x.md": md("Text.", "title: T\ncsl: s.csl") },
};
for (const [name, files] of Object.entries(REFS)) {
  CRASH.push(check(`crash-refs-${name}-check`, "crash", files));
  CRASH.push(build(`crash-refs-${name}-build`, "crash", files));
}

// Includes that loop or pile up.
const INCLUDES: Record<string, Record<string, Entry>> = {
  self: { "report/x.qmd": md("{{< include x.qmd >}}") },
  pair: { "report/a.qmd": "A\n\n{{< include b.qmd >}}\n", "report/b.qmd": "B\n\n{{< include a.qmd >}}\n", "report/x.qmd": md("{{< include a.qmd >}}") },
  ten: Object.fromEntries([...Array.from({ length: 10 }, (_, i) => [`report/p${i}.qmd`, Array.from({ length: 10 }, (_, j) => `{{< include p${j}.qmd >}}`).join("\n\n")]), ["report/x.qmd", md("{{< include p0.qmd >}}")]]),
  "chain-200": Object.fromEntries([...Array.from({ length: 200 }, (_, i) => [`report/c${i}.qmd`, `Part ${i}.\n\n{{< include c${i + 1}.qmd >}}\n`]), ["report/c200.qmd", "End.\n"], ["report/x.qmd", md("{{< include c0.qmd >}}")]]),
  "wide-bytes": Object.fromEntries([["report/big.qmd", `${"Word ".repeat(200_000)}\n`], ["report/x.qmd", md(Array(12).fill("{{< include big.qmd >}}").join("\n\n"))]]),
  missing: { "report/x.qmd": md("{{< include nothing.qmd >}}") },
  "not-utf8": { "report/p.qmd": Buffer.from([0xff, 0xfe, 0x00, 0x41]), "report/x.qmd": md("{{< include p.qmd >}}") },
};
for (const [name, files] of Object.entries(INCLUDES)) {
  CRASH.push(check(`crash-include-${name}-check`, "crash", files, { argv: ["check", "report/x.qmd"] }));
  CRASH.push(build(`crash-include-${name}-build`, "crash", files, { argv: ["build", "report/x.qmd", "--formats", "pdf"] }));
}
CRASH.push(check("crash-picture-good-control", "crash", { "assets/chart.png": PNG, "report/x.md": md(pic("../assets/chart.png")) }, { codes: [0] }));
