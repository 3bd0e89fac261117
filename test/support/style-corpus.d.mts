export interface CorpusStyle {
  name: string;
  kind: "author-date" | "author-page" | "numeric";
  heading: string;
  layout: "paragraphs" | "lines" | "numbered";
}
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  "dropping-particle"?: string;
  "non-dropping-particle"?: string;
}
export interface CorpusItem {
  id: string;
  title: string;
  author: CslName[];
  issued?: { "date-parts"?: number[][] };
  DOI?: string;
  URL?: string;
}
export const STYLES: CorpusStyle[];
export const STYLE_DIR: string;
export const CORPUS_DIR: string;
export function corpusItems(): CorpusItem[];
export function styleBrief(style: CorpusStyle): string;
