// The style corpus: the invented sources of test/fixtures/real-world/corpus.bib, formatted
// by citation-js in each common style's CSL file (Debian's citation-style-language-styles),
// pasted into a brief the way a writer pastes Zotero's output, and cited in the style's
// own in-text form. `node test/support/style-corpus.mjs --write` refreshes the fixtures.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(ROOT, "package.json"));
export const STYLE_DIR = "/usr/share/citation-style-language/styles";
export const CORPUS_DIR = join(ROOT, "test", "fixtures", "real-world", "styles");

/**
 * kind: how the style cites in text. layout: how the writer pasted the list (blank
 * lines between entries, one entry per line, or a markdown numbered list).
 */
export const STYLES = [
  { name: "apa", kind: "author-date", page: (p) => `p. ${p}`, heading: "References", layout: "paragraphs" },
  { name: "harvard-cite-them-right", kind: "author-date", page: (p) => `p. ${p}`, heading: "Reference list", layout: "lines" },
  { name: "chicago-author-date", kind: "author-date", page: (p) => `${p}`, heading: "IV. References", layout: "paragraphs" },
  { name: "american-sociological-association", kind: "author-date", page: (p) => `${p}`, colon: true, heading: "References", layout: "paragraphs" },
  { name: "elsevier-harvard", kind: "author-date", page: (p) => `p. ${p}`, heading: "7 References", layout: "lines" },
  { name: "modern-language-association", kind: "author-page", heading: "Works Cited", layout: "paragraphs" },
  { name: "vancouver", kind: "numeric", marker: "parens", heading: "References", layout: "numbered" },
  { name: "ieee", kind: "numeric", marker: "brackets", heading: "References", layout: "lines" },
  { name: "nature", kind: "numeric", marker: "unicode", heading: "References", layout: "numbered" },
  // The sample brief's own form: "Lina Yoon. (May 8th 2024). Title. Publisher. URL".
  { name: "free-form", kind: "author-date", page: (p) => `${p}`, heading: "Sources and further reading", layout: "paragraphs" },
];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The free form, written by hand as the sample's author writes: names as spoken, dates in words. */
function freeForm(items) {
  const display = (a) => a.literal ?? [a.given, a["dropping-particle"], a["non-dropping-particle"], a.family].filter(Boolean).join(" ");
  const short = (a) => a.literal ?? [a["dropping-particle"], a["non-dropping-particle"], a.family].filter(Boolean).join(" ");
  const sorted = [...items].sort((x, y) => short(x.author[0]).localeCompare(short(y.author[0])) || String(x.issued?.["date-parts"]?.[0]?.[0]).localeCompare(String(y.issued?.["date-parts"]?.[0]?.[0])) || x.id.localeCompare(y.id));
  const seen = new Map();
  const rows = sorted.map((item) => {
    const names = item.author.map(display);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
    const [y, m, d] = item.issued?.["date-parts"]?.[0] ?? [];
    const key = `${item.author.map(short).join("|")} ${y}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return { item, list, y, m, d, key };
  });
  const counters = new Map();
  return rows.map(({ item, list, y, m, d, key }) => {
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    const letter = (seen.get(key) ?? 0) > 1 ? "abcdefgh"[n] : "";
    const date = y === undefined ? "n.d." : d ? `${d} ${MONTHS[m - 1]} ${y}${letter}` : m ? `${MONTHS[m - 1]} ${y}${letter}` : `${y}${letter}`;
    const where = item["container-title"] ?? item.publisher ?? "";
    const tail = [where && `${where}.`, item.number && `${item.number}.`, item.DOI ? `https://doi.org/${item.DOI}` : item.URL].filter(Boolean).join(" ");
    const year = y === undefined ? "n.d." : `${y}${letter}`;
    const citeAuthor = item.author.length > 2 ? `${short(item.author[0])} et al.` : item.author.map(short).join(" and ");
    return { id: item.id, text: `${list}. (${date}). ${item.title}. ${tail}`.trim(), cite: { text: `(${citeAuthor} ${year})`, year, title: item.title } };
  });
}

const PROSE = [
  "Returns from the coastal provinces rose sharply in the second half of the year",
  "Monitors recorded families held for weeks without access to lawyers",
  "Detention reviews were rarely held within the period the law requires",
  "Women in transit camps reported a lack of safe sanitation",
  "Several courts declined to examine claims of risk on return",
  "Children travelling alone were screened by officials without training",
  "Remittances fell as returnees lost access to work",
  "Interceptions at sea were followed by transfers to closed centres",
];

function citationJs() {
  const core = require("@citation-js/core");
  require("@citation-js/plugin-bibtex");
  require("@citation-js/plugin-csl");
  return core;
}

/** The corpus as CSL-JSON, DOIs written bare (as Zotero stores them). */
export function corpusItems() {
  const { Cite } = citationJs();
  const bib = readFileSync(join(ROOT, "test", "fixtures", "real-world", "corpus.bib"), "utf8");
  return new Cite(bib).data.map((item) => {
    const { _graph, ...rest } = item;
    void _graph;
    if (rest.DOI) rest.DOI = String(rest.DOI).replace(/^https?:\/\/(?:dx\.)?doi\.org\//, "");
    return rest;
  });
}

const SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹";
// Ranges keep an ordinary en dash: the superscript minus (U+207B) is in none of the bundled fonts.
const sup = (s) => [...s].map((c) => (/\d/.test(c) ? SUPER[Number(c)] : c === "-" ? "–" : c)).join("");

function marker(style, numbers) {
  const list = numbers.length > 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1) ? `${numbers[0]}–${numbers[numbers.length - 1]}` : numbers.join(", ");
  if (style.marker === "brackets") return ` [${list}]`;
  if (style.marker === "caret") return `^${list.replace(/, /g, ",")}^`;
  if (style.marker === "parens") return ` (${list})`;
  return sup(list.replace(/, /g, ",").replace("–", "-"));
}

