// The organisation's look, read by every renderer (PDF and deck alike): one palette, one
// logo, one name. Today it comes from the brief's front matter and the default palette;
// a project-wide briefpress.yaml is layered under the front matter (issue 15).
import type { FrontMatter } from "./frontmatter.js";

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
  return { name: meta.organisation, contact: meta.contact, colors: DEFAULT_PALETTE };
}
