// briefpress.yaml: the organisation's look for every brief in the project (name, logo,
// contact, palette, paper). Validated like the front matter, with errors at line:col;
// a brief's own front matter overrides it key by key (brand.ts).
import * as z from "zod/mini";
import { AA_LARGE, AA_TEXT, contrast, nearestShade } from "../brand/colour.js";
import { diagnostic, type Diagnostic, type Span } from "../model/diagnostics.js";
import { checkYaml } from "./yaml-check.js";

export const CONFIG_FILE = "briefpress.yaml";

const colour = z.string().check(z.regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'expected a colour written "#RRGGBB"'));
const text = z.string().check(z.regex(/^[^\p{Cc}]*$/u, "contains a control character"));

export const configSchema = z.strictObject({
  organisation: z.optional(
    z.strictObject({
      name: z.optional(text.check(z.minLength(1))),
      /** PNG, JPEG or SVG inside the project, relative to briefpress.yaml. */
      logo: z.optional(z.string().check(z.minLength(1))),
      contact: z.optional(text),
    }),
  ),
  colors: z.optional(z.strictObject({ primary: z.optional(colour), accent: z.optional(colour) })),
  paper: z.optional(z.enum(["a4", "A4", "letter", "Letter"])),
});

export interface ProjectConfig {
  name?: string;
  /** The logo as written, relative to the project root. */
  logo?: string;
  contact?: string;
  colors: { primary?: string; accent?: string };
  paper?: "a4" | "letter";
  /** Where each setting sits in briefpress.yaml, for diagnostics found later (logo). */
  spans: { logo?: Span };
}

export const NO_CONFIG: ProjectConfig = { colors: {}, spans: {} };

/** Text on the primary colour (cover band, title slides) is white; on paper it is the reverse. */
export const ON_PRIMARY = "#ffffff";

export function parseConfig(text: string, file = CONFIG_FILE): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  const checked = checkYaml(file, text, configSchema, { rule: "config", what: file });
  if (!checked.data) return { config: NO_CONFIG, diagnostics: checked.diagnostics };
  const raw = checked.data;
  const config: ProjectConfig = {
    name: raw.organisation?.name,
    logo: raw.organisation?.logo,
    contact: raw.organisation?.contact,
    colors: { primary: raw.colors?.primary?.toLowerCase(), accent: raw.colors?.accent?.toLowerCase() },
    paper: raw.paper ? (raw.paper.toLowerCase() as "a4" | "letter") : undefined,
    spans: { logo: raw.organisation?.logo ? checked.spanOf(["organisation", "logo"]) : undefined },
  };
  const diagnostics: Diagnostic[] = [];
  const pair = (key: "primary" | "accent", needs: number, what: string) => {
    const value = config.colors[key];
    if (!value) return;
    const ratio = contrast(value, ON_PRIMARY);
    if (ratio >= needs) return;
    diagnostics.push(
      diagnostic(file, checked.spanOf(["colors", key]), "error", "config/contrast", `colors.${key} ${value} and white ${what} have a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs ${needs}:1`, [
        // Issue 21: the nearest shade that passes, as a value to paste.
        `choose a darker ${key} colour: ${nearestShade(value, ON_PRIMARY, needs)} is the nearest shade of ${value} that reaches ${needs}:1`,
      ]),
    );
  };
  // White names and subtitles on the primary band and title slides; primary headings on white.
  pair("primary", AA_TEXT, "(text on the cover band and title slides, headings on the page)");
  // The accent marks numbers, bullets and rules: large text and graphics.
  pair("accent", AA_LARGE, "(numbers, bullets and rules on the page)");
  return { config, diagnostics };
}
