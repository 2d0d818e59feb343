// Prints what search costs and how well it finds: recall and precision against the records' text (with and
// without our character-pair tokens), and bytes and milliseconds for cold and warm searches in Chromium.
//
//   tsx scripts/measure-search.ts                      # the seed bulletins in content/
//   tsx scripts/measure-search.ts --content DIR        # any content dir, e.g. the benchmark's synthetic archive
//   tsx scripts/measure-search.ts --site _site         # cost only, on an already built site
//   tsx scripts/measure-search.ts --no-recall          # skip the recall runs (slow on big archives)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/load.js';
import { launchChromium } from '../tests/support/browser.js';
import { measureCost, median, type SearchCost } from '../tests/support/cost.js';
import { CHOSEN_QUERIES, measureRecall, sampledQueries } from '../tests/support/recall.js';
import { serveStatic } from '../tests/support/server.js';
import { buildStandInSite } from '../tests/support/standInSite.js';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    site: { type: 'string' },
    prefix: { type: 'string', default: '/' },
    'no-recall': { type: 'boolean', default: false },
  },
});

const COLD = ['协商', '劳模工匠', '刘颖', '12351', '黔江', '新重庆 工会', '赛'];
const WARM = ['工匠', '职工之家', '技能竞赛', '数字工会', '篮球赛', '女职工 维权', '遂宁'];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function printCosts(label: string, costs: SearchCost[]) {
  for (const c of costs) console.log(`  ${label} ${c.query.padEnd(8, '　')} ${kib(c.bytes).padStart(10)} ${`${Math.round(c.ms)} ms`.padStart(8)}  ${c.results} results`);
  console.log(`  ${label} median ${kib(median(costs.map((c) => c.bytes)))}, max ${kib(Math.max(...costs.map((c) => c.bytes)))}, median ${Math.round(median(costs.map((c) => c.ms)))} ms`);
}

const browser = await launchChromium();
const cleanup: string[] = [];
try {
  let siteDir = values.site ? resolve(values.site) : '';
  const records = values.site ? [] : loadContent(resolve(values.content)).bulletins.flatMap((b) => b.records);
  if (!values.site) {
    console.log(`${records.length} records from ${values.content}`);
    const variants = values['no-recall'] ? [true] : [false, true];
    for (const tokens of variants) {
      const dir = mkdtempSync(join(tmpdir(), 'measure-search-'));
      cleanup.push(dir);
      const started = performance.now();
      await buildStandInSite(records, dir, { tokens });
      console.log(`\nstand-in site ${tokens ? 'with' : 'without'} our search tokens: built and indexed in ${Math.round(performance.now() - started)} ms`);
      if (!values['no-recall']) {
        const queries = [...CHOSEN_QUERIES, ...sampledQueries(records, 40)];
        const server = await serveStatic(dir, '/');
        const page = await browser.newPage();
        await page.goto(`${server.url}search/`);
        for (const mode of tokens ? (['tokens'] as const) : (['plain'] as const)) {
          const report = await measureRecall(page, records, queries, mode);
          const label = mode === 'tokens' ? 'phrases of character pairs' : 'query as typed, Pagefind zh-cn segmentation';
          console.log(`  ${label}: ${report.queries.length} queries, mean recall ${report.meanRecall.toFixed(3)}, mean precision ${report.meanPrecision.toFixed(3)}`);
          const worst = report.queries.filter((q) => q.recall < 1 || q.precision < 1).slice(0, 8);
          for (const q of worst) console.log(`    ${JSON.stringify(q.query)}: ${q.correct} of ${q.truth} found, ${q.found} returned`);
        }
        await page.close();
        await server.close();
      }
      siteDir = dir;
    }
  }
  const server = await serveStatic(siteDir, values.prefix.endsWith('/') ? values.prefix : `${values.prefix}/`);
  const report = await measureCost(browser, server, COLD, WARM);
  console.log(`\ncost on ${values.site ?? 'the stand-in site with our search tokens'} (search page itself: ${kib(report.pageBytes)})`);
  printCosts('cold', report.cold);
  printCosts('warm', report.warm);
  await server.close();
} finally {
  await browser.close();
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
}
