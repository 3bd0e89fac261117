// One palette, two renderers: the organisation's primary and accent colours, and every
// colour the PDF and the deck theme derive from them (box tints, text on the band).
// The deck receives them as CSS variables put before the theme, so the theme file stays
// the place to restyle the deck further.
import type { Palette } from "./brand.js";
import { AA_TEXT, contrast, mix } from "./colour.js";

export interface Colours {
  ink: string;
  /** The organisation's primary colour: cover band, headings, titles. */
  primary: string;
  accent: string;
  muted: string;
  rule: string;
  sand: string;
  /** Boxes (recommendations, callouts, table headers): a pale tint of the primary. */
  boxFill: string;
  link: string;
  /** Text on the primary colour, and quieter text on it (a date under the name). */
  onPrimary: string;
  onPrimaryMuted: string;
}

export function deriveColours(p: Palette): Colours {
  const onPrimary = "#ffffff";
  // The quieter line keeps AA contrast on the band; with a light primary it stays white.
  const quiet = mix(p.primary, onPrimary, 0.82);
  return {
    ink: "#1d1d1f",
    primary: p.primary,
    accent: p.accent,
    muted: "#5b6470",
    rule: "#c9ced6",
    sand: "#f3eee2",
    boxFill: mix(p.primary, "#ffffff", 0.92),
    link: "#1f4e8c",
    onPrimary,
    onPrimaryMuted: contrast(quiet, p.primary) >= AA_TEXT ? quiet : onPrimary,
  };
}

/** The deck theme's colour variables (`--navy` kept for themes written before palettes). */
export function deckPaletteCss(p: Palette): string {
  const c = deriveColours(p);
  const vars: Record<string, string> = {
    primary: c.primary,
    navy: c.primary,
    accent: c.accent,
    ink: c.ink,
    muted: c.muted,
    sand: c.sand,
    "box-fill": c.boxFill,
    link: c.link,
    "on-primary": c.onPrimary,
    "on-primary-muted": c.onPrimaryMuted,
  };
  return `/* The organisation's palette (briefpress.yaml), made by briefpress. */\n:root {\n${Object.entries(vars).map(([k, v]) => `  --${k}: ${v};`).join("\n")}\n}\n`;
}
