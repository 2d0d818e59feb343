// One-character queries (赛, 颖) are answered from this small index of our own, beside Pagefind's, because Pagefind
// cannot answer them well from the character pairs (tokens.ts) and answering them as Pagefind words was costly.
//
// Under `pagefind/characters/<version>/` (the build's index version, search-manifest.json), so that a page left open
// across a rebuild cannot mix one build's record numbers with another's; every file gzip-compressed JSON:
//   records.json.gz   every record, newest first: which Pagefind index holds it, its date and its column, so the
//                     search page can filter, sort and count without loading anything per record
//   ids/<n>.json.gz   the Pagefind page ids (fragment names) of records n·k … n·k+k−1 (k = idsPerFile, 256):
//                     loaded only for the results a reader is shown, to fetch their fragments as Pagefind would
//   <hex>.json.gz     for each character (code point in hex), the records that contain it, as gaps between
//                     record numbers (1, 1, 3 … compress to almost nothing for a common character)
//
// The search page reads these in templates/assets/search/characters.js; the shape of records.json.gz is
// CharacterRecords in contract.ts, which both sides name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHARACTER_INDEX_DIR } from '../../templates/assets/search/shared.js';
import type { CharacterRecords } from './contract.js';
import { pageIdsOf } from './pagefindFiles.js';
import { byDateThenUrl, type SearchRecord } from './searchRecords.js';

export const IDS_PER_FILE = 256;

export interface IndexedBucket {
  /** Folder under `pagefind/`, `''` for the root index. */
  folder: string;
  /** Where Pagefind wrote it. */
  outputPath: string;
  records: SearchRecord[];
  /** Each record's distinct Han characters, joined (indexSite.ts collects them while indexing). */
  characters: string[];
}

export function writeCharacterIndex(outputRoot: string, version: string, buckets: IndexedBucket[], idsPerFile = IDS_PER_FILE): string[] {
  const ordered: { record: SearchRecord; bucket: number; id: string; characters: string }[] = [];
  for (const [bucketNumber, bucket] of buckets.entries()) {
    const { ids, errors } = pageIdsOf(bucket.outputPath, bucket.records);
    if (errors.length > 0) return errors;
    bucket.records.forEach((record, i) => ordered.push({ record, bucket: bucketNumber, id: ids[i]!, characters: bucket.characters[i]! }));
  }
  // Newest first, as the search page lists results; the URL breaks ties so every build numbers records alike.
  ordered.sort((a, b) => byDateThenUrl(b.record, a.record));

  const dir = join(outputRoot, CHARACTER_INDEX_DIR, version);
  mkdirSync(join(dir, 'ids'), { recursive: true });
  const columns = [...new Set(ordered.map(({ record }) => record.column))].sort();
  const columnNumber = new Map(columns.map((name, i) => [name, i]));
  const records: CharacterRecords = {
    idsPerFile,
    indexes: buckets.map((b) => b.folder),
    columns,
    index: ordered.map((o) => o.bucket),
    date: ordered.map((o) => o.record.date),
    column: ordered.map((o) => columnNumber.get(o.record.column)!),
  };
  writeGzipJson(join(dir, 'records.json.gz'), records);
  for (let start = 0; start < ordered.length; start += idsPerFile) {
    const ids = ordered.slice(start, start + idsPerFile).map((o) => o.id);
    writeGzipJson(join(dir, 'ids', `${start / idsPerFile}.json.gz`), ids);
  }

  const recordsWith = new Map<string, number[]>();
  for (const [number, { characters }] of ordered.entries()) {
    for (const character of characters) {
      const list = recordsWith.get(character);
      if (list) list.push(number);
      else recordsWith.set(character, [number]);
    }
  }
  for (const [character, numbers] of recordsWith) {
    const gaps = numbers.map((n, i) => (i === 0 ? n : n - numbers[i - 1]!));
    writeGzipJson(join(dir, `${characterFileName(character)}.json.gz`), gaps);
  }
  return [];
}

export function characterFileName(character: string): string {
  return character.codePointAt(0)!.toString(16);
}

/** Node's gzip header carries no time stamp, so the same index compresses to the same bytes on every build. */
function writeGzipJson(path: string, value: unknown): void {
  // A 4 KB window: the lists repeat themselves locally, and zlib's default 32 KB window and hash table cost more to
  // set up than to fill, over thousands of small files.
  writeFileSync(path, gzipSync(JSON.stringify(value), { level: 9, windowBits: 12, memLevel: 6 }));
}
