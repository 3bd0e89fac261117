// Colour arithmetic for the palette: WCAG 2 contrast, and the tints and shades the PDF and
// the deck derive from the organisation's two colours.

/** "#rgb" or "#rrggbb" → [r, g, b] in 0–255. */
export function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function hex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v ?? 0))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2.x relative luminance. */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1–21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `colour` mixed with `toward` by `amount` (0 = colour, 1 = toward). */
export function mix(colour: string, toward: string, amount: number): string {
  const a = rgb(colour);
  const b = rgb(toward);
  return hex(a.map((v, i) => v + ((b[i] ?? 0) - v) * amount));
}

/** WCAG AA for body text. */
export const AA_TEXT = 4.5;
/** WCAG AA for large text and graphics (bullets, rules, big numbers). */
export const AA_LARGE = 3;

function toHsl([r, g, b]: readonly number[]): [number, number, number] {
  const [R, G, B] = [r ?? 0, g ?? 0, b ?? 0].map((v) => v / 255) as [number, number, number];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): string {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v = u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
    return v * 255;
  };
  return hex([channel(h + 1 / 3), channel(h), channel(h - 1 / 3)]);
}

/**
 * The shade of `colour` nearest to it (same hue and saturation, the least change of
 * lightness) whose contrast with `against` reaches `needs`: darker against a light
 * background, lighter against a dark one. Checked after rounding to a hex value, so the
 * suggestion passes as written.
 */
export function nearestShade(colour: string, against: string, needs: number): string {
  if (contrast(colour, against) >= needs) return hex(rgb(colour));
  const [h, s, l] = toHsl(rgb(colour));
  const darker = luminance(against) > 0.18;
  for (let step = 1; step <= 1000; step++) {
    const candidate = fromHsl(h, s, darker ? Math.max(0, l - (l * step) / 1000) : Math.min(1, l + ((1 - l) * step) / 1000));
    if (contrast(candidate, against) >= needs) return candidate;
  }
  return darker ? "#000000" : "#ffffff";
}
