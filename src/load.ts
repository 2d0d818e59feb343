// Reads bulletin files from disk and parses them all, collecting every bad file instead of stopping at the first.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { BulletinError } from './errors.js';
import { parseBulletin } from './parse/index.js';
import { duplicateIssueErrors } from './site/urls.js';
import type { ParsedBulletin, ParseWarning } from './types.js';

/** Pagefind's indexing time grows superlinearly with page size, so one runaway file must not reach it. */
export const DEFAULT_MAX_BULLETIN_BYTES = 256 * 1024;

export interface LoadOptions {
  maxBytes?: number;
}

export interface LoadResult {
  bulletins: ParsedBulletin[];
  warnings: ParseWarning[];
  errors: BulletinError[];
}

/**
 * Bulletins live in `<contentDir>/bulletins/*.txt`; the order is by file name, which starts with the issue date.
 * What editors' tools leave beside a bulletin (`.#2024-12.txt` lock links, `.2024-12.txt.swp`, `2024-12.txt~`, any
 * hidden file) is not a bulletin and is skipped. A name ending in `.TXT` or `.Txt` is listed, so that loading it
 * says how to name it instead of the issue vanishing in silence.
 */
export function bulletinFilesIn(contentDir: string): string[] {
  const dir = join(contentDir, 'bulletins');
  let names: string[];
  try {
    // A linked folder would let a checkout publish text from anywhere on the machine that builds it.
    if (lstatSync(dir).isSymbolicLink()) throw new Error('it is a symbolic link; it must be a real folder');
    names = readdirSync(dir);
  } catch (cause) {
    throw new BulletinError(dir, 0, `cannot read the bulletin folder: ${(cause as Error).message}`, { cause });
  }
  return names
    .filter((name) => !isEditorLeftover(name) && extname(name).toLowerCase() === '.txt')
    .sort()
    .map((name) => join(dir, name));
}

function isEditorLeftover(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
}

/**
 * O_NOFOLLOW: a symbolic link is refused, not followed (to /etc/passwd, to /dev/zero). O_NONBLOCK: opening a FIFO
 * returns at once instead of waiting for a writer, so the check below can refuse it. Windows has no O_NOFOLLOW;
 * the check on what was opened still holds there.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const HOW_TO_ADD = 'a bulletin must be a plain file saved in content/bulletins';

/** What the refusals say about the kind of file read: the photos beside a bulletin are read the same way. */
export interface FileKind {
  howToAdd: string;
  /** Ends "over the N-byte cap for …". */
  capFor: string;
}
const BULLETIN: FileKind = { howToAdd: HOW_TO_ADD, capFor: 'one bulletin; split it into weekly issues' };

export interface ReadOptions {
  maxBytes?: number;
  shown?: string;
  kind?: FileKind;
}

/**
 * The bytes of one bulletin. Only a plain (regular) file is read: the file is opened first, and what was opened
 * is checked, its kind and its size against the cap, so nothing can be swapped in between a check and the read.
 * Throws a `BulletinError` naming `shown` (the file as the editor sees it) otherwise.
 */
export function readBulletinFile(file: string, options: ReadOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BULLETIN_BYTES;
  const shown = options.shown ?? displayPath(file);
  const kind = options.kind ?? BULLETIN;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw new BulletinError(shown, 1, whyNotOpened(file, error as NodeJS.ErrnoException, kind), { cause: error });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new BulletinError(shown, 1, `${kindOf(stats)}, not a plain file; ${kind.howToAdd}`);
    if (stats.size > maxBytes) throw overCap(shown, stats.size, maxBytes, kind);
    // Read to the end, not only the size fstat gave: a file still being written may have grown since.
    let bytes = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        if (length > maxBytes) throw overCap(shown, length, maxBytes, kind);
        const bigger = Buffer.allocUnsafe(Math.min(bytes.length * 2, maxBytes + 1));
        bytes.copy(bigger, 0, 0, length);
        bytes = bigger;
      }
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.subarray(0, length);
  } catch (error) {
    if (error instanceof BulletinError) throw error;
    throw new BulletinError(shown, 1, `cannot read the file: ${(error as Error).message}`, { cause: error });
  } finally {
    closeSync(fd);
  }
}

