// One text item of the flow: runs broken into lines at the text width, with its place in
// the structure tree. Shared by the flow stage and its figure, caption and table parts.
import type { FontBook } from "../../text/fonts.js";
import type { Direction } from "../../text/bidi.js";
import { breakLines, type Run } from "./lines.js";
import type { ImageAsset, StructIds, StructRef, StructType, TextItem } from "./plan.js";
import type { Look, TextStyle } from "./style.js";

export interface FlowContext {
  fonts: FontBook;
  width: number;
  images: ReadonlyMap<string, ImageAsset>;
  ids: StructIds;
  /** Colours and type scale of this document, from the organisation's palette. */
  look: Look;
  /** Inserts soft hyphens into prose; absent when the brief does not ask for hyphenation. */
  hyphenate?: (text: string) => string;
  /** number-sections: headings print their numbers ("2.1"). */
  numberSections?: boolean;
  /** "rtl" for a right-to-left brief: every paragraph's base direction (else each paragraph's own). */
  direction?: Direction;
}

interface TextOptions {
  indent?: number;
  width?: number;
  /** Kept clear at the right: a box's inner padding, so it matches the left's. */
  inset?: number;
  hanging?: number;
  anchor?: string;
  /** Containing structure elements, outermost first. */
  parents?: StructRef[];
}

export function text(type: StructType, runs: Run[], style: TextStyle, ctx: FlowContext, o: TextOptions = {}): TextItem {
  const indent = (o.indent ?? 0) + (o.hanging ?? 0);
  const width = (o.width ?? ctx.width) - indent - (o.inset ?? 0);
  const lines = breakLines(runs, ctx.fonts, { width, leading: style.leading, firstLineIndent: -(o.hanging ?? 0), direction: ctx.direction });
  // Hanging indent: the first line starts further left than the rest.
  if (o.hanging) lines[0]?.fragments.forEach((f) => (f.x -= o.hanging ?? 0));
  return {
    type: "text",
    role: type,
    lines,
    indent,
    spaceBefore: style.spaceBefore,
    spaceAfter: style.spaceAfter,
    keepWithNext: false,
    keepTogether: false,
    anchor: o.anchor,
    tag: [...(o.parents ?? []), ctx.ids.next(type)],
  };
}
