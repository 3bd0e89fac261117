// The organisation's look, read by every renderer (PDF and deck alike): one palette, one
// logo, one name. It comes from the project's briefpress.yaml, with the brief's front
// matter overriding it key by key, over briefpress's own navy palette.
import type { ProjectConfig } from "../load/config.js";
import type { FrontMatter } from "../load/frontmatter.js";

export interface Palette {
  /** Cover band, headings, slide titles, boxes. */
  primary: string;
  /** Rules, numbers, bullets. */
  accent: string;
}

export interface Brand {
  /** The organisation's name, printed once on the cover and the closing slide. */
  name?: string;
  /** Absolute path of the logo (PNG, JPEG or SVG inside the project). */
  logo?: string;
  contact?: string;
  colors: Palette;
}

export const DEFAULT_PALETTE: Palette = { primary: "#1f3a5f", accent: "#c8553d" };

/** The brand of a brief with no project configuration: its own front matter, our palette. */
export function briefBrand(meta: FrontMatter): Brand {
  return projectBrand(meta, { colors: {}, spans: {} });
}

/** Front matter over briefpress.yaml over the defaults; `logo` is already absolute. */
export function projectBrand(meta: FrontMatter, config: ProjectConfig, logo?: string): Brand {
  return {
    name: meta.organisation ?? config.name,
    logo,
    contact: meta.contact ?? config.contact,
    colors: { primary: config.colors.primary ?? DEFAULT_PALETTE.primary, accent: config.colors.accent ?? DEFAULT_PALETTE.accent },
  };
}
