// Reads bulletin files from disk and parses them all, collecting every bad file instead of stopping at the first.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BulletinError } from './errors.js';
import { parseBulletin } from './parse/index.js';
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

/** Bulletins live in `<contentDir>/bulletins/*.txt`; the order is by file name, which starts with the issue date. */
export function bulletinFilesIn(contentDir: string): string[] {
  const dir = join(contentDir, 'bulletins');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new BulletinError(dir, 0, `cannot read the bulletin folder: ${(cause as Error).message}`, { cause });
  }
  return names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
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
      const size = statSync(file).size;
      if (size > maxBytes) {
        throw new BulletinError(
          shown,
          1,
          `file is ${size} bytes, over the ${maxBytes}-byte cap for one bulletin; split it into weekly issues`,
        );
      }
      bulletins.push(parseBulletin(readFileSync(file), shown));
    } catch (error) {
      if (error instanceof BulletinError) errors.push(error);
      else errors.push(new BulletinError(shown, 1, `cannot read the file: ${(error as Error).message}`, { cause: error }));
    }
  }
  checkDuplicateIssues(bulletins, errors);
  return { bulletins, warnings: bulletins.flatMap((b) => b.warnings), errors };
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadResult {
  return loadBulletins(bulletinFilesIn(contentDir), options);
}

function checkDuplicateIssues(bulletins: ParsedBulletin[], errors: BulletinError[]): void {
  const seen = new Map<string, string>();
  for (const { meta } of bulletins) {
    const key = `${meta.issue}${meta.slug ? `-${meta.slug}` : ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.push(new BulletinError(meta.file, 1, `issue ${key} is also given by ${earlier}; each issue needs its own date or slug`));
    } else seen.set(key, meta.file);
  }
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
