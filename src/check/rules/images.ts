// Rules about images: every image needs alt text (screen readers) and a credit line.
import { diagnostic, pointSpan } from "../../model/diagnostics.js";
import { imageRefsWithText } from "../../model/walk.js";
import type { Rule } from "../rule.js";

/** "Photo: …", "Credit: …", "Illustration by …", "© …": a credit says whose the image is. */
export const CREDIT = /^(?:(?:credits?|photo(?:graph)?|image|illustration|source|map|graphic|courtesy)\s*:|(?:photo(?:graph)?|illustration|image|map|graphic)\s+(?:by|courtesy of)\b|©)/i;

type Ref = ReturnType<typeof imageRefsWithText>[number];

/**
 * One cause, one diagnostic: images that lack the same thing are one warning, at the first,
 * naming where the others are ("image "a.png" has", "3 images (lines 4, 9, 20) have").
 */
function oneForAll<D>(refs: Ref[], make: (first: Ref["image"], what: string) => D): D[] {
  const first = refs[0]?.image;
  if (!first) return [];
  if (refs.length === 1) return [make(first, `image "${first.src}" has`)];
  const lines = refs.map((r) => r.image.at.line);
  const shown = lines.slice(0, 8).join(", ") + (lines.length > 8 ? ` and ${lines.length - 8} more` : "");
  return [make(first, `${refs.length} images (lines ${shown}) have`)];
}

export const imageRules: Rule[] = [
  {
    id: "image/alt",
    // The PDF is still right for sighted readers: a warning, and the PDF drops its PDF/UA claim.
    description: "an image without alt text (the PDF then does not claim PDF/UA)",
    run({ brief, }, severity) {
      const bare = imageRefsWithText(brief.blocks).filter((i) => !i.image.alt.trim());
      const out = oneForAll(bare, (first, what) => diagnostic(brief.file, pointSpan(first.at.line, first.at.column, 2), severity, "image/alt", `${what} no alt text: screen readers skip ${bare.length === 1 ? "it" : "them"}, and the PDF loses its PDF/UA (accessibility) claim`, ["describe each: ![what the image shows](path)"]));
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
      const bare = imageRefsWithText(brief.blocks).filter((i) => !CREDIT.test(i.image.title.trim()) && !CREDIT.test(i.nextText.trim()));
      const out = oneForAll(bare, (first, what) => diagnostic(brief.file, pointSpan(first.at.line, first.at.column, 2), severity, "image/credit", `${what} no credit`, ['add one as its title: ![alt](path "Photo: Name / Agency")']));
      const cover = brief.meta.cover;
      if (cover && !cover.credit?.trim()) {
        out.push(diagnostic(brief.file, pointSpan(brief.metaLines.cover ?? 1, 1, 5), severity, "image/credit", "cover image has no credit", ["add cover.credit"]));
      }
      return out;
    },
  },
];
