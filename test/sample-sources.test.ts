// The sample brief shows the product at its best: its sources page links every source
// that has a stable public address (UN documents through undocs.org).
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { SAMPLE_SLUG } from "./helpers/paths.js";
import { readPdf } from "./helpers/pdf.js";

describe("the sample brief's sources", () => {
  it("link to their stable public addresses", async () => {
    const pdf = await readPdf(join(inject("builtDir"), SAMPLE_SLUG, "brief.pdf"));
    const last = pdf.pages.at(-1);
    const urls = new Set((last?.links ?? []).flatMap((l) => (l.url ? [l.url] : [])));
    expect(urls).toContain("https://undocs.org/A/HRC/25/CRP.1");
    expect(urls).toContain("https://www.hrw.org/news/2024/05/08/china-forcibly-returns-60-refugees-north-korea");
    for (const [volume, number] of [["189", "2545"], ["606", "8791"], ["1465", "24841"]]) {
      expect(urls).toContain(`https://treaties.un.org/doc/Publication/UNTS/Volume%20${volume}/volume-${volume}-I-${number}-English.pdf`);
    }
  });
});
