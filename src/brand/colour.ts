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
