// A brief with pictures, for watch-mode timing and tests: a PNG chart (drawn as SVG,
// rasterised by sharp) and a ~1 MB JPEG "photograph" (smooth shapes under fine grain,
// so it compresses like a photo, not like flat colour). Invented content throughout.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";

const CHART = (() => {
  const bars = [18, 34, 27, 52, 61, 44, 70].map((v, i) => `<rect x="${120 + i * 190}" y="${900 - v * 11}" width="120" height="${v * 11}" fill="#0B6E4F"/><text x="${180 + i * 190}" y="950" font-size="36" text-anchor="middle" font-family="sans-serif">${2018 + i}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="#ffffff"/><line x1="100" y1="900" x2="1500" y2="900" stroke="#333" stroke-width="4"/>${bars}</svg>`;
})();

/** Writes assets/chart.png and assets/photo.jpg (about 1 MB) under `dir`. */
export async function writePictures(dir) {
  mkdirSync(join(dir, "assets"), { recursive: true });
  await sharp(Buffer.from(CHART)).png().toFile(join(dir, "assets", "chart.png"));
  const [w, h] = [2000, 1333];
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6d8fb3"/><stop offset="1" stop-color="#e8d9b5"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#sky)"/><path d="M0 ${h * 0.7} Q ${w / 3} ${h * 0.55} ${w} ${h * 0.75} L ${w} ${h} L 0 ${h} Z" fill="#5f6b3a"/><circle cx="${w * 0.75}" cy="${h * 0.25}" r="90" fill="#f4e3a1"/></svg>`;
  // Deterministic grain: a small linear congruential generator, not Math.random.
  const grain = Buffer.alloc(w * h * 3);
  let seed = 12345;
  for (let i = 0; i < grain.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    grain[i] = 104 + (seed % 48);
  }
  const base = await sharp(Buffer.from(scene)).removeAlpha().raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.max(0, Math.min(255, base[i] + (grain[i] ?? 128) - 128));
  await sharp(base, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 92 }).toFile(join(dir, "assets", "photo.jpg"));
}

/** A short brief that shows both pictures. */
export const PICTURE_BRIEF = `---
title: "Detention on the Border: A Year in Pictures"
organisation: Northern Rights Observatory
date: 2025-03-02
---

## What the figures show

Recorded detentions rose in most years of the period, with the sharpest increase in the final year (Observatory 2025).

![Recorded detentions by year, 2018–2024](../assets/chart.png "Source: Northern Rights Observatory monitoring data (invented for this example).")

The crossing point most people described lies at a river bend below low hills.

![A river bend below low hills at dusk](../assets/photo.jpg "Photo: Northern Rights Observatory field team (illustrative image).")

## Sources

Northern Rights Observatory. (2025). Border detention monitoring, annual dataset.
`;

export async function writePictureProject(dir) {
  await writePictures(dir);
  mkdirSync(join(dir, "report"), { recursive: true });
  writeFileSync(join(dir, "report", "pictures.md"), PICTURE_BRIEF);
}
