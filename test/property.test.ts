// Property test: random prose with citations and a sources list. The checker never
// throws, finds every planted unresolved citation at its exact position, and reports
// nothing for citations that match an entry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../src/load/brief.js";
import { runRules } from "../src/check/rules.js";

const PEOPLE = ["Yoon", "Kim", "Sáenz", "O’Brien", "Müller", "Nguyen", "윤", "赵乐际", "Haddad", "Lee"];
const ORGS = ["Human Rights Watch", "Amnesty International", "Human Rights Council"];
const WORDS = ["returns", "were", "documented", "by", "monitors", "across", "the", "border", "in", "detail", "officials", "denied", "access"];

const source = fc.record({
  author: fc.oneof(fc.constantFrom(...PEOPLE).map((f) => ({ family: f, display: /^[A-Z]/.test(f) ? `Min ${f}` : f })), fc.constantFrom(...ORGS).map((o) => ({ family: o, display: o }))),
  year: fc.integer({ min: 1950, max: 2025 }).map(String),
});

type Token = { kind: "word"; text: string } | { kind: "cite"; source: number; narrative: boolean; locator: boolean } | { kind: "bad"; name: string; year: string };

const token = (n: number): fc.Arbitrary<Token> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((text) => ({ kind: "word" as const, text })) },
    { weight: 2, arbitrary: fc.record({ source: fc.integer({ min: 0, max: n - 1 }), narrative: fc.boolean(), locator: fc.boolean() }).map((c) => ({ kind: "cite" as const, ...c })) },
    { weight: 1, arbitrary: fc.record({ name: fc.constantFrom("Zorblax", "Quimby", "Xanthe"), year: fc.integer({ min: 1950, max: 2025 }).map(String) }).map((b) => ({ kind: "bad" as const, ...b })) },
  );

const brief = fc
  .uniqueArray(source, { minLength: 1, maxLength: 8, selector: (s) => `${s.author.family}|${s.year}` })
  .chain((sources) => fc.record({ sources: fc.constant(sources), paragraphs: fc.array(fc.array(token(sources.length), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 6 }) }));

describe("checker on random briefs", () => {
  it("never throws, flags exactly the planted unresolved citations at their positions", () => {
    fc.assert(
      fc.property(brief, ({ sources, paragraphs }) => {
        const lines = ["---", 'title: "Random"', "---", "", "## Body", ""];
        const planted: string[] = [];
        for (const para of paragraphs) {
          let text = "";
          for (const t of para) {
            if (text) text += " ";
            if (t.kind === "word") text += t.text;
            else if (t.kind === "cite") {
              const s = sources[t.source];
              if (!s) continue;
              // Narrative needs a capitalised name; non-Latin names are cited in parentheses.
              text += t.narrative && /^[A-Z]/.test(s.author.family) ? `by ${s.author.family} (${s.year})` : `(${s.author.family} ${s.year}${t.locator ? ", 12" : ""})`;
            } else {
              text += "(";
              planted.push(`${lines.length + 1}:${text.length + 1}`);
              text += `${t.name} ${t.year})`;
            }
          }
          lines.push(`${text}.`, "");
        }
        lines.push("## Sources", "");
        for (const s of sources) lines.push(`${s.author.display}. (${s.year}). A report. Publisher.`, "");
        const loaded = loadBrief("random.md", lines.join("\n"));
        const all = [...loaded.diagnostics, ...runRules({ brief: loaded.brief, resolution: loaded.resolution })];
        const unresolved = all.filter((d) => d.ruleId === "citation/unresolved").map((d) => `${d.span.start.line}:${d.span.start.column}`);
        expect(unresolved.sort()).toEqual(planted.sort());
        expect(all.filter((d) => d.severity === "error" && d.ruleId !== "citation/unresolved")).toEqual([]);
      }),
      { numRuns: 300, seed: 20241128 },
    );
  });
});
