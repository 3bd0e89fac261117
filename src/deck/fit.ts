// Fit by construction: the derived deck is the build's own work, so it is measured in the
// build's Chromium and re-flowed until every slide fits. First the type of an overflowing
// slide shrinks (never below 18 px at 1280×720, nor below FLOOR of its size); then things
// move: bullets over more (balanced) slides, a lone sentence cut to its lead clause (the
// full text is in the notes), a picture scaled to the space under title and caption, a
// table split by rows (its header repeated), sources spread wider. What still overflows
// after that is reported as ours. Pure but for the measuring it is handed.
import type { Deck, DeckSlide } from "./model.js";
import type { SlideMeasure } from "./overflow.js";

/** Smallest body text on a fitted slide, in px of the 1280×720 slide. */
export const MIN_FONT = 18;
/** Type never shrinks below this share of the theme's size, whatever the floor allows. */
const FLOOR = 0.72;
const MAX_ROUNDS = 8;
/** The height a slide's content has under its title, roughly, px. */
const ROOM = 720 - 180;
const MIN_PICTURE = 140;
/** The lead clause: the first try, and the shortest. */
const LEAD = 200;
const MIN_LEAD = 70;

/** What derivation does differently so that the deck fits (see deriveDeck). */
export interface FitPlan {
  /** Type scale by slide key (see slideKey). */
  zoom: Map<string, number>;
  /** Bullet runs (by "role:line") that need at least this many slides. */
  groups: Map<string, number>;
  /** Bullet runs whose lead-ins keep at most this many list items a slide. */
  subs: Map<string, number>;
  /** Bullet runs whose sentences are cut to a lead clause of at most this many characters. */
  lead: Map<string, number>;
  /** Quotes (by line) cut to a lead clause of at most this many characters. */
  quote: Map<number, number>;
  /** Tables (by line): rows a slide at most. */
  rows: Map<number, number>;
  /** Figures (by line of the picture): the picture's height. */
  picture: Map<number, number>;
  /** Sources a slide at most. */
  sources?: number;
}

export const emptyPlan = (): FitPlan => ({ zoom: new Map(), groups: new Map(), subs: new Map(), lead: new Map(), quote: new Map(), rows: new Map(), picture: new Map() });

/** Bullet slides of one section (or the key points) share a run key. */
export const runKey = (role: string, line: number) => `${role}:${line}`;

/** A slide's key: stable across rounds as long as the slide stays (its n-th same title). */
export function slideKeys(slides: readonly DeckSlide[]): string[] {
  const seen = new Map<string, number>();
  return slides.map((s) => {
    const base = `${s.kind}:${s.line}:${s.title}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}:${n}`;
  });
}

/** The zoom of each slide under the plan, set on the deck's slides. */
export function applyZoom(deck: Deck, plan: FitPlan): Deck {
  const keys = slideKeys(deck.slides);
  return { ...deck, slides: deck.slides.map((s, i) => ({ ...s, zoom: plan.zoom.get(keys[i] ?? "") })) };
}

export interface Unfit {
  slide: number;
  px: number;
}

/**
 * Derives, renders and measures the deck until it fits or nothing more can be done.
 * Returns the last deck and its HTML with the slides that still overflow.
 */
export async function fitDeck<T extends { html: string }>(
  derive: (plan: FitPlan) => Deck,
  render: (deck: Deck) => Promise<T>,
  measure: (html: string) => Promise<SlideMeasure[]>,
): Promise<{ deck: Deck; rendered: T; unfit: Unfit[] }> {
  const plan = emptyPlan();
  let best: { deck: Deck; rendered: T; unfit: Unfit[]; px: number } | undefined;
  for (let round = 0; ; round++) {
    const deck = applyZoom(derive(plan), plan);
    const rendered = await render(deck);
    const measures = await measure(rendered.html);
    const over = measures.filter((m) => m.px > 0);
    const px = over.reduce((n, m) => n + m.px, 0);
    if (!best || px < best.px) best = { deck, rendered, unfit: over.map((m) => ({ slide: m.slide, px: m.px })), px };
    // Done when it fits; else, when nothing more can change, the round that came closest.
    if (over.length === 0 || round >= MAX_ROUNDS || !replan(deck, measures, plan)) return best;
  }
}

