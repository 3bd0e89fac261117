// Document model → deck model, once: the title (and key figures), key points, one slide
// or more per section with its figures, tables and quotes after it, the recommendations,
// the sources cited on the slides and a closing slide. Every slide but the closing one
// gets speaker notes; continuation slides get their share. Pure.
import type { Brand } from "../brand/brand.js";
import { formatDate } from "../model/dates.js";
import type { Block, Brief, Inline } from "../model/brief.js";
import { plainText } from "../model/plain-text.js";
import { findMedia, mediaSlides } from "./media.js";
import type { Deck, DeckSlide } from "./model.js";
import { emptyPlan, runKey, type FitPlan } from "./fit.js";
import { blockText, chunk, leadPoints, pointsFromBlocks, sentences, withFullText, type Point } from "./points.js";
import { keyFigures } from "./stats.js";

const MAX_BULLETS = 4;
/** About seven lines of body text at 1280×720: a slide that is read at a glance, and not half empty. */
const MAX_BULLET_CHARS = 600;
const MAX_RECOMMENDATIONS = 3;
const MAX_RECOMMENDATION_CHARS = 640;
const MAX_SOURCES_PER_SLIDE = 7;
/**
 * Bullets a section's prose gives at most (two slides' worth): a 60-page report would
 * otherwise make a slide of every four paragraphs, 200 slides no one presents. The
 * paragraphs after them are in the notes of the section's last slide, in full.
 */
const MAX_SECTION_POINTS = 2 * MAX_BULLETS;
/** Quote slides a section gives at most: a section of testimonies shows two, its other quotes are in the notes. */
const MAX_SECTION_QUOTES = 2;

/** `plan`: what fitting asks for (more slides for a run of bullets, lead clauses…); none at first. */
export function deriveDeck(brief: Brief, brand?: Pick<Brand, "name" | "logo" | "contact">, plan: FitPlan = emptyPlan()): Deck {
  const meta = brief.meta;
  const organisation = brand?.name ?? meta.organisation;
  const slides: DeckSlide[] = [];
  const logo = brand?.logo ? { src: brand.logo, alt: `${organisation ?? "Organisation"} logo` } : undefined;
  const byline = [meta.authors.map((a) => [a.name, a.role].filter(Boolean).join(", ")).join("; "), organisation, meta.date ? formatDate(meta.date) : ""].filter(Boolean).join(" · ");
  slides.push({
    kind: "title",
    title: brief.title,
    line: 1,
    subtitle: meta.subtitle,
    byline,
    cover: meta.cover ? { src: meta.cover.image, alt: meta.cover.alt, credit: meta.cover.credit } : undefined,
    logo,
    notes: meta.summary ? [meta.summary] : [brief.title, meta.subtitle ?? "", byline].filter(Boolean),
  });
  slides.push(...keyFigures(brief));
  if (meta.key_points?.length) {
    const run = runKey("key-points", brief.metaLines.key_points ?? 1);
    const points = fitted(
      meta.key_points.map((text, from): Point => ({ bullet: { inlines: [{ kind: "text", text }], cites: [], sub: [] }, from, note: text })),
      plan.lead.get(run),
    );
    const groups = chunk(points, MAX_BULLETS, MAX_BULLET_CHARS, plan.groups.get(run), plan.subs.get(run));
    const summary = meta.summary ? sentences([{ kind: "text", text: meta.summary }]).map(plainText) : [];
    groups.forEach((group, i) => {
      // The summary's sentences are shared out; a slide left without any reads its own points.
      const share = summary.slice(Math.floor((i * summary.length) / groups.length), Math.floor(((i + 1) * summary.length) / groups.length));
      slides.push({
        kind: "points",
        role: "key-points",
        title: i === 0 ? "Key points" : "Key points (cont.)",
        line: brief.metaLines.key_points ?? 1,
        bullets: group.map((p) => p.bullet),
        numberFrom: 0,
        notes: withFullText(share.length ? [share.join(" ")] : group.map((p) => plainText(p.bullet.inlines)), group),
      });
    });
  }

  for (const section of sectionsOf(brief.blocks, brief.title)) slides.push(...sectionSlides(section, plan));

  const cited = [...new Set(slides.flatMap(citedOn))].sort((a, b) => a - b);
  const perSlide = plan.sources ?? MAX_SOURCES_PER_SLIDE;
  for (let i = 0; i < cited.length; i += perSlide) {
    const entries = cited.slice(i, i + perSlide).flatMap((n) => (brief.sources[n] ? [brief.sources[n]] : []));
    slides.push({
      kind: "sources",
      title: i === 0 ? "Sources" : "Sources (cont.)",
      line: brief.sources[cited[i] ?? 0]?.span.start.line ?? 1,
      entries: entries.map((s) => ({ inlines: s.inlines, url: s.url })),
      notes: [`The sources behind the claims on these slides; the brief lists ${brief.sources.length === 1 ? "its reference" : `all ${brief.sources.length} references`} in full.`, ...entries.map((s) => s.text)],
    });
  }
  const name = organisation ?? brief.title;
  slides.push({ kind: "closing", title: name, line: 1, name, contact: withoutName(brand?.contact ?? meta.contact, name), logo, notes: [] });
  return {
    title: brief.title,
    lang: meta.lang ?? "en",
    header: meta.short_title ?? brief.title,
    footer: [organisation, meta.date ? formatDate(meta.date) : ""].filter(Boolean).join(" · "),
    slides,
  };
}

