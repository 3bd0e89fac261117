// citation-js ships no types; the part of its API briefpress uses.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Array<Record<string, unknown>>;
    format(format: "bibliography", options: Record<string, unknown>): string | Array<[string, string]>;
  }
  export const plugins: {
    config: {
      get(name: "@csl"): { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
    };
  };
}
