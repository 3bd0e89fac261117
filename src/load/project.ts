// The project's settings at the I/O edge: briefpress.yaml read through the Workspace,
// parsed (config.ts), its logo loaded like any image. Every command starts here.
import { readImage } from "../assets/images.js";
import { CONFIG_FILE, NO_CONFIG, parseConfig, type ProjectConfig } from "./config.js";
import { diagnostic, pointSpan, type Diagnostic } from "../model/diagnostics.js";
import type { ImageAsset } from "../model/image.js";
import type { Workspace } from "../world/workspace.js";

export interface Project {
  config: ProjectConfig;
  /** The logo, decoded, and its absolute path (the key renderers find it under). */
  logo?: { path: string; image: ImageAsset };
  diagnostics: Diagnostic[];
}

export function loadProject(ws: Workspace): Project {
  const text = ws.readProjectConfig(CONFIG_FILE);
  if (text === undefined) return { config: NO_CONFIG, diagnostics: [] };
  const { config, diagnostics } = parseConfig(text);
  if (!config.logo) return { config, diagnostics };
  const path = ws.resolvePath(CONFIG_FILE, config.logo);
  const image = readImage(ws, path, config.logo, CONFIG_FILE);
  if (typeof image !== "string") return { config, logo: { path, image }, diagnostics };
  const span = config.spans.logo ?? pointSpan(1, 1);
  return { config, diagnostics: [...diagnostics, diagnostic(CONFIG_FILE, span, "error", "image/load", `logo: ${image}`)] };
}
