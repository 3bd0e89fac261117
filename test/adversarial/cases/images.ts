// Broken and hostile pictures: truncated, header-only and corrupt PNG and JPEG, pixel
// bombs, SVGs cut short, unclosed, with entities, giant viewBoxes, deep or huge trees,
// pictures named for another format. Each is one image/load diagnostic (check and build
// agree), never a stack trace or a renderer's internal error.
import { deflateSync } from "node:zlib";
import type { Case, Entry } from "../harness/suite.js";
import { JPEG, PNG, SVG, build, check, chunk, damagedJpeg, md, nestedSvg, pic, pngOf } from "./common.js";

const SIG = PNG.subarray(0, 8);
const flip = (buf: Buffer, at: number) => {
  const out = Buffer.from(buf);
  out[at] = (out[at] ?? 0) ^ 0xff;
  return out;
};
const ihdr = (w: number, h: number) => {
  const d = Buffer.alloc(13);
  d.writeUInt32BE(w, 0);
  d.writeUInt32BE(h, 4);
  d[8] = 8;
  d[9] = 2;
  return d;
};

const PNGS: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  "signature-only": SIG,
  "header-only": Buffer.concat([SIG, chunk("IHDR", ihdr(64, 48))]),
  "no-iend": PNG.subarray(0, PNG.length - 12),
  "cut-16": PNG.subarray(0, 16),
  "cut-33": PNG.subarray(0, 33),
  "cut-half": PNG.subarray(0, PNG.length >> 1),
  "cut-last-byte": PNG.subarray(0, PNG.length - 1),
  "flip-ihdr": flip(PNG, 20),
  "flip-idat": flip(PNG, PNG.length - 20),
  "flip-signature": flip(PNG, 1),
  "zero-size": Buffer.concat([SIG, chunk("IHDR", ihdr(0, 0)), chunk("IEND", Buffer.alloc(0))]),
  "30000-square-header": Buffer.concat([SIG, chunk("IHDR", ihdr(30_000, 30_000)), chunk("IEND", Buffer.alloc(0))]),
  "max-size-header": Buffer.concat([SIG, chunk("IHDR", ihdr(0x7fffffff, 0x7fffffff)), chunk("IEND", Buffer.alloc(0))]),
  "bomb-12000-square": pngOf(12_000, 12_000),
  "bomb-short-idat": pngOf(20_000, 20_000, 10),
  "chunk-length-huge": Buffer.concat([SIG, Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from("IHDR"), ihdr(64, 48)]),
  "text-bomb-chunk": Buffer.concat([PNG.subarray(0, 33), chunk("zTXt", Buffer.concat([Buffer.from("k\0\0"), require_deflate(Buffer.alloc(50_000_000))])), PNG.subarray(33)]),
  "jpeg-named-png": JPEG,
  "svg-named-png": Buffer.from(SVG),
  "text-named-png": Buffer.from("not a picture at all\n"),
};

function require_deflate(b: Buffer): Buffer {
  return deflateSync(b, { level: 9 });
}

const jpegCut = (n: number) => JPEG.subarray(0, n);
const sof = JPEG.indexOf(Buffer.from([0xff, 0xc0]));
const bigJpeg = (() => {
  const out = Buffer.from(JPEG);
  out.writeUInt16BE(65_500, sof + 5);
  out.writeUInt16BE(65_500, sof + 7);
  return out;
})();
const JPEGS: Record<string, Buffer> = {
  "soi-only": Buffer.from([0xff, 0xd8]),
  "head-only": jpegCut(20),
  "cut-before-sos": jpegCut(sof + 4),
  "cut-in-scan": jpegCut(JPEG.length - 40),
  "no-eoi": jpegCut(JPEG.length - 2),
  "scan-zeros": damagedJpeg(20, 60, 0x00),
  "scan-ff": damagedJpeg(20, 60, 0xff),
  "scan-markers": damagedJpeg(14, 8, 0xd9),
  "scan-noise": damagedJpeg(20, 60, 0x5a),
  "segment-length-zero": (() => {
    const out = Buffer.from(JPEG);
    out.writeUInt16BE(0, 4);
    return out;
  })(),
  "segment-length-huge": (() => {
    const out = Buffer.from(JPEG);
    out.writeUInt16BE(0xffff, 4);
    return out;
  })(),
  "65500-square": bigJpeg,
  "png-named-jpg": PNG,
  "garbage-after-eoi": Buffer.concat([JPEG, Buffer.from("trailing garbage")]),
};

