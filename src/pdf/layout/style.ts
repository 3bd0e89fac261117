// The brief's look in one place: paper, text block, type scale, colours. The colours are
// derived per render from the organisation's palette (palette.ts): a Look is made for
// each document and handed down, never kept in module state.
import type { Palette } from "../../brand/brand.js";
import { DEFAULT_PALETTE } from "../../brand/brand.js";
import { deriveColours, type Colours } from "../../brand/palette.js";
import type { Face } from "../../text/fonts.js";

export type Paper = "a4" | "letter";

export interface PageGeometry {
  width: number;
  height: number;
  /** The text block: same width on A4 and Letter so a brief paginates alike on both. */
  left: number;
  top: number;
  textWidth: number;
  bottom: number;
}

const PAPER_SIZES: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

/** 408 pt at 10.5 pt Source Serif sets about 75–80 characters a line. */
export const TEXT_WIDTH = 408;

export function pageGeometry(paper: Paper): PageGeometry {
  const [width, height] = PAPER_SIZES[paper];
  const left = Math.round((width - TEXT_WIDTH) / 2);
  return { width, height, left, top: 74, textWidth: TEXT_WIDTH, bottom: height - 70 };
}

/** The colours no palette changes (ink, links, rules), for code that has no Look. */
export const COLOURS = { ink: "#1d1d1f", muted: "#5b6470", rule: "#c9ced6", sand: "#f3eee2", link: "#1f4e8c" } as const;

export interface TextStyle {
  face: Face;
  size: number;
  leading: number;
  color: string;
  spaceBefore: number;
  spaceAfter: number;
}

export interface Look {
  colours: Colours;
  styles: Styles;
}

export function lookFor(palette: Palette): Look {
  const colours = deriveColours(palette);
  return { colours, styles: stylesFor(colours) };
}

export type Styles = ReturnType<typeof stylesFor>;

function stylesFor(c: Colours) {
  const body: TextStyle = { face: "serif", size: 10.5, leading: 15, color: c.ink, spaceBefore: 0, spaceAfter: 7 };
  return {
    body,
    h1: { face: "sans-bold", size: 17, leading: 21, color: c.primary, spaceBefore: 16, spaceAfter: 6 },
    h2: { face: "sans-bold", size: 14, leading: 18, color: c.primary, spaceBefore: 14, spaceAfter: 5 },
    h3: { face: "sans-semibold", size: 11.5, leading: 15, color: c.primary, spaceBefore: 9, spaceAfter: 3 },
    quote: { ...body, face: "serif-italic", size: 11, leading: 16, color: c.primary },
    code: { ...body, face: "sans", size: 9, leading: 12.5 },
    source: { ...body, size: 9.5, leading: 13, spaceAfter: 5 },
    note: { ...body, size: 8.5, leading: 11.5, spaceAfter: 3 },
    table: { ...body, face: "sans", size: 9, leading: 12, spaceAfter: 0 },
    tableHead: { ...body, face: "sans-bold", size: 9, leading: 12, spaceAfter: 0 },
    caption: { ...body, face: "sans-italic", size: 8.5, leading: 11.5, color: c.muted },
    furniture: { ...body, face: "sans", size: 8, leading: 10, color: c.muted },
  } satisfies Record<string, TextStyle>;
}

/** The type scale in the default palette: sizes and faces for code that has no Look. */
export const STYLES: Styles = lookFor(DEFAULT_PALETTE).styles;
