// The layout plan: what the placement pass produces and the writer draws. Plain data,
// so pagination rules can be tested without writing a PDF.
import type { Line } from "./lines.js";

export type BlockRole =
  | "H1" | "H2" | "H3" | "P" | "LI" | "Quote" | "Code" | "BibEntry" | "Note" | "Caption" | "TOC" | "Figure" | "Table";

export type ImageAsset =
  | { kind: "svg"; svg: string; width: number; height: number }
  | { kind: "raster"; data: Buffer; width: number; height: number };

export interface TextItem {
  type: "text";
  role: BlockRole;
  lines: Line[];
  /** Left edge of the lines, relative to the text block. */
  indent: number;
  spaceBefore: number;
  spaceAfter: number;
  keepWithNext: boolean;
  /** Never split across pages (short quotes, callouts, list labels with one line). */
  keepTogether: boolean;
  label?: { line: Line; x: number };
  box?: { fill: string; pad: number };
  bar?: { color: string; x: number };
  /** Named destination at the item's first line (sources, footnotes, headings). */
  anchor?: string;
  outline?: { title: string; level: number };
  /** TOC lines: the anchor whose page number is printed at the right. */
  pageRef?: string;
  /** Structure nesting, outermost first, e.g. ["L", "LI"]. */
  groups: string[];
}

export interface FigureItem {
  type: "figure";
  image: ImageAsset;
  alt: string;
  width: number;
  height: number;
  caption: Line[];
  spaceBefore: number;
  spaceAfter: number;
}

export interface TableItem {
  type: "table";
  columns: number[];
  header: Line[][];
  rows: Line[][][];
  spaceBefore: number;
  spaceAfter: number;
}

export type FlowItem = TextItem | FigureItem | TableItem;

export type Placed =
  | { type: "line"; x: number; y: number; line: Line; role: BlockRole; item: number; groups: string[] }
  | { type: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { type: "image"; x: number; y: number; w: number; h: number; image: ImageAsset; alt: string }
  | { type: "dest"; name: string; y: number }
  | { type: "outline"; title: string; level: number; dest: string }
  | { type: "pageRef"; dest: string; x: number; y: number; line: Line };

export interface PagePlan {
  kind: "cover" | "body";
  items: Placed[];
}