const SVGS: Record<string, string> = {
  truncated: SVG.slice(0, 40),
  unclosed: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><rect width="1" height="1">',
  "entities-laughs": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&d;</text></svg>',
  "giant-viewbox": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e30 1e30" width="1e30" height="1e30"><rect width="1e30" height="1e30"/></svg>',
  "nan-viewbox": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="NaN x Infinity -1"><rect width="1" height="1"/></svg>',
  "nested-100000": nestedSvg(100_000),
  "nested-5000": nestedSvg(5000),
  "million-nodes": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${"<g/>".repeat(1_000_000)}</svg>`,
  "data-url-bomb": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image width="10" height="10" href="data:image/png;base64,${pngOf(30_000, 30_000, 2).toString("base64")}"/></svg>`,
  "data-url-broken": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image width="10" height="10" href="data:image/png;base64,iVBORw0KGgo"/></svg>',
  script: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>while(1){}</script><rect width="1" height="1" onload="alert(1)"/></svg>',
  "foreign-object": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
  "no-namespace": '<svg viewBox="0 0 10 10"><rect width="1" height="1"/></svg>',
  empty: "",
  "not-xml": "this is not an svg",
  "html-named-svg": "<html><body>x</body></html>",
  "long-path": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0${" L1 1".repeat(300_000)}"/></svg>`,
  "huge-text": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>${"x".repeat(2_000_000)}</text></svg>`,
  "bom-and-comment": `\ufeff<!-- c -->${SVG}`,
  "use-self-loop": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>',
  "use-exponential": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="g0"><rect width="1" height="1"/></g>${Array.from({ length: 30 }, (_, i) => `<g id="g${i + 1}"><use href="#g${i}"/><use href="#g${i}"/></g>`).join("")}</svg>`,
};

export const IMAGES: Case[] = [];
const add = (kind: string, name: string, file: string, data: Entry, buildToo: boolean) => {
  const files = { [`assets/${file}`]: data, "report/x.md": md(pic(`../assets/${file}`)) };
  IMAGES.push(check(`crash-${kind}-${name}-check`, "crash", files));
  if (buildToo) IMAGES.push(build(`crash-${kind}-${name}-build`, "crash", files));
};
for (const [name, data] of Object.entries(PNGS)) add("png", name, "p.png", data, true);
for (const [name, data] of Object.entries(JPEGS)) add("jpeg", name, "p.jpg", data, true);
for (const [name, data] of Object.entries(SVGS)) add("svg", name, "p.svg", data, !/million|100000|huge-text/.test(name));
// The same broken pictures as a cover and a logo (each its own path through the code).
for (const [name, data] of [["png-cut", PNG.subarray(0, 40)], ["jpeg-scan", damagedJpeg(20, 60, 0x00)], ["svg-unclosed", Buffer.from(SVGS.unclosed!)]] as const) {
  const ext = name.split("-")[0] === "jpeg" ? "jpg" : name.split("-")[0]!;
  IMAGES.push(build(`crash-cover-${name}`, "crash", { [`assets/c.${ext}`]: data, "report/x.md": md("Text.", `title: T\ncover:\n  image: ../assets/c.${ext}\n  alt: A cover\n  credit: Us`) }));
  IMAGES.push(build(`crash-logo-${name}`, "crash", { [`assets/l.${ext}`]: data, "report/x.md": md("Text."), "briefpress.yaml": `organisation:\n  name: Desk\n  logo: assets/l.${ext}\n` }));
}
// Damaged JPEG scan data is reported by check itself, at the picture (issue 22, item 3).
IMAGES.push(check("crash-jpeg-scan-located", "crash", { "assets/p.jpg": damagedJpeg(20, 60, 0x5a), "report/x.md": md(`Text.\n\n${pic("../assets/p.jpg")}`) }, { codes: [1], shows: [/^report\/x\.md:6:1 error image\/load /m] }));
