// What does each part of the search index cost? Indexes the records of a generated archive straight from the
// site model (no HTML) in several ways, each in its own process, and reports the CPU of Node and of the Pagefind
// binary per step, with the index's size.
//
//   [MAX_PER_INDEX=3000] [PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=2000] [_RJEM_MALLOC_CONF=] tsx bench/experiments/index-cost.ts <contentDir> [variant …]
//
// Variants (all in buckets of at most 3,000 records, 'und', 2,000-position chunks, records sent in batches of 100,
// as src/search/indexSite.ts does; suffix `-again` writes each index twice, the second time without compressing,
// since Pagefind skips files that exist; suffix `-nometa` drops the date and column metadata):
//   pairs-list      character pairs, then the record's distinct characters as lone tokens (the index of 2026-11)
//   pairs           character pairs only (the index since: one-character lookups use src/search/characterIndex.ts)
//   pairs-filter    pairs, and the distinct characters as filter values spread over 256 filters
//   tokens-only     Node's share: builds every variant's text and filters, indexes nothing
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadContent } from '../../src/load.js';
import { buildModel, type RecordPage } from '../../src/site/model.js';
import { applyPagefindEnvironment } from '../../src/search/indexSite.js';
import { BREAK_TOKEN, distinctCharacters, indexTokens, searchableParts } from '../../src/search/tokens.js';
import { awaitChildrenExit, reportResult, runTs, treeSize } from '../lib/measure.js';

const CLOCK_TICKS = 100;
const MAX_PER_INDEX = Number(process.env.MAX_PER_INDEX ?? 3000);
const FILTER_SHARDS = 256;
/** Opened the per-record character list of the 2026-11 index. */
const CHARACTERS_TOKEN = '§';