/** Formats the corpus in one style: the entries as pasted, and each entry's in-text form. */
export function formatStyle(style) {
  const { Cite, plugins } = citationJs();
  const items = corpusItems();
  if (style.name === "free-form") {
    const rows = freeForm(items);
    return { entries: rows.map(({ id, text }) => ({ id, text })), inText: new Map(rows.map((r) => [r.id, r.cite])) };
  }
  const template = `corpus-${style.name}`;
  const templates = plugins.config.get("@csl").styles;
  if (!templates.has(template)) templates.add(template, readFileSync(join(STYLE_DIR, `${style.name}.csl`), "utf8"));
  const cite = new Cite(items);
  const entries = cite.format("bibliography", { format: "text", template, lang: "en-US", asEntryArray: true });
  const byId = new Map(items.map((i) => [i.id, i]));
  const inText = new Map();
  entries.forEach(([id, text], n) => {
    const item = byId.get(id);
    if (style.kind === "numeric") {
      inText.set(id, { number: n + 1 });
      return;
    }
    const own = cite.format("citation", { format: "text", template, lang: "en-US", entry: id }).trim();
    const year = String(item.issued?.["date-parts"]?.[0]?.[0] ?? "n.d.");
    // citeproc letters same-author same-year works in the list; the citation alone cannot know.
    const lettered = new RegExp(`\\b${year}([a-z])\\b`).exec(text)?.[1] ?? "";
    inText.set(id, { text: own.replace(year, `${year}${lettered}`), year: `${year}${lettered}`, title: item.title });
  });
  return { entries: entries.map(([id, text]) => ({ id, text: text.trim() })), inText };
}

/** MLA names a work by its author, and by a short title when the author wrote two. */
function mlaCitation(inText, ids, pages) {
  const authorOf = (id) => inText.get(id).text.replace(/^\(|\)$/g, "");
  const counts = new Map();
  for (const v of inText.values()) counts.set(v.text, (counts.get(v.text) ?? 0) + 1);
  const parts = ids.map((id, k) => {
    const v = inText.get(id);
    const short = (counts.get(v.text) ?? 0) > 1 ? `, ${v.title.split(":")[0].split(" ").slice(0, 3).join(" ").replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())}` : "";
    return `${authorOf(id)}${short} ${pages[k]}`;
  });
  return `(${parts.join("; ")})`;
}

function authorDateCitation(style, inText, ids, form, page) {
  const inner = ids.map((id) => inText.get(id).text.replace(/^\(|\)$/g, ""));
  if (form === "narrative" && ids.length === 1) {
    const v = inText.get(ids[0]);
    const author = inner[0].slice(0, inner[0].lastIndexOf(v.year)).replace(/[\s,]+$/, "");
    return `${author} (${v.year})`;
  }
  if (form === "page" && ids.length === 1) return `(${inner[0]}${style.colon ? ":" : ", "}${style.page(page)})`;
  return `(${inner.join("; ")})`;
}

/** The brief: prose citing every entry at least once, then the list as pasted. */
export function styleBrief(style) {
  const { entries, inText } = formatStyle(style);
  const ids = entries.map((e) => e.id);
  const sizes = [1, 2, 1, 3, 1, 1];
  const forms = ["plain", "page", "narrative", "plain", "narrative", "page"];
  const paragraphs = [];
  let sentences = [];
  for (let i = 0, g = 0; i < ids.length; g++) {
    const group = ids.slice(i, i + sizes[g % sizes.length]);
    i += group.length;
    const form = forms[g % forms.length];
    const prose = PROSE[g % PROSE.length];
    const page = 3 + ((g * 7) % 40);
    let sentence;
    if (style.kind === "numeric") {
      const numbers = group.map((id) => inText.get(id).number);
      sentence = `${prose}${marker(style, numbers)}.`;
    } else if (style.kind === "author-page") {
      sentence = `${prose} ${mlaCitation(inText, group, group.map((_, k) => page + k))}.`;
    } else {
      const citation = authorDateCitation(style, inText, group, form, page);
      sentence = form === "narrative" && group.length === 1 ? `As ${citation} shows, ${prose[0].toLowerCase()}${prose.slice(1)}.` : `${prose} ${citation}.`;
    }
    sentences.push(sentence);
    if (sentences.length === 3) {
      paragraphs.push(sentences.join(" "));
      sentences = [];
    }
  }
  if (sentences.length) paragraphs.push(sentences.join(" "));
  const list =
    style.layout === "paragraphs" ? entries.map((e) => e.text).join("\n\n") : entries.map((e) => e.text).join("\n");
  return [
    "---",
    `title: "Style corpus: ${style.name}"`,
    "---",
    "",
    "<!-- Generated by test/support/style-corpus.mjs from corpus.bib: invented sources, formatted by citation-js. -->",
    "",
    "## Findings",
    "",
    paragraphs.join("\n\n"),
    "",
    `## ${style.heading}`,
    "",
    list,
    "",
  ].join("\n");
}

if (process.argv.includes("--write")) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const style of STYLES) writeFileSync(join(CORPUS_DIR, `${style.name}.md`), styleBrief(style));
}
