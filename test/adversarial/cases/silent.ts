// One bad brief among good ones, and the silent losses: what is cut, dropped or corrupted
// must be said (or must not happen). Checked on the outputs themselves.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Case, Entry } from "../harness/suite.js";
import { PNG, md, pic } from "./common.js";

const good = (n: number) => md(`The commission met ${n} times.`, `title: Brief ${n}`);
const pdfs = (dir: string) => (existsSync(join(dir, "dist")) ? readdirSync(join(dir, "dist")).filter((s) => existsSync(join(dir, "dist", s, "brief.pdf"))) : []);
const wants = (slugs: string[]) => (dir: string) => {
  const have = pdfs(dir);
  for (const s of slugs) if (!have.includes(s)) throw new Error(`dist/${s}/brief.pdf missing (have ${have.join(", ")})`);
};

const BAD: Record<string, Entry> = {
  "crash-prone": md(`${"*_".repeat(1000)}deep${"_*".repeat(1000)}\n\n${"x".repeat(200_000)}`, "title: T\ntoString: 1\n__proto__: 2"),
  "not-utf8": Buffer.from("---\ntitle: Caf\xe9\n---\nR\xe9sum\xe9.\n", "latin1"),
  folder: { dir: true },
  empty: "",
  binary: PNG,
  "broken-picture": md(pic("../assets/nothing.png")),
  "escape-include": md("{{< include ../../../../../../..$OUT/secret.qmd >}}"),
  "fifo": { fifo: true },
  "utf16": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\ntitle: U\n---\nText.\n", "utf16le")]),
};

export const SILENT: Case[] = [];
for (const [name, entry] of Object.entries(BAD)) {
  const files: Record<string, Entry> = { "report/a.md": good(1), "report/b.md": good(2), "report/bad.md": entry, "report/c.md": good(3), "report/d.md": good(4) };
  SILENT.push({ id: `batch-${name}`, cls: "batch", files, argv: ["build", "report/a.md", "report/b.md", "report/bad.md", "report/c.md", "report/d.md", "--formats", "pdf"], codes: name === "crash-prone" ? [0, 1] : [1, 2], after: wants(["a", "b", "c", "d"]) });
  SILENT.push({ id: `batch-${name}-check`, cls: "batch", files, argv: ["check", "report/a.md", "report/bad.md", "report/c.md"], codes: name === "crash-prone" ? [0, 1] : [1, 2] });
}
SILENT.push({ id: "batch-missing-file", cls: "batch", files: { "report/a.md": good(1), "report/c.md": good(3) }, argv: ["build", "report/a.md", "report/nothing.md", "report/c.md", "--formats", "pdf"], codes: [1, 2] });

/** XML parsed by Python's expat: an unescaped "&" or a control character is an error. */
function wellFormed(text: string, what: string): void {
  try {
    execFileSync("python3", ["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())"], { input: text, stdio: ["pipe", "ignore", "pipe"] });
  } catch (e) {
    throw new Error(`${what} is not well-formed XML: ${String((e as { stderr?: Buffer }).stderr ?? e).split("\n").filter(Boolean).pop()}`);
  }
}

