// The editors' photos: each bulletin's photos sit in a folder named like it (`2024-12-05.txt` → `2024-12-05/`).
// `preparePhotos` checks every photo a 图： mark names, encodes what the cache lacks, and sets each mark's `image`;
// every bad photo is reported at once, at its mark's line, and the build then stops. `publishPhotos` puts the
// encodings into the site at /photos/, named by content hash, so the same photo is one set of files.
import { availableParallelism } from 'node:os';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BulletinError } from '../errors.js';
import { readBulletinFile, type FileKind } from '../load.js';
import type { ArticleRecord, ParsedBulletin, PhotoRef } from '../types.js';
import { cached, cachedFile, encode, MAX_PHOTO_BYTES, PhotoProblem, photoKey, publishedName, type Encoded } from './encode.js';

/** The cache lives beside the checkout (`.cache/` is git-ignored; CI restores it); PHOTO_CACHE_DIR moves it. */
export const DEFAULT_PHOTO_CACHE = resolve(dirname(fileURLToPath(import.meta.url)), '../../.cache/photos');
export const PHOTO_DIR = '/photos/';

const SUPPORTED = new Set(['.jpg', '.jpeg', '.png', '.webp']);
const PHOTO: FileKind = {
  howToAdd: 'a photo must be a plain file saved in the folder beside its bulletin',
  capFor: 'one photo; export it smaller (a 2,000 px wide JPEG is a few hundred KB)',
};

export interface PhotoNotice {
  file: string;
  line: number;
  code: 'photo-unused' | 'photo-no-alt';
  message: string;
}

/** One mark, for `npm run report`: which caption got which photo. */
export interface PhotoUse {
  bulletin: string;
  record: ArticleRecord;
  photo: PhotoRef;
  /** Path of the file as the build reads it. */
  path: string;
}

export interface PhotoCheck {
  errors: BulletinError[];
  warnings: PhotoNotice[];
  uses: PhotoUse[];
  /** Files in photo folders no mark names, and why: never published. */
  unused: { path: string; why: string }[];
  /** Site path (`/photos/…`) → the cached file that becomes it. */
  files: Map<string, string>;
  /** Photos that had to be encoded (the rest came from the cache). */
  encoded: number;
}

export interface PhotoOptions {
  cacheDir?: string;
  /** Also list folders in `<contentDir>/bulletins` that belong to no bulletin (a whole-content build). */
  contentDir?: string;
}

/** The folder a bulletin's photos sit in. */
export function photoFolderOf(bulletinFile: string): string {
  return join(dirname(bulletinFile), basename(bulletinFile, extname(bulletinFile)));
}

export async function preparePhotos(bulletins: ParsedBulletin[], options: PhotoOptions = {}): Promise<PhotoCheck> {
  const cacheDir = options.cacheDir ?? process.env.PHOTO_CACHE_DIR ?? DEFAULT_PHOTO_CACHE;
  const check: PhotoCheck = { errors: [], warnings: [], uses: [], unused: [], files: new Map(), encoded: 0 };
  const work: { bytes: Buffer; key: string; refs: { ref: PhotoRef; bulletin: string; shown: string }[] }[] = [];
  const byKey = new Map<string, (typeof work)[number]>();
  const folders = new Set<string>();

  for (const bulletin of bulletins) {
    const file = bulletin.meta.file;
    const folder = photoFolderOf(file);
    folders.add(resolve(folder));
    const refs = bulletin.records.flatMap((record) => (record.photos ?? []).map((photo) => ({ record, photo })));
    const listing = listFolder(folder, refs.length > 0, file, check);
    const named = new Set<string>();
    for (const { record, photo } of refs) {
      const fail = (message: string) => check.errors.push(new BulletinError(file, photo.line, `图：${photo.file}: ${message}`));
      const actual = matchName(photo.file, listing);
      if (actual !== null) named.add(actual);
      const path = join(folder, actual ?? photo.file);
      check.uses.push({ bulletin: file, record, photo, path });
      const ext = extname(photo.file).toLowerCase();
      if (!SUPPORTED.has(ext)) {
        fail(`${ext.slice(1).toUpperCase()} files are not published; save it as JPEG, PNG or WebP (.jpg, .png, .webp) and name that file here`);
        continue;
      }
      if (/[\\/\0]/.test(photo.file) || photo.file.startsWith('.')) {
        fail(`name a file in ${shownPath(folder)}/ only, with no folder in the name`);
        continue;
      }
      if (actual === null) {
        fail(missingMessage(photo.file, folder, listing));
        continue;
      }
      if (photo.caption === null && photo.alt === null) {
        check.warnings.push({ file, line: photo.line, code: 'photo-no-alt', message: `photo ${photo.file} has neither a caption nor a 替代文本 line under it; screen readers will skip it` });
      }
      let bytes: Buffer;
      try {
        bytes = readBulletinFile(path, { maxBytes: MAX_PHOTO_BYTES, shown: shownPath(path), kind: PHOTO });
      } catch (error) {
        fail(`${shownPath(path)}: ${(error as Error).message}`);
        continue;
      }
      const key = photoKey(bytes);
      let item = byKey.get(key);
      if (!item) {
        item = { bytes, key, refs: [] };
        byKey.set(key, item);
        work.push(item);
      }
      item.refs.push({ ref: photo, bulletin: file, shown: shownPath(path) });
    }
    for (const name of listing ?? []) if (!named.has(name)) check.unused.push({ path: join(folder, name), why: `no 图： mark in ${file} names it` });
  }
  if (options.contentDir) findOrphanFolders(join(options.contentDir, 'bulletins'), folders, check);
  for (const { path, why } of check.unused) {
    check.warnings.push({ file: shownPath(path), line: 1, code: 'photo-unused', message: `${why}; it is not published` });
  }

  const entries = new Map<string, Encoded>();
  await runPool(work, Math.max(1, Math.min(2, availableParallelism())), async (item) => {
    let entry: Encoded | null = cached(cacheDir, item.key);
    if (!entry) {
      try {
        entry = await encode(item.bytes, item.key, cacheDir);
        check.encoded++;
      } catch (error) {
        if (!(error instanceof PhotoProblem)) throw error;
        for (const { ref, bulletin, shown } of item.refs) check.errors.push(new BulletinError(bulletin, ref.line, `图：${ref.file}: ${shown}: ${error.message}`));
        return;
      }
    }
    // The bytes are no longer needed once hashed and encoded; 3,000 photos would otherwise all stay in memory.
    item.bytes = Buffer.alloc(0);
    entries.set(item.key, entry);
  });
  // In the bulletins' order, not the order encodings finished in.
  for (const item of work) {
    const entry = entries.get(item.key);
    if (!entry) continue;
    const sources = entry.sources.map((s) => {
      const path = `${PHOTO_DIR}${publishedName(item.key, s.width, s.format)}`;
      check.files.set(path, cachedFile(cacheDir, item.key, s.file));
      return { format: s.format, width: s.width, height: s.height, path, bytes: s.bytes };
    });
    for (const { ref } of item.refs) ref.image = { width: entry.width, height: entry.height, sources };
  }
  check.errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return check;
}

