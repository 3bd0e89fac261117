// The two markdown-it plugins ship no types; this is the part of their API we use.
declare module "markdown-it-footnote" {
  import type { PluginSimple } from "markdown-it";
  const footnote: PluginSimple;
  export default footnote;
}

declare module "markdown-it-container" {
  import type { PluginWithOptions } from "markdown-it";
  interface ContainerOptions {
    validate?: (params: string) => boolean;
    marker?: string;
  }
  const container: PluginWithOptions<ContainerOptions>;
  export default container;
}
