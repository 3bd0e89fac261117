// Rules about the Sources list: uncited, duplicate, bad DOI/URL/date, lone a/b suffix.
import { diagnostic } from "../../model/diagnostics.js";
import { authorForms, normaliseName } from "../../citations/resolve.js";
import { citesWithoutYears, namedInProse } from "../../citations/mentions.js";
import type { Inline } from "../../model/brief.js";
import type { Rule } from "../rule.js";

/** Drops sentence punctuation after a URL, and a ")" only when it closes nothing inside. */
function trimUrl(url: string): string {
  let u = url.replace(/[.,;]+$/, "");
  while (u.endsWith(")") && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1).replace(/[.,;]+$/, "");
  return u;
}

function linkTargets(inlines: readonly Inline[]): string[] {
  return inlines.flatMap((i) => (i.kind === "link" ? [i.href, ...linkTargets(i.children)] : i.kind === "strong" || i.kind === "em" || i.kind === "mark" || i.kind === "lang" ? linkTargets(i.children) : []));
}

/** The first words of an entry, to name it in a message. */
function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 40 ? `${t.slice(0, 40).replace(/\s\S*$/, "")}…` : t;
}

/** "https://doi.org/https://doi.org/10.1/x" and "10.1023/A%3A1010" (a link's escapes) are the DOI they hold. */
function doiProper(written: string): string {
  let d = written.replace(/^(?:(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*))+/iu, "");
  try {
    d = decodeURIComponent(d);
  } catch {
    // Not percent-encoded after all: judged as written.
  }
  return d;
}

const DOI = /^10\.\d{4,9}\/[-._;()/:<>\p{L}\p{N}]+$/iu;

