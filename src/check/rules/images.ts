// Rules about images: every image needs alt text (screen readers) and a credit line.
import { diagnostic, pointSpan } from "../../model/diagnostics.js";
import { imageRefsWithText } from "../../model/walk.js";
import type { Rule } from "../rule.js";

/** "Photo: …", "Credit: …", "Illustration by …", "© …": a credit says whose the image is. */
export const CREDIT = /^(?:(?:credits?|photo(?:graph)?|image|illustration|source|map|graphic|courtesy)\s*:|(?:photo(?:graph)?|illustration|image|map|graphic)\s+(?:by|courtesy of)\b|©)/i;

export const imageRules: Rule[] = [
  {
    id: "image/alt",
    // The PDF is still right for sighted readers: a warning, and the PDF drops its PDF/UA claim.
    description: "an image without alt text (the PDF then does not claim PDF/UA)",
    run({ brief, }, severity) {
      const out = imageRefsWithText(brief.blocks)
        .filter((i) => !i.image.alt.trim())
        .map((i) => diagnostic(brief.file, pointSpan(i.image.at.line, i.image.at.column, 2), severity, "image/alt", `image "${i.image.src}" has no alt text: screen readers skip it, and the PDF loses its PDF/UA (accessibility) claim`, ["describe it: ![what the image shows](path)"]));
      const cover = brief.meta.cover;
      if (cover && !cover.alt.trim()) {
        out.push(diagnostic(brief.file, pointSpan(brief.metaLines.cover ?? 1, 1, 5), severity, "image/alt", "cover image has no alt text: screen readers skip it, and the PDF loses its PDF/UA (accessibility) claim", ["add cover.alt"]));
      }
      return out;
    },
  },
  {
    id: "image/credit",
    description: "an image without a credit",
    run({ brief }, severity) {
      const out = imageRefsWithText(brief.blocks)
        .filter((i) => !CREDIT.test(i.image.title.trim()) && !CREDIT.test(i.nextText.trim()))
        .map((i) => diagnostic(brief.file, pointSpan(i.image.at.line, i.image.at.column, 2), severity, "image/credit", `image "${i.image.src}" has no credit`, ['add one as its title: ![alt](path "Photo: Name / Agency")']));
      const cover = brief.meta.cover;
      if (cover && !cover.credit?.trim()) {
        out.push(diagnostic(brief.file, pointSpan(brief.metaLines.cover ?? 1, 1, 5), severity, "image/credit", "cover image has no credit", ["add cover.credit"]));
      }
      return out;
    },
  },
];
