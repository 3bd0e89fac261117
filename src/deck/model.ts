// The deck model: typed slides derived once from the document model (derive.ts). The
// Marp markdown (marp.ts, which marp-core also turns into slides.html) and the PPTX
// (pptx.ts) are writers of this model; neither reads the other's output.
import type { Inline } from "../model/brief.js";

/** One bullet: its own sentence's runs and citations, and the items of a list it introduces. */
export interface Bullet {
  inlines: Inline[];
  /** Source indexes cited in this bullet's own text. */
  cites: number[];
  sub: Bullet[];
}

/** A picture as the brief names it: `src` as written (a key of the render context's images). */
export interface Picture {
  src: string;
  alt: string;
}

interface SlideBase {
  title: string;
  /** Line in the source file the slide comes from, for diagnostics. */
  line: number;
  /** Speaker notes, one string per paragraph. */
  notes: string[];
  /** Type scale of the slide's content (below its title) when fitting shrank it; 1 when absent. */
  zoom?: number;
}

export type DeckSlide =
  | (SlideBase & { kind: "title"; subtitle?: string; byline: string; cover?: Picture & { credit?: string }; logo?: Picture })
  | (SlideBase & { kind: "points"; role: "key-points" | "section" | "recommendations"; bullets: Bullet[]; /** > 0: numbered from here. */ numberFrom: number })
  | (SlideBase & { kind: "figure"; picture: Picture; /** Picture height in px of the 1280×720 slide, when fitting set one. */ height?: number; caption: Inline[]; credit: Inline[] })
  | (SlideBase & { kind: "table"; header: Inline[][]; rows: Inline[][][]; align: Array<"left" | "center" | "right">; caption: Inline[]; credit: Inline[] })
  | (SlideBase & { kind: "quote"; quote: Inline[]; attribution: Inline[] })
  | (SlideBase & { kind: "stat"; figures: Array<{ value: string; label: string }> })
  | (SlideBase & { kind: "sources"; entries: Array<{ inlines: Inline[]; url?: string }> })
  | (SlideBase & { kind: "closing"; name: string; contact?: string; logo?: Picture });

export type SlideKind = DeckSlide["kind"];

export interface Deck {
  title: string;
  lang: string;
  /** Running header (the short title) and footer (organisation · date) of content slides. */
  header: string;
  footer: string;
  slides: DeckSlide[];
}

/** Slides that carry the running header, footer and number (not the title or closing). */
export function isContentSlide(slide: DeckSlide): boolean {
  return slide.kind !== "title" && slide.kind !== "closing";
}