/** Every XML part of the PPTX, parsed by Python's expat in one process (a control character makes a part invalid). */
function pptxWellFormed(dir: string): void {
  const path = join(dir, "dist", "x", "slides.pptx");
  if (!existsSync(path)) throw new Error("no slides.pptx");
  const script = "import sys, zipfile, xml.dom.minidom\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n    if n.endswith(('.xml', '.rels')):\n        try: xml.dom.minidom.parseString(z.read(n))\n        except Exception as e: print(n, e); sys.exit(1)";
  try {
    execFileSync("python3", ["-c", script, path], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    throw new Error(`slides.pptx holds a part that is not well-formed XML: ${String((e as { stdout?: Buffer }).stdout ?? e).trim()}`);
  }
}

const CONTROLS: Record<string, string> = { vt: "\u000b", ff: "\u000c", nul: "\u0000", bell: "\u0007", esc: "\u001b[31m", c1: "\u0096", del: "\u007f" };
for (const [name, ch] of Object.entries(CONTROLS)) {
  // In the body: left out of every output with one warning (a C1 control is read as the
  // Windows-1252 character it stands for, with an info); the PPTX stays valid XML.
  const brief = md(`## Findings\n\n- Returns${ch} rose in May.\n- Camps${ch}grew.\n\nThe${ch} commission met.`, "title: Controls");
  SILENT.push({ id: `silent-control-${name}-pptx`, cls: "silent", files: { "report/x.md": brief }, argv: ["build", "report/x.md", "--formats", "pdf,pptx"], codes: [0], shows: [name === "c1" ? /text\/windows-1252/ : /text\/control/], hides: [/\u001b\[31m/], after: pptxWellFormed });
  // In the title: an error (a title is one printed line), said once, nothing built.
  const escaped = `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  SILENT.push({ id: `silent-control-${name}-title`, cls: "silent", files: { "report/x.md": md("Text.", `title: "Title${escaped} here"`) }, argv: ["build", "report/x.md", "--formats", "pdf,pptx"], codes: [1], shows: [/^report\/x\.md:2:\d+ error frontmatter\/schema "title": contains a control character/m], hides: [/\u001b\[31m/] });
}

// "&" and "<" in the title: the XMP metadata stays well-formed.
for (const title of ["Returns & removals", "A <b>bold</b> title", "Quotes \"and\" 'apostrophes'", "]]> CDATA end", "<?xpacket end='w'?>", "Semi; colon & 'apos' \u00e9t\u00e9"]) {
  SILENT.push({
    id: `silent-xmp-${Buffer.from(title).toString("hex").slice(0, 16)}`,
    cls: "silent",
    files: { "report/x.md": md("Text.", `title: ${JSON.stringify(title)}`) },
    argv: ["build", "report/x.md", "--formats", "pdf"],
    codes: [0],
    after: (dir) => {
      const xmp = execFileSync("pdfinfo", ["-meta", join(dir, "dist", "x", "brief.pdf")], { encoding: "utf8" });
      wellFormed(xmp, "XMP");
    },
  });
}

// A long cover summary is never cut without a word.
SILENT.push({ id: "silent-long-summary", cls: "silent", files: { "report/x.md": md("Text.", `title: T\nsummary: "${"A long summary sentence that goes on. ".repeat(120)}END-OF-SUMMARY"\nkey_points:\n${Array.from({ length: 12 }, (_, i) => `  - Point number ${i} ends here`).join("\n")}`) }, argv: ["build", "report/x.md", "--formats", "pdf"], codes: [0],
  after: (dir) => {
    const text = execFileSync("pdftotext", [join(dir, "dist", "x", "brief.pdf"), "-"], { encoding: "utf8" });
    if (!text.includes("END-OF-SUMMARY")) throw new Error("the summary's end is not in the PDF");
    for (let i = 0; i < 12; i++) if (!text.includes(`Point number ${i}`)) throw new Error(`key point ${i} dropped`);
  } });

// paper.md, paper.qmd and paper.Rmd share dist/paper/: an error naming both, nothing built.
SILENT.push({ id: "silent-same-slug", cls: "silent", files: { "report/paper.md": good(1), "report/paper.qmd": good(2), "report/paper.Rmd": good(3) }, argv: ["build", "report/paper.md", "report/paper.qmd", "report/paper.Rmd", "--formats", "pdf"], codes: [2], shows: [/paper\.md.*paper\.qmd|paper\.qmd.*paper\.md/] });

// A full disk, a read-only disk, no permission: the reason is said, and nothing half-written.
for (const code of ["ENOSPC", "EROFS", "EACCES", "EDQUOT"]) {
  SILENT.push({ id: `silent-write-${code}`, cls: "silent", files: { "report/x.md": good(1) }, argv: ["build", "report/x.md", "--formats", "pdf"], env: { ADV_FAIL_WRITES: code }, codes: [2], shows: [/full|read-only|permission|quota|space/i] });
  SILENT.push({ id: `silent-write-${code}-keeps-old`, cls: "silent", files: { "report/x.md": good(1), "dist/x/brief.pdf": "OLD SET", "dist/x/slides.md": "OLD SET" }, argv: ["build", "report/x.md", "--formats", "pdf"], env: { ADV_FAIL_WRITES: code }, codes: [2], keepsOld: true,
    after: (dir) => {
      if (readFileSync(join(dir, "dist", "x", "brief.pdf"), "utf8") !== "OLD SET") throw new Error("the old brief.pdf was replaced by a failed build");
    } });
}

// The PPTX does not change with the time zone.
const pptxByZone = new Map<string, string>();
for (const tz of ["UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu"]) {
  SILENT.push({ id: `silent-tz-${tz.replace("/", "-")}`, cls: "silent", files: { "report/x.md": md("## A\n\n- One point.", "title: T\ndate: 2024-05-20") }, argv: ["build", "report/x.md", "--formats", "pptx"], env: { TZ: tz }, codes: [0],
    after: (dir) => {
      const parts = unzipSync(readFileSync(join(dir, "dist", "x", "slides.pptx")));
      const text = Object.keys(parts).sort().map((n) => `${n}\n${strFromU8(parts[n]!)}`).join("\n");
      pptxByZone.set(tz, text);
      const first = pptxByZone.get("UTC");
      if (first !== undefined && first !== text) throw new Error(`slides.pptx differs between UTC and ${tz}`);
    } });
}
