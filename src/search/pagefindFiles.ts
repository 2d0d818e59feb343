// Reading what Pagefind wrote: its metadata, for the page ids an index holds in the order the records were added
// (the character index names records by them), and a fragment or two, to check that order. Pagefind 1.6 compresses
// both with gzip behind a signature, the metadata as CBOR and each fragment as JSON; anything else fails the build.
// (Reading the ids from all 10,000 fragments instead took 0.6 CPU-s; the metadata takes 0.03.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchRecord } from './searchRecords.js';

const SIGNATURE = 'pagefind_dcd';

export interface IndexedPage {
  /** Pagefind's page id, also its fragment's file name (`und_48e8d4e`). */
  id: string;
  /** Pagefind's count of the page's words, which its ranking uses. */
  wordCount: number;
}

/** The pages of the index in `outputPath`, in the order they were added (Pagefind numbers pages that way). */
export function indexedPages(outputPath: string): IndexedPage[] {
  const metaFiles = readdirSync(outputPath).filter((name) => name.endsWith('.pf_meta'));
  if (metaFiles.length !== 1) throw new Error(`${outputPath} has ${metaFiles.length} Pagefind metadata files where 1 was expected`);
  const path = join(outputPath, metaFiles[0]!);
  const meta = decodeCbor(unsigned(path, gunzipSync(readFileSync(path))));
  const pages = Array.isArray(meta) ? meta[1] : undefined;
  const valid =
    Array.isArray(pages) &&
    pages.every((page) => Array.isArray(page) && typeof page[0] === 'string' && /^[\w-]+$/.test(page[0]) && typeof page[1] === 'number');
  if (!valid) throw new Error(`${path}: its page list is not where Pagefind 1.6 puts it; check src/search/pagefindFiles.ts before upgrading`);
  return (pages as [string, number][]).map(([id, wordCount]) => ({ id, wordCount }));
}

export function fragmentPath(outputPath: string, id: string): string {
  return join(outputPath, 'fragment', `${id}.pf_fragment`);
}

interface Fragment {
  url: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export function readFragment(path: string): Fragment {
  return JSON.parse(unsigned(path, gunzipSync(readFileSync(path))).toString()) as Fragment;
}

/**
 * The page ids of the records added to the index in `outputPath`, in their order. The first and last record's
 * fragments are compared with what Pagefind was given, so a Pagefind that numbers pages differently stops the
 * build instead of showing one record for another.
 */
export function pageIdsOf(outputPath: string, records: readonly SearchRecord[]): { ids: string[]; errors: string[] } {
  const pages = indexedPages(outputPath);
  if (pages.length !== records.length) return { ids: [], errors: [`pagefind: ${outputPath} holds ${pages.length} pages for ${records.length} records`] };
  for (const i of new Set([0, records.length - 1])) {
    const record = records[i]!;
    const path = fragmentPath(outputPath, pages[i]!.id);
    const { url, meta, filters } = readFragment(path);
    if (url !== record.url || meta.title !== record.title || filters.year?.[0] !== record.date.slice(0, 4)) {
      return { ids: [], errors: [`pagefind: ${path} is ${url} (“${meta.title}”), where the index's page ${i + 1} should be ${record.url}; check src/search/pagefindFiles.ts`] };
    }
  }
  return { ids: pages.map((page) => page.id), errors: [] };
}

function unsigned(path: string, inflated: Buffer): Buffer {
  if (inflated.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
    throw new Error(`${path} is not a Pagefind file of the version this was written for (no signature)`);
  }
  return inflated.subarray(SIGNATURE.length);
}

/** Just enough CBOR (RFC 8949) for Pagefind's metadata: integers, strings, arrays, maps, simple values. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error(`CBOR: unsupported length ${info} at byte ${at}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): unknown => {
    if (at >= bytes.length) throw new Error('CBOR: ends early');
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      throw new Error(`CBOR: unsupported simple value ${info} at byte ${at - 1}`);
    }
    if (info === 31 && major === 4) {
      const list: unknown[] = [];
      while (bytes[at] !== 0xff) list.push(item());
      at++;
      return list;
    }
    const n = argument(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        const slice = bytes.subarray(at, at + n);
        at += n;
        return major === 3 ? text.decode(slice) : slice;
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${at - 1}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes left over`);
  return value;
}
