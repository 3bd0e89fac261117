// Generates synthetic briefs for stress tests, property tests and the benchmark.
// Deterministic: the same options and seed give the same markdown.

/** Small seeded PRNG (mulberry32), so generated briefs are reproducible. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = ["Yoon", "Kim", "Park", "Lee", "Choi", "Sáenz", "Müller", "O’Brien", "Nguyen", "Haddad", "Okafor", "Silva", "Novak", "Tanaka", "Kowalski", "Dubois", "Rossi", "Jensen", "Ivanova", "Mensah"];
const GIVEN = ["Lina", "Min-ji", "Marina", "Joon", "Ana", "Pierre", "Sofia", "Kwame", "Ayesha", "Tomás"];
const ORGS = ["Human Rights Watch", "Amnesty International", "United Nations High Commissioner for Refugees", "International Crisis Group", "Committee for Human Rights in North Korea"];
const WORDS = "the returns were documented by monitors who interviewed families and officials across the border region during the period under review while governments failed to respond to repeated requests for access and information about detention conditions and legal safeguards".split(" ");
const KOREAN = ["윤석열", "김정은", "金正恩", "赵乐际", "이명박"];

export function sentence(r, words = 14) {
  const n = Math.max(4, Math.round(words * (0.6 + r() * 0.8)));
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(" ");
}

/**
 * @param {object} o
 * @param {number} [o.seed]
 * @param {number} [o.sources]      number of source entries
 * @param {number} [o.citations]    number of citations spread over the paragraphs
 * @param {number} [o.sections]
 * @param {number} [o.paragraphs]   paragraphs per section
 * @param {boolean} [o.extras]      tables, nested lists, footnotes, long URLs, Korean names
 * @param {number} [o.unresolved]   citations planted with a year no entry has
 */
/** The stress brief the PDF tests and the benchmark build: ~60 pages of long tables, nested
 * lists, footnotes, long URLs and Korean and Chinese names. */
export const STRESS = { seed: 60, sources: 40, citations: 650, sections: 27, paragraphs: 9, extras: true };

/** A ~100-page brief for the benchmark. */
export const HUNDRED_PAGES = { seed: 7, sources: 80, citations: 1300, sections: 35, paragraphs: 12, extras: true };

export function generateBrief(o = {}) {
  const r = rng(o.seed ?? 1);
  const sourceCount = o.sources ?? 12;
  const sources = [];
  const seen = new Set();
  for (let i = 0; sources.length < sourceCount; i++) {
    const org = r() < 0.25;
    const family = org ? ORGS[Math.floor(r() * ORGS.length)] : FAMILIES[Math.floor(r() * FAMILIES.length)];
    const year = 1990 + Math.floor(r() * 35);
    const key = `${family}|${year}`;
    if (seen.has(key)) {
      // Same author and year: use a/b suffixes on a fresh pair instead of colliding.
      continue;
    }
    seen.add(key);
    const given = GIVEN[Math.floor(r() * GIVEN.length)];
    const author = org ? family : `${given} ${family}`;
    sources.push({ family, year: String(year), text: `${author}. (${year}). ${sentence(r, 7).replace(/\.$/, "")}. Publisher ${i + 1}. https://example.org/reports/${i + 1}` });
  }
  const sections = o.sections ?? 6;
  const paragraphs = o.paragraphs ?? 4;
  const totalParagraphs = sections * paragraphs;
  const citations = o.citations ?? totalParagraphs;
  const perParagraph = Math.max(1, Math.ceil(citations / totalParagraphs));
  let cited = 0;
  const used = new Set();
  const lines = ["---", `title: "Generated brief ${o.seed ?? 1}"`, "organisation: Test desk", "date: 2024-05-20", "lang: en", "---", ""];
  let footnote = 0;
  for (let s = 0; s < sections; s++) {
    lines.push(`## Section ${s + 1}: ${sentence(r, 4).replace(/\.$/, "")}`, "");
    for (let p = 0; p < paragraphs; p++) {
      const parts = [];
      for (let c = 0; c < perParagraph && cited < citations; c++, cited++) {
        const src = sources[(cited * 7 + s) % sources.length];
        used.add(src);
        const cite = r() < 0.2 ? `${src.family} (${src.year})` : `(${src.family} ${src.year})`;
        parts.push(`${sentence(r)} ${cite}.`);
      }
      if (parts.length === 0) parts.push(`${sentence(r)}.`);
      if (o.extras && r() < 0.3) {
        footnote++;
        parts.push(`A noted point.[^n${footnote}]`);
      }
      if (o.extras && r() < 0.15) parts.push(`The official ${KOREAN[Math.floor(r() * KOREAN.length)]} was named.`);
      if (o.extras && r() < 0.1) parts.push(`See https://example.org/${"very-long-path-segment/".repeat(8)}index.html for the record.`);
      lines.push(parts.join(" "), "");
      if (footnote && o.extras && parts.some((x) => x.includes(`[^n${footnote}]`))) lines.push(`[^n${footnote}]: ${sentence(r, 10)}.`, "");
    }
    if (o.extras && s % 2 === 0) {
      lines.push("| Year | Returns | Source |", "| --- | ---: | --- |");
      for (let row = 0; row < 45; row++) lines.push(`| ${1990 + row} | ${Math.floor(r() * 900)} | ${sentence(r, 5)} |`);
      lines.push("");
    }
    if (o.extras && s % 3 === 1) {
      for (let d = 0; d < 6; d++) lines.push(`${"  ".repeat(d)}- ${sentence(r, 8)}`);
      lines.push("");
    }
  }
  for (let u = 0; u < (o.unresolved ?? 0); u++) lines.push(`A claim with a planted bad citation (${FAMILIES[u % FAMILIES.length]} 1899).`, "");
  lines.push("## Sources", "");
  for (const src of sources) lines.push(src.text, "");
  if (sources.some((s) => !used.has(s))) lines.splice(lines.indexOf("## Sources") + 2, 0, "");
  return { markdown: lines.join("\n"), sources, unused: sources.filter((s) => !used.has(s)).length };
}
