// SVGs are read like any picture, with what only an SVG can do kept out (issue 22): no
// entity expansion, no reference to another file or address, nothing cut short, budgets
// on elements, nesting, embedded pixels and the drawing's size. Each is one image/load.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { briefpress } from "../helpers/run.js";
import { scratchProject } from "../helpers/project.js";

const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">';
/** A PNG header claiming 40,000 × 40,000 pixels, base64: the bomb inside an SVG. */
function bombPng(): string {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(40_000, 8);
  ihdr.writeUInt32BE(40_000, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(2, 17);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]).toString("base64");
}

const CASES: Record<string, { svg: string; says: RegExp }> = {
  entities: { svg: `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>${open}<text>&b;</text></svg>`, says: /declares DOCTYPE entities/ },
  outside: { svg: `${open}<image href="../../secret.png" width="10" height="10"/></svg>`, says: /refers to another file or address \("\.\.\/\.\.\/secret\.png"\)/ },
  absolute: { svg: `${open}<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>`, says: /refers to another file or address \("file:\/\/\/etc\/passwd"\)/ },
  remote: { svg: `${open}<image href="https://example.org/x.png" width="10" height="10"/></svg>`, says: /refers to another file or address/ },
  truncated: { svg: `${open}<rect width="10" height="10"/><g><text>half`, says: /is cut short/ },
  nested: { svg: `${open}${"<g>".repeat(5_000)}<rect width="1" height="1"/>${"</g>".repeat(5_000)}</svg>`, says: /nests its elements 5001 deep/ },
  many: { svg: `${open}${'<rect width="1" height="1"/>'.repeat(210_000)}</svg>`, says: /holds more than 200,000 elements/ },
  bomb: { svg: `${open}<image href="data:image/png;base64,${bombPng()}" width="10" height="10"/></svg>`, says: /embeds a picture of 1600 megapixels/ },
  giant: { svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90000000 50000000"><rect width="10" height="10"/></svg>', says: /has a viewBox of 90000000 × 50000000/ },
};

describe("hostile SVGs", () => {
  it("each is one image/load at its figure, and a plain SVG beside them passes", () => {
    const dir = scratchProject();
    const names = Object.keys(CASES);
    for (const name of names) writeFileSync(join(dir, "assets", `${name}.svg`), CASES[name]!.svg);
    writeFileSync(join(dir, "assets", "fine.svg"), `${open}<rect width="100" height="50" fill="#0b6e4f"/><use href="#r"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>`);
    const figures = [...names, "fine"].map((n) => `![The ${n} drawing](../assets/${n}.svg "Credit: desk")`).join("\n\n");
    writeFileSync(join(dir, "report", "x.md"), `---\ntitle: Drawings\n---\n${figures}\n`);
    const r = briefpress(["check", "report/x.md"], { cwd: dir });
    expect(r.code).toBe(1);
    const errors = r.stdout.split("\n").filter((l) => / error /.test(l));
    expect(errors).toHaveLength(names.length);
    names.forEach((name, i) => {
      const line = errors.find((l) => l.includes(`assets/${name}.svg`)) ?? "";
      expect(line).toMatch(new RegExp(`^report/x\\.md:${4 + 2 * i}:1 error image/load`));
      expect(line).toMatch(CASES[name]!.says);
    });
    expect(r.stdout).not.toContain("fine.svg");
  });
});
