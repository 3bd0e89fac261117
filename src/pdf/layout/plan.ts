// The layout plan: what the placement pass produces and the writer draws. Plain data,
// so pagination rules can be tested without writing a PDF.
import type { Line } from "./lines.js";

/** Structure element types used in the tagged PDF (ISO 32000-1 §14.8.4). */
export type StructType =
  | "Document" | "Sect" | "Div" | "H1" | "H2" | "H3" | "P" | "L" | "LI" | "Lbl" | "LBody" | "BlockQuote" | "Code"
  | "BibEntry" | "Note" | "Caption" | "TOC" | "TOCI" | "Figure" | "Table" | "TR" | "TH" | "TD";

/** One element in the structure tree; the same id on several lines means the same element. */
export interface StructRef {
  type: StructType;
  id: number;
  alt?: string;
  scope?: "Column" | "Row";
}

/** Where drawn content sits in the structure tree, outermost first; "artifact" is decoration. */
export type Tag = StructRef[] | "artifact";

/** Hands out element ids for one document (passed around, never module state). */
export class StructIds {
  private last = 0;
  next(type: StructType, extra: Omit<StructRef, "type" | "id"> = {}): StructRef {
    return { type, id: ++this.last, ...extra };
  }
}

export type BlockRole = StructType;

import type { ImageAsset } from "../../model/image.js";

export type { ImageAsset };

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
  label?: { line: Line; x: number; tag: Tag };
  box?: { fill: string; pad: number };
  bar?: { color: string; x: number };
  /** Named destination at the item's first line (sources, footnotes, headings). */
  anchor?: string;
  outline?: { title: string; level: number };
  /** TOC lines: the anchor whose page number is printed at the right. */
  pageRef?: string;
  /** Starts a new page ("{{< pagebreak >}}"). */
  pageBreak?: boolean;
  /** The item's place in the structure tree, outermost first, ending with its own element. */
  tag: Tag;
}

export interface FigureItem {
  type: "figure";
  image: ImageAsset;
  alt: string;
  tag: Tag;
  captionTag: Tag;
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
  align: Array<"left" | "center" | "right">;
  /** Cell padding, in points. */
  pad: number;
  /** Where the Table element sits (ending with it); then one TR per row, header first. */
  path: StructRef[];
  rowTags: StructRef[];
  cellTags: StructRef[][];
  spaceBefore: number;
  spaceAfter: number;
}

export type FlowItem = TextItem | FigureItem | TableItem;

export type Placed =
  | { type: "line"; x: number; y: number; line: Line; tag: Tag }
  | { type: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { type: "image"; x: number; y: number; w: number; h: number; image: ImageAsset; alt: string; tag: Tag }
  | { type: "dest"; name: string; y: number }
  | { type: "outline"; title: string; level: number; dest: string }
  | { type: "pageRef"; dest: string; x: number; y: number; line: Line; tag: Tag };

export interface PagePlan {
  kind: "cover" | "body";
  items: Placed[];
}
