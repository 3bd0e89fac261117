// A small bar chart as a PNG, drawn with sharp from SVG: the fixture brief's figure.
import sharp from "sharp";

export async function barChartPng(values: number[], width = 800, height = 450): Promise<Buffer> {
  const max = Math.max(...values);
  const gap = width / values.length;
  const bars = values
    .map((v, i) => {
      const h = ((height - 60) * v) / max;
      return `<rect x="${i * gap + gap * 0.15}" y="${height - 30 - h}" width="${gap * 0.7}" height="${h}" fill="${i === values.length - 1 ? "#c8553d" : "#1f3a5f"}"/>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/>${bars}<rect x="0" y="${height - 30}" width="${width}" height="2" fill="#5b6470"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
