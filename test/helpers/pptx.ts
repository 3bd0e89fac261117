// Reads a .pptx the way an office suite does: the package's parts, the slides in the
// presentation's order, each slide's shapes and text, its notes; and LibreOffice's
// rendering of it (soffice → PDF, one page a slide).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";

export interface PptxSlide {
  part: string;
  xml: string;
  /** Text of the title placeholder. */
  title: string;
  /** Every text run, in order (title included). */
  texts: string[];
  /** Paragraph texts of the speaker notes ([] when none). */
  notes: string[];
  rels: Array<{ id: string; type: string; target: string; external: boolean }>;
}

export interface Pptx {
  files: Record<string, Uint8Array>;
  text(part: string): string;
  slides: PptxSlide[];
}

export const decode = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");

const runs = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? ""));

/** The relationships of a part ("/" for the package's own). */
export function relsOf(files: Record<string, Uint8Array>, part: string): PptxSlide["rels"] {
  const slash = part.lastIndexOf("/");
  const relsPart = part === "/" ? "_rels/.rels" : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const data = files[relsPart];
  if (!data) return [];
  return [...strFromU8(data).matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1] ?? "")?.[1] ?? "";
    return { id: attr("Id"), type: attr("Type"), target: decode(attr("Target")), external: attr("TargetMode") === "External" };
  });
}

/** A relationship target as a part name ("../media/a.png" from ppt/slides/ → ppt/media/a.png). */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1).filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

export function readPptx(path: string): Pptx {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const text = (part: string) => strFromU8(files[part] ?? new Uint8Array());
  const presentation = "ppt/presentation.xml";
  const presRels = relsOf(files, presentation);
  const order = [...text(presentation).matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map((m) => presRels.find((r) => r.id === m[1])?.target ?? "");
  const slides = order.map((target) => {
    const part = resolveTarget(presentation, target);
    const xml = text(part);
    const rels = relsOf(files, part);
    const titleShape = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph[^>]*type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? "";
    const notesRel = rels.find((r) => r.type.endsWith("/notesSlide"));
    const notesXml = notesRel ? text(resolveTarget(part, notesRel.target)) : "";
    const body = /<p:ph type="body"[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(notesXml)?.[1] ?? "";
    const notes = [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => runs(p[1] ?? "").join("").trim()).filter(Boolean);
    return { part, xml, title: runs(titleShape).join(""), texts: runs(xml), notes, rels };
  });
  return { files, text, slides };
}

/** LibreOffice Impress's rendering of the deck as PDF (its own profile, so parallel runs do not collide). */
export function libreOfficePdf(pptx: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "briefpress-lo-"));
  try {
    const input = join(dir, "deck.pptx");
    writeFileSync(input, readFileSync(pptx));
    execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, input], { stdio: "pipe", timeout: 180_000 });
    return readFileSync(join(dir, "deck.pdf"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
