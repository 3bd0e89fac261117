export interface GeneratedBrief {
  markdown: string;
  sources: Array<{ family: string; year: string; text: string }>;
  unused: number;
}
export interface GenerateOptions {
  seed?: number;
  sources?: number;
  citations?: number;
  sections?: number;
  paragraphs?: number;
  extras?: boolean;
  unresolved?: number;
}
export function generateBrief(options?: GenerateOptions): GeneratedBrief;
export function rng(seed: number): () => number;
export function sentence(r: () => number, words?: number): string;
export const STRESS: GenerateOptions;
export const HUNDRED_PAGES: GenerateOptions;