function descendantsCpuS(part: 'user' | 'system' | 'both' = 'both'): number {
  let total = 0;
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const user = Number(fields[11]);
      const system = Number(fields[12]);
      if (Number(fields[1]) === process.pid) total += (part === 'user' ? user : part === 'system' ? system : user + system) / CLOCK_TICKS;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

interface Cost {
  nodeCpuS: number;
  nodeSystemS: number;
  pagefindCpuS: number;
  pagefindSystemS: number;
}

async function measured<T>(costs: Map<string, Cost>, name: string, work: () => Promise<T> | T): Promise<T> {
  const cpu0 = process.cpuUsage();
  const child0 = descendantsCpuS();
  const childSystem0 = descendantsCpuS('system');
  const result = await work();
  const cpu = process.cpuUsage(cpu0);
  const cost = costs.get(name) ?? { nodeCpuS: 0, nodeSystemS: 0, pagefindCpuS: 0, pagefindSystemS: 0 };
  cost.nodeCpuS += (cpu.user + cpu.system) / 1e6;
  cost.nodeSystemS += cpu.system / 1e6;
  cost.pagefindCpuS += descendantsCpuS() - child0;
  cost.pagefindSystemS += descendantsCpuS('system') - childSystem0;
  costs.set(name, cost);
  return result;
}

function shardOf(char: string): string {
  return `c${(char.codePointAt(0)! % FILTER_SHARDS).toString(16)}`;
}

interface Document {
  content: string;
  filters: Record<string, string[]>;
}

function documentOf(page: RecordPage, variant: string): Document {
  variant = variant.replace(/-again$/, '').replace(/-nometa$/, '');
  const parts = searchableParts(page.record);
  const content = parts.map((part) => indexTokens(part).join(' ')).filter(Boolean).join(` ${BREAK_TOKEN} `);
  const filters: Record<string, string[]> = {
    column: [page.columnLabel],
    year: [page.record.date.slice(0, 4)],
    kind: [page.kindLabel],
  };
  if (variant === 'pairs') return { content, filters };
  const characters = distinctCharacters(parts.join('\n'));
  if (variant === 'pairs-list') return { content: `${content} ${CHARACTERS_TOKEN} ${characters.join(' ')}`, filters };
  for (const char of characters) (filters[shardOf(char)] ??= []).push(char);
  return { content, filters };
}

async function runVariant(variant: string, contentDir: string): Promise<Record<string, unknown>> {
  const costs = new Map<string, Cost>();
  const pages = await measured(costs, 'load', () => {
    const { bulletins } = loadContent(contentDir);
    return buildModel(bulletins).model!.records;
  });
  const outDir = join(contentDir, '..', `index-${variant}`);
  rmSync(outDir, { recursive: true, force: true });
  applyPagefindEnvironment();
  const byYear = new Map<string, RecordPage[]>();
  for (const page of pages) {
    const year = page.record.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), page]);
  }
  const buckets: RecordPage[][] = [];
  for (const year of [...byYear.keys()].sort().reverse()) {
    const last = buckets.at(-1);
    const yearPages = byYear.get(year)!;
    if (last && last.length + yearPages.length <= MAX_PER_INDEX) last.push(...yearPages);
    else buckets.push([...yearPages]);
  }
  let documents = 0;
  for (const [i, bucket] of buckets.entries()) {
    const docs = await measured(costs, 'tokens', () => bucket.map((page) => ({ page, doc: documentOf(page, variant === 'tokens-only' ? 'pairs-filter' : variant) })));
    documents += docs.length;
    if (variant === 'tokens-only') continue;
    const { index } = await measured(costs, 'create', () => pagefind.createIndex({ forceLanguage: 'und' }));
    await measured(costs, 'add', async () => {
      // In batches, as src/search/indexSite.ts sends them: Pagefind's service answers in order.
      for (let start = 0; start < docs.length; start += 100) {
        const added = await Promise.all(docs.slice(start, start + 100).map(({ page, doc }) => index!.addCustomRecord({
          url: page.url,
          content: doc.content,
          language: 'und',
          meta: variant.includes('-nometa') ? { title: page.record.title } : { title: page.record.title, date: page.displayDate, column: page.columnLabel },
          filters: doc.filters,
          sort: { date: page.record.date },
        })));
        const errors = added.flatMap((a) => a.errors);
        if (errors.length > 0) throw new Error(errors.join('; '));
      }
    });
    await measured(costs, 'write', () => index!.writeFiles({ outputPath: join(outDir, String(i)) }));
    // Pagefind skips a content-named file that exists before compressing it: the second write is the build alone.
    if (variant.endsWith('-again')) await measured(costs, 'write again', () => index!.writeFiles({ outputPath: join(outDir, String(i)) }));
    await measured(costs, 'delete', () => index!.deleteIndex());
  }
  await pagefind.close();
  await awaitChildrenExit();
  const size = treeSize(outDir);
  return { variant, documents, costs: Object.fromEntries(costs), indexBytes: size.bytes, indexFiles: size.files };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--variant') {
    reportResult(await runVariant(argv[1]!, argv[2]!));
    process.exit(0);
  }
  const [contentDir, ...variants] = argv;
  if (!contentDir) throw new Error('usage: index-cost.ts <contentDir> [variant …]');
  const f = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
  console.log('| variant | records | CPU s (process tree) | Node: load / tokens / add / write | Pagefind: add / write (of which system) | index MB | files | tree RSS MB |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const variant of variants.length > 0 ? variants : ['pairs-list', 'pairs', 'pairs-filter', 'tokens-only']) {
    const m = await runTs(fileURLToPath(import.meta.url), ['--variant', variant, contentDir]);
    if (m.exitCode !== 0) {
      console.error(`${variant} failed: ${m.stderr.slice(-800)}`);
      continue;
    }
    const r = m.result as { documents: number; costs: Record<string, Cost>; indexBytes: number; indexFiles: number };
    const c = (step: string) => r.costs[step];
    console.log(
      `| ${variant} | ${r.documents} | ${f(m.cpuS)} | ${[c('load'), c('tokens'), c('add'), c('write')].map((x) => f(x?.nodeCpuS)).join(' / ')} | `
        + `${f(c('add')?.pagefindCpuS)} (${f(c('add')?.pagefindSystemS)}) / ${f(c('write')?.pagefindCpuS)} (${f(c('write')?.pagefindSystemS)})`
        + (c('write again') ? `, again ${f(c('write again')?.pagefindCpuS)} (${f(c('write again')?.pagefindSystemS)})` : '') + ` | ${(r.indexBytes / 1e6).toFixed(1)} | ${r.indexFiles} | ${m.treeRssMB.toFixed(0)} |`,
    );
  }
}

await main(process.argv.slice(2));
