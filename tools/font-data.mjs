// Compile step (`npm run compile`): font data that must not cost anything at run time.
// 1. Each WOFF face (@fontsource ships only WOFF/WOFF2) unpacked once into
//    build/fonts/<key>.ttf: HarfBuzz shapes sfnt only, and fontkit then reads it too.
// 2. build/fonts/coverage.json: for every face, the code points its cmap maps, as
//    ranges. `check` tells a character no bundled font has from this table alone, and
//    the PDF picks a fallback face for a character without parsing face after face.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as fontkit from "fontkit";
import { convert } from "fontverter";
import { ALL_KEYS, coveragePath, fontModule, fontPath, unpackedFontPath } from "../build/text/font-files.js";
import { resolvePackage } from "../build/world/packages.js";
/** Polytonic Greek is all the "greek" face (Source Sans 3) is a fallback for. */
const ONLY = {
  greek: (cp) => (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff),
};
function ranges(codePoints) {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out = [];
  for (const cp of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === cp - 1)
      last[1] = cp;
    else
      out.push([cp, cp]);
  }
  return out;
}
/** Per face: its ranges flattened (start, end, start, end…), or the name of the face whose ranges it shares. */
const coverage = {};
const seen = new Map();
for (const key of ALL_KEYS) {
  const module = fontModule(key);
  if (module.endsWith(".woff")) {
    const out = unpackedFontPath(key);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, await convert(readFileSync(resolvePackage(module)), "sfnt", "woff"));
  }
  const font = fontkit.create(readFileSync(fontPath(key)));
  const only = ONLY[key.replace(/-bold$/, "")];
  const flat = ranges(only ? font.characterSet.filter(only) : font.characterSet).flat();
  const text = flat.join(",");
  coverage[key] = seen.get(text) ?? flat; // bold faces mostly share their regular's table
  if (!seen.has(text))
    seen.set(text, key);
}
mkdirSync(dirname(coveragePath()), { recursive: true });
writeFileSync(coveragePath(), JSON.stringify(coverage));