export const sourceRules: Rule[] = [
  {
    id: "source/uncited",
    description: "a source entry no citation refers to",
    run({ brief, resolution }, severity) {
      const nocite = new Set((brief.meta.nocite ?? []).map(normaliseName));
      // MLA and notes name a work in prose by its author alone: that is a citation too.
      const named = citesWithoutYears(brief) ? namedInProse(brief) : new Set<number>();
      return brief.sources.flatMap((s, i) => {
        if (named.has(i)) return [];
        // Bibliography-file entries print only when cited, as in Pandoc: never "uncited".
        // Undated entries cannot be cited by author-date; source/date already reports them.
        // Numbered entries are cited by number, dated or not.
        if ((resolution.useCount[i] ?? 0) > 0 || s.furtherReading || s.key !== undefined || (!s.year && s.number === undefined) || nocite.has("*")) return [];
        if (s.number !== undefined && brief.sources.some((o) => o.number === undefined)) return [];
        // An entry without readable authors cannot be cited by author and year: source/unreadable says so.
        if (s.number === undefined && s.authors.length === 0) return [];
        const label = s.number !== undefined ? `[${s.number}] ${excerpt(s.text.replace(/^\s*(?:\[\d+\]|\d+\.)\s*/, ""))}` : `${s.authors[0]?.family ?? s.text.slice(0, 30)} ${s.year}`.trim();
        if (nocite.has(normaliseName(label))) return [];
        if (s.number !== undefined) {
          return [diagnostic(s.file ?? brief.file, s.span, severity, "source/uncited", `note ${label} is never referred to`, [`add "[${s.number}]" where the text relies on it, or remove the note`])];
        }
        return [diagnostic(s.file ?? brief.file, s.span, severity, "source/uncited", `source "${label}" is never cited`, [`cite it, move it under a "Further reading" heading, or list it in nocite:`])];
      });
    },
  },
  {
    id: "source/duplicate",
    // The list prints both, a reader finds either: worth a word, never a stop.
    description: "two entries describe the same source",
    run({ brief, resolution }, severity) {
      const seen = new Map<string, number>();
      // A bibliography file's entries print only when cited: an uncited copy prints nothing.
      const printed = (i: number) => brief.sources[i]?.key === undefined || (resolution.useCount[i] ?? 0) > 0;
      return brief.sources.flatMap((s, i) => {
        if (!printed(i)) return [];
        const key = `${authorForms(s).join("|")}\u0000${s.year}\u0000${normaliseName(s.title)}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return [];
        }
        const line = brief.sources[first]?.span.start.line ?? 0;
        return [diagnostic(s.file ?? brief.file, s.span, severity, "source/duplicate", `duplicate of the entry on line ${line}`)];
      });
    },
  },
  {
    id: "source/doi",
    description: "a DOI that is not well formed",
    run({ brief }, severity) {
      return brief.sources.flatMap((s) => {
        const written = /\bdoi:\s*(\S+)/iu.exec(s.text)?.[1]?.replace(/[.,;]+$/, "") ?? s.doi;
        if (!written || DOI.test(doiProper(written))) return [];
        return [diagnostic(s.file ?? brief.file, s.span, severity, "source/doi", `malformed DOI "${written}" (a DOI looks like 10.1234/abc)`)];
      });
    },
  },
  {
    id: "source/url",
    description: "a URL that does not parse or is not http(s)",
    run({ brief }, severity) {
      return brief.sources.flatMap((s) => {
        const out = [];
        const written = [...s.text.matchAll(/\b([a-z][a-z0-9+.-]*):\/\/\S*|\b(?:javascript|file|data|mailto):\S+/giu)].map((m) => trimUrl(m[0]));
        // Link targets count too: "[Download](ftp://…)" shows only its label in the text.
        // An empty target ("[Title]()", as citeproc writes a blank URL field) links nowhere: nothing to check.
        // "#f3" is a link within the document (an anchor on the entry), not a web address.
        const targets = linkTargets(s.inlines).filter((href) => href.trim() !== "" && !href.startsWith("#") && !written.includes(href) && !href.startsWith("mailto:"));
        // R's citation() writes two addresses in one field: "https://a.org,%20https://b.org".
        const each = [...written, ...targets].flatMap((u) => u.split(/,(?:%20|\s)*(?=https?:\/\/)/u));
        for (const raw of [...new Set(each)]) {
          let ok = false;
          try {
            const url = new URL(raw);
            ok = (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
          } catch {
            ok = false;
          }
          if (!ok) out.push(diagnostic(s.file ?? brief.file, s.span, severity, "source/url", `URL "${raw}" is not a valid http(s) address`));
        }
        return out;
      });
    },
  },
  {
    id: "source/date",
    description: "an entry whose date cannot be read",
    run({ brief }, severity) {
      // Numbered entries are found by their number: a note need not carry a date.
      return brief.sources.flatMap((s) =>
        s.year || s.number !== undefined ? [] : [diagnostic(s.file ?? brief.file, s.span, severity, "source/date", "no date found in this entry", ['write it after the authors, e.g. "(7 February 2014)" or "(n.d.)"'])],
      );
    },
  },
  {
    id: "source/unreadable",
    description: "an author-date entry whose authors cannot be read",
    run({ brief, resolution }, severity) {
      // A dated entry with no authors cannot be cited by author and year: say which one.
      // An entry a citation found (by its title, say) was read well enough.
      return brief.sources.flatMap((s, i) =>
        s.year && s.number === undefined && s.key === undefined && s.authors.length === 0 && (resolution.useCount[i] ?? 0) === 0
          ? [diagnostic(s.file ?? brief.file, s.span, severity, "source/unreadable", `cannot read the authors of "${excerpt(s.text)}"`, ['start the entry with the authors: "Family, G. (2024). Title."'])]
          : [],
      );
    },
  },
  {
    id: "citation/suffix",
    description: "a year suffix (2024a) with no sibling entry (2024b)",
    run({ brief }, severity) {
      return brief.sources.flatMap((s, i) => {
        const m = /^(\d{4})([a-z])$/.exec(s.year);
        if (!m) return [];
        const forms = authorForms(s);
        const sibling = brief.sources.some((o, j) => j !== i && o.year.startsWith(m[1] ?? "") && o.year !== s.year && authorForms(o).some((f) => forms.includes(f)));
        return sibling ? [] : [diagnostic(s.file ?? brief.file, s.span, severity, "citation/suffix", `year "${s.year}" has a letter but no other ${m[1]} entry by the same author`, [`drop the letter: "${m[1]}"`])];
      });
    },
  },
];
