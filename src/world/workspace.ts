// The only place that touches the file system and the environment. Stages get data
// from here; tests can hand them data directly.
import { isUtf8 } from "node:buffer";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, read, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { EnvironmentError, UsageError } from "../model/errors.js";
import { fontPath, type FontKey } from "../text/font-files.js";
import type { FontSource } from "../text/fonts.js";
import type { RasterImage } from "../model/image.js";
import { Memo } from "./memo.js";

export class Workspace implements FontSource {
  private readonly fontCache = new Map<FontKey, Buffer>();
  /** Pictures resampled for print, by content: a watch session makes each one once. */
  readonly preparedImages = new Memo<RasterImage>(48);

  constructor(
    /** Project root: briefs may only read assets inside it. */
    readonly root: string,
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Reads a brief; missing files, folders and non-UTF-8 bytes are usage errors. */
  readSource(file: string): string {
    const path = resolve(this.root, file);
    if (!existsSync(path)) throw new UsageError(`${file}: no such file`);
    if (statSync(path).isDirectory()) throw new UsageError(`${file}: is a folder, not a markdown file`);
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

  /** Whether `path` (absolute) lies inside the project. */
  contains(path: string): boolean {
    const rel = relative(this.root, path);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  }

  readBytes(path: string): Buffer {
    return readFileSync(path);
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
    const found = names.find((n) => n.toLowerCase() === want) ?? names.find((n) => stem(n) === stem(want) && n !== basename(path));
    return found;
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

  /** Removes an output that would be stale beside new ones (a missing file is fine). */
  remove(path: string): void {
    try {
      rmSync(path, { force: true });
    } catch (cause) {
      throw new EnvironmentError(`cannot remove ${relative(this.root, path) || path}`, { cause });
    }
  }

  /** A persistent cache under node_modules/.cache (the usual home for tool caches). */
  cacheGet(key: string): string | undefined {
    const path = join(this.root, "node_modules", ".cache", "briefpress", `${key}.json`);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  }

  cacheSet(key: string, value: string): void {
    try {
      this.writeAtomic(join(this.root, "node_modules", ".cache", "briefpress", `${key}.json`), value);
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
