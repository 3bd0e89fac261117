// Budgets a picture must keep, whether it stands alone or sits inside an SVG.

/** Pixels a picture may hold: a 300 ppi A3 poster is 17 megapixels; a bomb is billions. */
export const MAX_PIXELS = 100_000_000;
