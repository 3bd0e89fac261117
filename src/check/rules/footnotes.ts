// Rules about markdown footnotes.
import { diagnostic } from "../../model/diagnostics.js";
import type { Rule } from "../rule.js";

export const footnoteRules: Rule[] = [
  {
    id: "footnote/undefined",
    description: "a footnote reference with no definition",
    run({ brief }, severity) {
      return brief.danglingFootnotes.map((f) =>
        diagnostic(brief.file, f.span, severity, "footnote/undefined", `footnote [^${f.label}] has no definition`, [`add a line "[^${f.label}]: …" below the paragraph`]),
      );
    },
  },
  {
    id: "footnote/unused",
    description: "a footnote definition nothing refers to",
    run({ brief, source }, severity) {
      // Pandoc reads front-matter strings as markdown: 'date: "March 2022[^1]"' refers to the
      // note. That is no fault of the writer's, only something briefpress does not print.
      const front = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source ?? "")?.[0] ?? "";
      return brief.unusedFootnotes.map((f) =>
        front.includes(`[^${f.label}]`)
          ? diagnostic(brief.file, f.span, "info", "footnote/unused", `footnote [^${f.label}] is referred to from the front matter: Pandoc prints it there, briefpress leaves it out`)
          : diagnostic(brief.file, f.span, severity, "footnote/unused", `footnote [^${f.label}] is defined but never referenced`),
      );
    },
  },
];
