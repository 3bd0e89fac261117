// The only place that touches the file system and the environment. Stages get data
// from here; tests can hand them data directly.
import { isUtf8 } from "node:buffer";
import { closeSync, type Dirent, existsSync, fstatSync, mkdirSync, openSync, read, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { EnvironmentError, UsageError } from "../model/errors.js";
import { fontPath, type FontKey } from "../text/font-files.js";
import type { FontSource } from "../text/fonts.js";
import type { RasterImage } from "../model/image.js";
import { Memo } from "./memo.js";
import { replaceOutputs, type OutputFile } from "./outputs.js";
import { inside, MAX_BYTES, megabytes, realish, throughDoor, type FileKind } from "./door.js";

export { SYSTEM_STYLES, type FileKind } from "./door.js";

/** Names findByName looks at before it gives up. */
const FIND_LIMIT = 20_000;

export interface WorkspaceOptions {
  /** false with --no-cache: nothing read from or written to the user's cache folder. */
  cache: boolean;
}
const realRoots = new WeakMap<Workspace, string>();

function realRoot(ws: Workspace): string {
  let real = realRoots.get(ws);
  if (real === undefined) {
    real = realish(ws.root);
    realRoots.set(ws, real);
  }
  return real;
}


export class Workspace implements FontSource {
  private readonly fontCache = new Map<FontKey, Buffer>();
  /** Pictures resampled for print, by content: a watch session makes each one once. */
  readonly preparedImages = new Memo<RasterImage>(48);

  constructor(
    /** Project root: briefs may only read assets inside it. */
    readonly root: string,
    readonly env: NodeJS.ProcessEnv = process.env,
    readonly options: WorkspaceOptions = { cache: true },
  ) {}

  /**
   * Reads a brief; missing files, folders, devices and non-UTF-8 bytes are usage errors.
   * A brief named on the command line may lie anywhere; what it names goes through the
   * door (readBytes) instead.
   */
  readSource(file: string): string {
    const path = resolve(this.root, file);
    if (!existsSync(path)) {
      const like = this.findByName(basename(path)).find((f) => resolve(this.root, f) !== path);
      // `like` is named from the project root, the folder the command was run in.
      throw new UsageError(`${file}: no such file` + (like ? ` — did you mean ${like}?` : ""));
    }
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${file}: is a folder, not a markdown file`);
    if (!stat.isFile()) throw new UsageError(`${file}: is not a regular file`);
    if (stat.size > MAX_BYTES.text) throw new UsageError(`${file}: is ${megabytes(stat.size)}, more than briefpress reads (${megabytes(MAX_BYTES.text)})`);
    const bytes = readFileSync(path);
    // Node's native check: a fatal TextDecoder costs ~10 ms on its first use.
    if (!isUtf8(bytes)) throw new UsageError(`${file}: is not UTF-8 text (save it as UTF-8 and try again)`);
    return bytes.toString("utf8");
  }

  /** The project's briefpress.yaml, when it has one (not UTF-8: a usage error). */
  readProjectConfig(name: string): string | undefined {
    return existsSync(resolve(this.root, name)) ? this.readSource(name) : undefined;
  }

  /** Size in bytes of a file named relative to the project (0 when missing). */
  size(file: string): number {
    const path = resolve(this.root, file);
    return existsSync(path) ? statSync(path).size : 0;
  }

  /**
   * Whether `path` (absolute) lies inside the project, symlinks resolved: a link that
   * points outside is outside. A path not there yet is judged by its nearest existing folder.
   */
  contains(path: string): boolean {
    return inside(realRoot(this), realish(path));
  }

  /**
   * The one door for every file a brief names (images, bibliographies, includes, styles):
   * its real path must lie inside the project (or, for a style, among the installed
   * styles), it must be a regular file (no folder, FIFO or device) and no larger than
   * its kind allows. Refusals are FileProblems, in the user's words.
   */
  readBytes(path: string, kind: FileKind = "asset"): Buffer {
    return throughDoor(realRoot(this), path, kind);
  }


  /** The names in a folder of the project, or none when it is not there. */
  list(dir: string): string[] {
    const path = resolve(this.root, dir);
    return existsSync(path) && statSync(path).isDirectory() ? readdirSync(path) : [];
  }

  exists(path: string): boolean {
    return existsSync(path);
  }

  /** When a file (named relative to the project) was last modified; the epoch when unknown. */
  modified(file: string): Date {
    try {
      return statSync(resolve(this.root, file)).mtime;
    } catch {
      return new Date(0);
    }
  }

  /**
   * A file beside `path` (absolute) with the same name in another case or with another
   * extension ("refs.bib" → "Refs.bib", "refs.json"): what the writer probably meant.
   */
  lookalike(path: string): string | undefined {
    const dir = dirname(path);
    const want = basename(path).toLowerCase();
    const stem = (n: string) => n.toLowerCase().replace(/\.[^.]*$/, "");
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return undefined;
    }
    const beside = names.find((n) => n.toLowerCase() === want);
    if (beside) return beside;
    // The same name elsewhere in the project, as a path from where it was looked for,
    // comes before another extension beside it ("q.bib" in refs/ over "q.qmd").
    const elsewhere = this.contains(path) ? this.findByName(basename(path)).find((f) => basename(f).toLowerCase() === want) : undefined;
    if (elsewhere !== undefined) return relative(dir, resolve(this.root, elsewhere)).split("\\").join("/");
    return names.find((n) => stem(n) === stem(want) && n !== basename(path));
  }

  /**
   * Files of the project named like `name` (any case; else the same stem with another
   * extension), as project-relative paths: what a path that found nothing probably meant.
   * Skips dependencies, outputs and hidden folders; bounded, so a huge tree costs little.
   */
  findByName(name: string): string[] {
    const want = name.toLowerCase();
    const stem = (n: string) => n.toLowerCase().replace(/\.[^.]*$/, "");
    const same: string[] = [];
    const near: string[] = [];
    const queue: Array<{ dir: string; depth: number }> = [{ dir: "", depth: 0 }];
    let seen = 0;
    while (queue.length > 0 && seen < FIND_LIMIT) {
      const { dir, depth } = queue.shift() as { dir: string; depth: number };
      let entries: Dirent[];
      try {
        entries = readdirSync(join(this.root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        seen += 1;
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (depth < 6 && !entry.name.startsWith(".") && entry.name !== "node_modules" && entry.name !== "dist") queue.push({ dir: rel, depth: depth + 1 });
        } else if (entry.name.toLowerCase() === want) same.push(rel);
        else if (stem(entry.name) === stem(want)) near.push(rel);
      }
    }
    return [...same, ...near];
  }

  fontBytes(key: FontKey): Buffer {
    let bytes = this.fontCache.get(key);
    if (!bytes) {
      bytes = readFileSync(this.fontPath(key));
      this.fontCache.set(key, bytes);
    }
    return bytes;
  }

  /**
   * Reads font files on libuv's thread pool while this thread does other work (a CJK
   * face is 6–10 MB). Best effort: a failure here resurfaces, with its proper error, when
   * fontBytes() reads the file itself.
   */
  async prefetchFonts(keys: readonly FontKey[]): Promise<void> {
    await Promise.all(keys.filter((key) => !this.fontCache.has(key)).map((key) => this.readInBackground(key)));
  }

  /**
   * One read() for the whole file: fs.readFile reads in 512 KB pieces, each needing this
   * thread's attention to ask for the next, so it stalls while this thread is busy.
   */
  private readInBackground(key: FontKey): Promise<void> {
    return new Promise((done) => {
      let fd: number;
      try {
        fd = openSync(this.fontPath(key), "r");
      } catch {
        return done();
      }
      const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
      read(fd, bytes, 0, bytes.length, 0, (error, n) => {
        closeSync(fd);
        if (!error && n === bytes.length && !this.fontCache.has(key)) this.fontCache.set(key, bytes);
        done();
      });
    });
  }

  private fontPath(key: FontKey): string {
    try {
      return fontPath(key);
    } catch (cause) {
      throw new EnvironmentError(`font package for "${key}" is not installed (run npm ci)`, { cause });
    }
  }

  /**
   * Swaps in a brief's outputs as one set (world/outputs.ts) in `outRoot`/`slug`: the
   * folder --out names (anywhere the user says), and one plain folder name inside it.
   */
  replaceOutputs(outRoot: string, slug: string, outputs: readonly OutputFile[], carry: (name: string) => boolean): void {
    const dir = join(outRoot, slug);
    const shown = relative(this.root, dir) || dir;
    if (dirname(dir) !== outRoot || /^\.+$/.test(slug)) throw new EnvironmentError(`cannot write ${shown}: it would leave ${relative(this.root, outRoot) || outRoot}`);
    // An output folder named inside the project (dist/, by default) that is a link to a
    // folder outside it would write there unasked: refused. Naming that folder with --out
    // is the way to write outside, and then it is what the user said.
    if (inside(this.root, resolve(this.root, outRoot)) && !this.contains(outRoot)) {
      throw new EnvironmentError(`cannot write ${shown}: ${relative(this.root, outRoot) || outRoot} is a link to ${realish(outRoot)}, outside the project — remove the link, or name that folder with --out`);
    }
    replaceOutputs(dir, outputs, carry, shown);
  }

  /** Writes through a temporary file and a rename, so readers never see half a file. */
  writeAtomic(path: string, data: Buffer | string): void {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    } catch (cause) {
      rmSync(tmp, { force: true });
      throw new EnvironmentError(`cannot write ${relative(this.root, path) || path}`, { cause });
    }
  }

  /**
   * The user's cache folder for briefpress ($XDG_CACHE_HOME/briefpress, else
   * ~/.cache/briefpress): never inside the project or beside a document, so building a
   * brief leaves nothing behind but dist/. Entries are named by a hash of what made them,
   * so projects and versions can share it. Undefined with --no-cache, or with no home.
   */
  private cacheDir(): string | undefined {
    if (!this.options.cache) return undefined;
    const xdg = this.env.XDG_CACHE_HOME;
    if (xdg && isAbsolute(xdg)) return join(xdg, "briefpress");
    const home = this.env.HOME || this.env.USERPROFILE;
    return home && isAbsolute(home) ? join(home, ".cache", "briefpress") : undefined;
  }

  cacheGet(key: string): string | undefined {
    const dir = this.cacheDir();
    const path = dir && join(dir, `${key}.json`);
    try {
      return path && existsSync(path) ? readFileSync(path, "utf8") : undefined;
    } catch {
      return undefined; // an unreadable cache entry only costs time
    }
  }

  cacheSet(key: string, value: string): void {
    const dir = this.cacheDir();
    if (!dir) return;
    try {
      this.writeAtomic(join(dir, `${key}.json`), value);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  resolvePath(from: string, target: string): string {
    return resolve(dirname(resolve(this.root, from)), target);
  }

  projectFile(...parts: string[]): string {
    return join(this.root, ...parts);
  }
}
