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
    run({ brief }, severity) {
      return brief.unusedFootnotes.map((f) =>
        diagnostic(brief.file, f.span, severity, "footnote/unused", `footnote [^${f.label}] is defined but never referenced`),
      );
    },
  },
];