function overCap(shown: string, size: number, maxBytes: number, kind: FileKind): BulletinError {
  return new BulletinError(shown, 1, `file is ${size} bytes, over the ${maxBytes}-byte cap for ${kind.capFor}`);
}

function whyNotOpened(file: string, error: NodeJS.ErrnoException, kind: FileKind): string {
  const HOW_TO_ADD = kind.howToAdd;
  // Linux and macOS say ELOOP for a link opened with O_NOFOLLOW, FreeBSD EMLINK.
  if (error.code === 'ELOOP' || error.code === 'EMLINK') {
    let target = '';
    try {
      target = ` to ${readlinkSync(file)}`;
    } catch {
      // Not a link after all (a loop in a parent folder): the message below still holds.
    }
    return `a symbolic link${target}, not a plain file; ${HOW_TO_ADD} (copy the text in instead of linking to it)`;
  }
  if (error.code === 'EISDIR') return `a folder, not a plain file; ${HOW_TO_ADD}`;
  if (error.code === 'ENOENT') return 'cannot read the file: it is gone (deleted or renamed while the build ran?)';
  return `cannot read the file: ${error.message}`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something else';
}

/** A bulletin named `2024-12.TXT`: the parser reads issue dates from lower-case `.txt` names only. */
function wrongCaseExtension(file: string): string | null {
  const ext = extname(file);
  if (ext === '.txt' || ext.toLowerCase() !== '.txt') return null;
  const renamed = `${basename(file, ext)}.txt`;
  return `the name ends in \`${ext}\`; bulletin names end in lower-case \`.txt\`: rename it to \`${renamed}\``;
}

/**
 * The SHA-1 of a bulletin as `readBulletinFile` reads it (the dev server's "did it change" test). Never throws and
 * never waits: a file it refuses is named by the refusal, and loading it reports the error.
 */
export function bulletinSha1(file: string): string {
  try {
    return sha1Of(readBulletinFile(file));
  } catch (error) {
    return sha1Of(Buffer.from(`unreadable\0${(error as Error).message}`));
  }
}

export function sha1Of(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Names the bytes of a content folder's bulletins, given each file's SHA-1 (`sha1Of`): equal exactly when the same
 * files hold the same bytes, however the folder's path is spelled. The dev server uses it to skip work an edit did
 * not call for.
 */
export function contentFingerprint(contentDir: string, sha1ByFile: ReadonlyMap<string, string>): string {
  const root = resolve(contentDir);
  const lines = [...sha1ByFile].map(([file, sha1]) => `${relative(root, resolve(file))}\0${sha1}`).sort();
  return sha1Of(Buffer.from(lines.join('\n')));
}

export function loadBulletins(files: string[], options: LoadOptions = {}): LoadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BULLETIN_BYTES;
  const bulletins: ParsedBulletin[] = [];
  const errors: BulletinError[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    try {
      const misnamed = wrongCaseExtension(file);
      if (misnamed) throw new BulletinError(shown, 1, misnamed);
      bulletins.push(parseBulletin(readBulletinFile(file, { maxBytes, shown }), shown));
    } catch (error) {
      if (error instanceof BulletinError) errors.push(error);
      else errors.push(new BulletinError(shown, 1, `cannot read the file: ${(error as Error).message}`, { cause: error }));
    }
  }
  errors.push(...duplicateIssueErrors(bulletins.map((b) => b.meta)));
  return { bulletins, warnings: bulletins.flatMap((b) => b.warnings), errors };
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadResult {
  return loadBulletins(bulletinFilesIn(contentDir), options);
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