/**
 * The closing slide names the organisation once, in its title: a contact line that repeats
 * it ("Contact: Research desk, Global Human Rights Defence") loses the repeat.
 */
function withoutName(contact: string | undefined, name: string): string | undefined {
  if (!contact) return undefined;
  const at = contact.indexOf(name);
  if (at < 0) return contact;
  const rest = `${contact.slice(0, at)}${contact.slice(at + name.length)}`.replace(/\s*[,;·|–—-]\s*$/, "").replace(/^\s*[,;·|–—-]\s*/, "").replace(/\s*[,;·|–—-]\s*([,;·|–—-])/, " $1").trim();
  return /[\p{L}\p{N}]/u.test(rest.replace(/^contact:?$/i, "")) ? rest : undefined;
}

/** Source indexes a slide shows a citation of (the sources slide lists exactly these). */
function citedOn(slide: DeckSlide): number[] {
  const walk = (inlines: readonly Inline[]): number[] =>
    inlines.flatMap((i) => (i.kind === "citation" ? i.citation.items.flatMap((it) => (it.sourceIndex === undefined ? [] : [it.sourceIndex])) : "children" in i ? walk(i.children) : []));
  switch (slide.kind) {
    case "points":
      return slide.bullets.flatMap((b) => [...b.cites, ...b.sub.flatMap((s) => s.cites)]);
    case "figure":
      return walk([...slide.caption, ...slide.credit]);
    case "table":
      return walk([...slide.caption, ...slide.credit, ...slide.header.flat(), ...slide.rows.flat(2)]);
    case "quote":
      return walk([...slide.quote, ...slide.attribution]);
    default:
      return [];
  }
}

interface Section {
  title: string;
  line: number;
  blocks: Block[];
}

function sectionsOf(blocks: readonly Block[], title: string): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const b of blocks) {
    if (b.kind === "heading" && b.level <= 2) {
      current = { title: plainText(b.inlines), line: b.at.line, blocks: [] };
      sections.push(current);
    } else if (current) current.blocks.push(b);
  }
  // A letter with no headings still has its paragraphs: never an empty deck.
  if (sections.length === 0 && blocks.length > 0) return [{ title, line: blocks[0]?.at.line ?? 1, blocks: [...blocks] }];
  return sections;
}

type Callout = Extract<Block, { kind: "callout" }>;
const isCallout = (b: Block, variant: string): b is Callout => b.kind === "callout" && b.variant === variant;

/** Points cut to their lead clause when fitting asks for it. */
function fitted(points: Point[], lead: number | undefined): Point[] {
  return lead === undefined ? points : leadPoints(points, lead);
}

