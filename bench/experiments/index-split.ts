// Fewer, larger indexes or more, smaller ones? Issue #18 asked whether fewer, larger older indexes cut a cold search's
// bytes without raising indexing memory past 2 GB. For each limit of records per index, this indexes the records
// of a built site again into a hard-linked copy of it (in a process of its own, measured from outside: CPU, largest
// process, whole tree), then prints each index's metadata size and times cold searches on a phone's network in
// Chromium, as scripts/measure-search.ts does (page-side, from the submit handler).
//
//   tsx bench/experiments/index-split.ts --content DIR --site BUILT_SITE [--work DIR] [--max 3000,6000,11000] [--queries 刘颖,劳模]
//
//   (child) tsx bench/experiments/index-split.ts --index-only SITE_COPY --content DIR --max N
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadContent } from '../../src/load.js';
import { indexSite } from '../../src/search/indexSite.js';
import { searchRecordsOf } from '../../src/search/searchRecords.js';
import { buildModel } from '../../src/site/model.js';
import { launchChromium } from '../../tests/support/browser.js';
import { median, serveThrottled } from '../../tests/support/cost.js';
import { reportResult, runTs } from '../lib/measure.js';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    site: { type: 'string' },
    work: { type: 'string', default: join(tmpdir(), 'index-split') },
    max: { type: 'string', default: '3000,6000,11000' },
    queries: { type: 'string', default: '刘颖,遂宁,劳模,集体协商竞赛,工匠 精神' },
    'index-only': { type: 'string' },
  },
});

if (values['index-only']) {
  const loaded = loadContent(resolve(values.content!));
  const { model, errors: modelErrors } = buildModel(loaded.bulletins);
  if (!model) throw new Error(modelErrors.join('\n'));
  const records = searchRecordsOf(model.records);
  const started = performance.now();
  const { errors } = await indexSite(values['index-only'], records, { maxPagesPerIndex: Number(values.max) });
  if (errors.length) throw new Error(errors.join('\n'));
  reportResult({ records: records.length, indexWallS: (performance.now() - started) / 1000 });
  process.exit(0);
}

const site = resolve(values.site!);
const queries = values.queries.split(',');
const browser = await launchChromium();
try {
  for (const max of values.max.split(',').map(Number)) {
    const copy = join(resolve(values.work), `max-${max}`);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(resolve(values.work), { recursive: true });
    execFileSync('cp', ['-al', site, copy]);
    rmSync(join(copy, 'pagefind'), { recursive: true, force: true });
    // The search page is rewritten with this index's preloads, so it must not be the original's hard link.
    const page = join(copy, 'search', 'index.html');
    const html = readFileSync(page);
    rmSync(page);
    writeFileSync(page, html);
    const run = await runTs(fileURLToPath(import.meta.url), ['--index-only', copy, '--content', resolve(values.content!), '--max', String(max)]);
    if (run.exitCode !== 0) throw new Error(run.stderr);
    const manifest = JSON.parse(readFileSync(join(copy, 'pagefind', 'search-manifest.json'), 'utf8')) as { indexes: string[] };
    const metas = ['', ...manifest.indexes].map((name) => {
      const folder = join(copy, 'pagefind', name);
      const meta = readdirSync(folder).find((f) => f.endsWith('.pf_meta'))!;
      return `${name || 'root'} ${(statSync(join(folder, meta)).size / 1024).toFixed(1)} KiB`;
    });
    console.log(`\nat most ${max} records per index: ${manifest.indexes.length + 1} indexes (metadata, gzip: ${metas.join(', ')})`);
    console.log(`  indexing (own process, with parsing and the model): ${run.wallS.toFixed(1)} s wall, ${run.cpuS.toFixed(1)} CPU-s, largest process ${run.maxRssMB} MB, whole tree ${run.treeRssMB} MB`);
    const server = await serveThrottled(copy, { gzip: true });
    const rows: { query: string; first: number; whole: number; kib: number }[] = [];
    for (const query of queries) {
      server.reset();
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await tab.goto(`${server.url}search/`, { waitUntil: 'load', timeout: 120_000 });
      await tab.fill('#search-q', query);
      await tab.press('#search-q', 'Enter');
      await tab.waitForSelector('[data-search-form][data-searches="1"]', { timeout: 120_000 });
      const form = await tab.$eval('[data-search-form]', (f) => ({ ...(f as HTMLElement).dataset }));
      const whole = Number(form.searchMs);
      const first = form.firstResultsMs === undefined ? whole : Number(form.firstResultsMs);
      rows.push({ query, first, whole, kib: server.sent(/^\/(search\/|assets\/)/).bytes / 1024 });
      await context.close();
    }
    await server.close();
    for (const r of rows) console.log(`  ${r.query.padEnd(8, '　')} first ${String(r.first).padStart(5)} ms  whole ${String(r.whole).padStart(5)} ms  ${r.kib.toFixed(1).padStart(7)} KiB`);
    console.log(`  median first ${median(rows.map((r) => r.first))} ms, whole ${median(rows.map((r) => r.whole))} ms, ${median(rows.map((r) => r.kib)).toFixed(1)} KiB`);
  }
} finally {
  await browser.close();
}