/** Changes the plan for every slide that overflows; false when nothing more can change. */
export function replan(deck: Deck, measures: readonly SlideMeasure[], plan: FitPlan): boolean {
  const keys = slideKeys(deck.slides);
  let changed = false;
  for (const m of measures) {
    if (m.px <= 0) continue;
    const slide = deck.slides[m.slide];
    const key = keys[m.slide];
    if (!slide || !key) continue;
    // A picture first takes the space that is left; it is a picture, not type.
    if (slide.kind === "figure" && m.picture > MIN_PICTURE) {
      plan.picture.set(slide.line, Math.max(MIN_PICTURE, Math.floor(m.picture - m.px - 4)));
      changed = true;
      continue;
    }
    if (shrink(plan, key, m)) {
      changed = true;
      continue;
    }
    if (move(slide, m.px, plan, deck, keys)) changed = true;
  }
  return changed;
}

/** Shrinks the slide's type towards what it needs, within the floor; false at the floor. */
function shrink(plan: FitPlan, key: string, m: SlideMeasure): boolean {
  const zoom = plan.zoom.get(key) ?? 1;
  const floor = Math.max(FLOOR, m.baseFont > 0 ? MIN_FONT / m.baseFont : FLOOR);
  if (zoom <= floor + 0.005) return false;
  // Text re-wraps as it shrinks: its height goes roughly with the square of the scale.
  const want = zoom * Math.sqrt(Math.max(0.1, (ROOM - m.px) / ROOM)) - 0.02;
  const next = Math.max(floor, Math.min(zoom - 0.04, want));
  plan.zoom.set(key, Math.ceil(next * 100) / 100);
  return true;
}

/** Moves content off a slide whose type is at its floor; false when there is nothing to move. */
function move(slide: DeckSlide, px: number, plan: FitPlan, deck: Deck, keys: string[]): boolean {
  const forget = (line: number) => {
    // The slides of a re-flowed run start again at full size.
    keys.forEach((k, i) => {
      if (deck.slides[i]?.line === line) plan.zoom.delete(k);
    });
  };
  switch (slide.kind) {
    case "points": {
      const run = runKey(slide.role, slide.line);
      const subs = slide.bullets[0]?.sub.length ?? 0;
      // The slide's content at full size, in slides: text re-wraps with the square of the scale.
      const zoom = slide.zoom ?? 1;
      const need = Math.max(2, Math.ceil((ROOM + px) / ROOM / (zoom * zoom)));
      if (slide.bullets.length > 1) {
        const slides = deck.slides.filter((s) => s.kind === "points" && s.role === slide.role && s.line === slide.line).length;
        plan.groups.set(run, Math.max(plan.groups.get(run) ?? 0, slides - 1 + need));
      } else if (subs >= 2) {
        plan.subs.set(run, Math.min(plan.subs.get(run) ?? subs, Math.max(1, Math.floor(subs / need))));
      } else {
        const lead = plan.lead.get(run);
        if (lead !== undefined && lead <= MIN_LEAD) return false;
        plan.lead.set(run, lead === undefined ? LEAD : Math.max(MIN_LEAD, Math.floor(lead * 0.6)));
      }
      forget(slide.line);
      return true;
    }
    case "table": {
      const rows = slide.rows.length;
      if (rows <= 1) return false;
      plan.rows.set(slide.line, Math.min(plan.rows.get(slide.line) ?? rows, Math.ceil(rows / 2)));
      forget(slide.line);
      return true;
    }
    case "quote": {
      const lead = plan.quote.get(slide.line);
      if (lead !== undefined && lead <= MIN_LEAD) return false;
      plan.quote.set(slide.line, lead === undefined ? LEAD * 1.5 : Math.max(MIN_LEAD, Math.floor(lead * 0.6)));
      forget(slide.line);
      return true;
    }
    case "sources": {
      const n = slide.entries.length;
      if (n <= 1) return false;
      plan.sources = Math.min(plan.sources ?? n, Math.ceil(n / 2));
      for (const [i, s] of deck.slides.entries()) if (s.kind === "sources") plan.zoom.delete(keys[i] ?? "");
      return true;
    }
    default:
      return false;
  }
}