function sectionSlides(section: Section, plan: FitPlan): DeckSlide[] {
  const isRecommendations = /recommendation/i.test(section.title);
  const marked = section.blocks.filter((b) => isCallout(b, "slide"));
  // `::: notes` (Pandoc/Quarto speaker notes) are the notes of this section's slides.
  const ownNotes = section.blocks.filter((b) => isCallout(b, "notes")).map(blockText);
  // Quarto's content for other formats ("hidden") is in neither the bullets nor the notes.
  const prose = section.blocks.filter((b) => !isCallout(b, "slide") && !isCallout(b, "notes") && !isCallout(b, "figures") && !isCallout(b, "hidden"));
  const { media, used } = condensed(findMedia(prose), prose, marked.length > 0);
  const text = prose.filter((_, i) => !used.has(i));
  const role = isRecommendations ? "recommendations" : "section";
  const run = runKey(role, section.line);
  // The writer's own slide bullets and recommendations are all shown; prose is condensed.
  const points = fitted(
    marked.length > 0 ? marked.flatMap((c) => pointsFromBlocks(c.blocks, "all")) : pointsFromBlocks(text, isRecommendations ? "lead" : "first").slice(0, isRecommendations ? undefined : MAX_SECTION_POINTS),
    plan.lead.get(run),
  );
  const most = isRecommendations ? MAX_RECOMMENDATIONS : MAX_BULLETS;
  const groups = points.length ? chunk(points, most, isRecommendations ? MAX_RECOMMENDATION_CHARS : MAX_BULLET_CHARS, plan.groups.get(run), plan.subs.get(run)) : [];
  const notesText = ownNotes.length ? ownNotes : text.map(blockText).filter(Boolean);
  const slides: DeckSlide[] = [];
  let number = 1;
  groups.forEach((group, i) => {
    slides.push({
      kind: "points",
      role,
      title: i === 0 ? section.title : `${section.title} (cont.)`,
      line: section.line,
      bullets: group.map((p) => p.bullet),
      numberFrom: isRecommendations ? number : 0,
      notes: withFullText(share(notesText, groups, i, marked.length === 0 && ownNotes.length === 0, text), group),
    });
    number += group.length;
  });
  for (const m of media) slides.push(...mediaSlides(m, section.title, section.line, plan));
  return slides;
}

/**
 * Past MAX_SECTION_QUOTES, a section's quotes go back to its prose: not on slides of their
 * own but in the notes of its bullets, in order. Only where there are bullets to carry them.
 */
function condensed(found: ReturnType<typeof findMedia>, prose: readonly Block[], marked: boolean): ReturnType<typeof findMedia> {
  const quotes = found.media.filter((m) => m.kind === "quote");
  if (quotes.length <= MAX_SECTION_QUOTES) return found;
  const extra = new Set(quotes.slice(MAX_SECTION_QUOTES).map((m) => m.at));
  const used = new Set([...found.used].filter((i) => !extra.has(i)));
  const bullets = marked || pointsFromBlocks(prose.filter((_, i) => !used.has(i)), "first").length > 0;
  return bullets ? { media: found.media.filter((m) => !extra.has(m.at)), used } : found;
}

/**
 * The notes of slide `i` of a section. When bullets come from the prose: the full text of
 * each of its bullets (the paragraph, or the list item) and, in order among them, the
 * blocks between that gave no bullet (a sub-heading). Otherwise an even share.
 */
function share(notes: string[], groups: Point[][], i: number, fromProse: boolean, text: Block[]): string[] {
  const group = groups[i] ?? [];
  if (fromProse && group.length) {
    const withBullets = new Set(groups.flat().flatMap((p) => (p.through === undefined ? [p.from] : [p.from, p.through])));
    const start = i === 0 ? 0 : (group[0]?.from ?? 0);
    const end = Math.max(groups[i + 1]?.[0]?.from ?? text.length, (group[group.length - 1]?.from ?? 0) + 1);
    const mine: string[] = [];
    for (let b = start; b < end; b++) {
      if (withBullets.has(b)) mine.push(...group.filter((p) => p.from === b).map((p) => p.note));
      else mine.push(blockText(text[b] as Block));
    }
    const out = mine.filter(Boolean);
    if (out.length) return out;
  }
  const part = notes.slice(Math.floor((i * notes.length) / groups.length), Math.floor(((i + 1) * notes.length) / groups.length));
  return part.length ? part : (groups[i] ?? []).map((p) => plainText(p.bullet.inlines));
}