/**
 * Puts every photo of `check` into `outputDir/photos/`. Hard links when the cache is on the same file system (no
 * copying; cache files are never changed in place, only replaced whole), copies otherwise.
 */
export function publishPhotos(check: PhotoCheck, outputDir: string): number {
  if (check.files.size === 0) return 0;
  const dir = join(outputDir, PHOTO_DIR);
  mkdirSync(dir, { recursive: true });
  for (const [sitePath, from] of check.files) {
    const to = join(outputDir, sitePath);
    if (lstatSync(to, { throwIfNoEntry: false })) continue;
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  return check.files.size;
}

/** The names in a photo folder (editors' hidden and backup files left out), or null when there is none. */
function listFolder(folder: string, needed: boolean, bulletin: string, check: PhotoCheck): string[] | null {
  const stats = lstatSync(folder, { throwIfNoEntry: false });
  if (!stats) return null;
  if (!stats.isDirectory()) {
    // A symbolic link would let a checkout publish any picture of the machine that builds it.
    const what = stats.isSymbolicLink() ? 'a symbolic link' : 'not a folder';
    if (needed) check.errors.push(new BulletinError(bulletin, 1, `the photo folder ${shownPath(folder)} is ${what}; put the photos in a real folder of that name`));
    return null;
  }
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.') && !name.endsWith('~') && !(name.startsWith('#') && name.endsWith('#')))
    .sort();
}

/** Exact name first; a name that differs only in Unicode form (macOS writes NFD) is the same name. */
function matchName(name: string, listing: string[] | null): string | null {
  if (!listing) return null;
  if (listing.includes(name)) return name;
  return listing.find((n) => n.normalize('NFC') === name.normalize('NFC')) ?? null;
}

function missingMessage(name: string, folder: string, listing: string[] | null): string {
  if (listing === null) return `no photo folder ${shownPath(folder)}/ beside the bulletin; put the photo there`;
  const near = listing.find((n) => n.normalize('NFC').toLowerCase() === name.normalize('NFC').toLowerCase());
  if (near) return `no file of that name in ${shownPath(folder)}/, but there is ${near}; names must match exactly, upper and lower case too`;
  const shown = listing.length === 0 ? 'it is empty' : `it holds ${listing.slice(0, 8).join(', ')}${listing.length > 8 ? ' …' : ''}`;
  return `no file of that name in ${shownPath(folder)}/ (${shown})`;
}

/** Folders in the bulletins folder that belong to no bulletin: their photos can never be published. */
function findOrphanFolders(bulletinsDir: string, folders: Set<string>, check: PhotoCheck): void {
  let names: string[];
  try {
    names = readdirSync(bulletinsDir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const path = join(bulletinsDir, name);
    if (folders.has(resolve(path)) || !lstatSync(path).isDirectory()) continue;
    const why = `no bulletin ${name}.txt beside its folder`;
    for (const file of readdirSync(path).sort()) if (!file.startsWith('.')) check.unused.push({ path: join(path, file), why });
  }
}

async function runPool<T>(items: T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
