// Prints what search costs and how well it finds: recall and precision against the records' text (with and
// without our character-pair tokens), and bytes and milliseconds for cold and warm searches in Chromium.
//
//   tsx scripts/measure-search.ts                      # the seed bulletins in content/
//   tsx scripts/measure-search.ts --content DIR        # any content dir, e.g. the benchmark's synthetic archive
//   tsx scripts/measure-search.ts --site _site         # cost only, on an already built site
//   tsx scripts/measure-search.ts --no-recall          # skip the recall runs (slow on big archives)
//   tsx scripts/measure-search.ts --compare --content DIR [--work DIR] [--reuse]
//       builds DIR's site as npm run build does, indexes the same pages with plain `pagefind` (its defaults), and
//       prints first-result times and bytes of cold and warm searches, ours and plain's, on a phone's network (gzip and
//       uncompressed), and our recall and precision on the same queries; --reuse measures sites already in --work
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';
import { loadContent } from '../src/load.js';
import { launchChromium } from '../tests/support/browser.js';
import { measureCost, median, serveThrottled, type SearchCost, type ThrottledServer } from '../tests/support/cost.js';
import { CHOSEN_QUERIES, measureRecall, sampledQueries } from '../tests/support/recall.js';
import { serveStatic } from '../tests/support/server.js';
import { buildStandInSite } from '../tests/support/standInSite.js';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    site: { type: 'string' },
    prefix: { type: 'string', default: '/' },
    'no-recall': { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
    work: { type: 'string', default: join(tmpdir(), 'measure-search-compare') },
    reuse: { type: 'boolean', default: false },
  },
});

const COLD = ['协商', '劳模工匠', '刘颖', '12351', '黔江', '新重庆 工会', '赛'];
const WARM = ['工匠', '职工之家', '技能竞赛', '数字工会', '篮球赛', '女职工 维权', '遂宁'];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function printCosts(label: string, costs: SearchCost[]) {
  for (const c of costs) console.log(`  ${label} ${c.query.padEnd(8, '　')} ${kib(c.bytes).padStart(10)} ${`${Math.round(c.ms)} ms`.padStart(8)}  ${c.results} results`);
  console.log(`  ${label} median ${kib(median(costs.map((c) => c.bytes)))}, max ${kib(Math.max(...costs.map((c) => c.bytes)))}, median ${Math.round(median(costs.map((c) => c.ms)))} ms`);
}

// ---------------------------------------------------------------------------------------------------------------
// --compare: our search against plain `pagefind` with its defaults, on the same built pages, on a phone's network.

/** The queries of issue #18, and five of ours: a name, a number with a word, a place, a phrase inside a word, a pair. */
const COMPARE_QUERIES = ['劳模', '职工', '赛', '协商', '渝工港湾', '集体协商竞赛', '黔江', '2023', '工匠 精神', '刘颖', '12351', '遂宁', '职工之家', '技能 竞赛'];

/**
 * Plain Pagefind's side: its runtime loaded when the page opens (its Default UI waits for the first keystroke, so
 * this is the kinder case for it), the query as typed, and the first five results' data, which is what its Default
 * UI shows first. No CSP and no markup of ours: a page of its own beside the site's.
 */
const PLAIN_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>plain</title><script type="module" src="plain.js"></script></head>
<body><form data-search-form><input name="q" id="search-q"><button>搜索</button></form><ol></ol></body></html>`;
const PLAIN_SCRIPT = `const form = document.querySelector('form');
const input = form.querySelector('input');
const list = document.querySelector('ol');
const loading = import('../pagefind/pagefind.js').then(async (pagefind) => { await pagefind.init(); return pagefind; });
let searches = 0;
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const started = performance.now();
  const mine = ++searches;
  const pagefind = await loading;
  const found = await pagefind.search(input.value);
  const data = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  if (mine !== searches) return;
  list.replaceChildren(...data.map((d) => Object.assign(document.createElement('li'), { textContent: d.meta.title })));
  form.dataset.count = String(found.results.length);
  form.dataset.firstResultsAt = String(performance.now());
  form.dataset.firstResultsMs = String(performance.now() - started);
  form.dataset.searchMs = form.dataset.firstResultsMs;
  form.dataset.searches = String(mine);
});
`;

interface Timed {
  query: string;
  /** From pressing Enter to the first results on screen. */
  firstMs: number;
  /** Ours: until every index has answered (the count is final). */
  wholeMs: number;
  bytes: number;
  rawBytes: number;
  results: number;
}

const NOT_SEARCH = /^\/(search\/(index\.html)?|plain-search\/.*|assets\/.*)$/;

async function searchOnce(page: import('playwright-core').Page, query: string, ours: boolean): Promise<{ firstMs: number; wholeMs: number; results: number }> {
  const before = Number((await page.getAttribute('[data-search-form]', 'data-searches')) ?? 0);
  const typedAt = (await page.evaluate(() => performance.now())) as number;
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForSelector(`[data-search-form][data-searches="${before + 1}"]`, { timeout: 120_000 });
  // Both pages time themselves from the start of their submit handler, in the page's own clock: Playwright's typing
  // and polling, slowed 4× with the page's CPU, would add up to half a second that no reader waits.
  const form = await page.$eval('[data-search-form]', (f) => ({ ...(f as HTMLElement).dataset }));
  const shown = Number(form.firstResultsAt ?? 0) > typedAt;
  const firstMs = shown ? Number(form.firstResultsMs) : Number(form.searchMs);
  const results = ours ? Number(/找到 (\d+) 篇/.exec((await page.textContent('[data-search-status]')) ?? '')?.[1] ?? 0) : Number(form.count);
  return { firstMs, wholeMs: ours ? Number(form.searchMs) : firstMs, results };
}

async function openThrottled(browser: import('playwright-core').Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The phone's CPU for the page; Chromium does not slow Web Workers, where both sides' Pagefind searches.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return { context, page };
}

async function measureSide(browser: import('playwright-core').Browser, server: ThrottledServer, path: string, ours: boolean, queries: string[]) {
  const cold: Timed[] = [];
  for (const query of queries) {
    server.reset();
    const { context, page } = await openThrottled(browser, `${server.url}${path}`);
    const timed = await searchOnce(page, query, ours);
    cold.push({ query, ...timed, ...pick(server.sent(NOT_SEARCH)) });
    await context.close();
  }
  // Warm: one page that has searched once already, each query in turn.
  const warm: Timed[] = [];
  const { context, page } = await openThrottled(browser, `${server.url}${path}`);
  await searchOnce(page, '工会', ours);
  for (const query of queries) {
    server.reset();
    warm.push({ query, ...(await searchOnce(page, query, ours)), ...pick(server.sent(NOT_SEARCH)) });
  }
  await context.close();
  return { cold, warm };
}

/**
 * Chromium's layout-shift score (the Layout Instability API, which Lighthouse's CLS sums the same way) of opening
 * /search/?q=… until its search has finished and a moment after, on a phone's and a desktop's screen.
 */
async function layoutShift(browser: import('playwright-core').Browser, server: ThrottledServer, query: string, viewport: { width: number; height: number }): Promise<number> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (globalThis as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-search-form][data-searches="1"]', { timeout: 120_000 });
  await page.waitForTimeout(500);
  const total = (await page.evaluate(() => (globalThis as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0))) as number;
  await context.close();
  return total;
}

const pick = ({ bytes, rawBytes }: { bytes: number; rawBytes: number }) => ({ bytes, rawBytes });

async function compare(contentDir: string, workDir: string, reuse: boolean): Promise<void> {
  const ours = join(workDir, 'ours');
  const plain = join(workDir, 'plain');
  if (!reuse) {
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    let started = performance.now();
    const built = await buildSite({ contentDir, outputDir: ours, quiet: true });
    if (!built.ok) throw new Error(built.errors.join('\n'));
    console.log(`ours: npm run build's buildSite, ${built.pages} pages, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The same pages, hard-linked, without our index; then the pagefind command with its defaults.
    execFileSync('cp', ['-al', ours, plain]);
    rmSync(join(plain, 'pagefind'), { recursive: true, force: true });
    started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'node_modules/.bin/pagefind', '--site', plain, '--quiet'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pagefind: ${run.stderr}`);
    const [user, system, kb] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    console.log(`plain: pagefind --site with its defaults, ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${(user! + system!).toFixed(1)} CPU-s, peak RSS ${Math.round(kb! / 1024)} MB`);
  }
  // Written on --reuse too, so the plain page always times itself as this script reads it.
  mkdirSync(join(plain, 'plain-search'), { recursive: true });
  writeFileSync(join(plain, 'plain-search', 'index.html'), PLAIN_PAGE);
  writeFileSync(join(plain, 'plain-search', 'plain.js'), PLAIN_SCRIPT);
  const records = loadContent(resolve(contentDir)).bulletins.flatMap((b) => b.records);
  const browser = await launchChromium();
  try {
    const recallServer = await serveStatic(ours, '/');
    const recallPage = await browser.newPage();
    await recallPage.goto(`${recallServer.url}search/`);
    const report = await measureRecall(recallPage, records, COMPARE_QUERIES, 'tokens');
    await recallServer.close();
    console.log(`\nours on ${records.length} records: recall ${report.meanRecall.toFixed(3)}, precision ${report.meanPrecision.toFixed(3)} (substring truth over the text and column label)`);
    for (const q of report.queries) console.log(`  ${q.query.padEnd(8, '　')} truth ${q.truth}, found ${q.found}, correct ${q.correct}`);

    const shiftServer = await serveThrottled(ours, { gzip: true });
    for (const [name, viewport] of [['phone 390×844', { width: 390, height: 844 }], ['desktop 1350×940', { width: 1350, height: 940 }]] as const) {
      const scores = [];
      for (const query of ['劳模', '赛', '渝工港湾']) scores.push(`${query} ${(await layoutShift(browser, shiftServer, query, viewport)).toFixed(4)}`);
      console.log(`layout shift of /search/?q=… on a ${name}, phone network: ${scores.join(', ')}`);
    }
    await shiftServer.close();

    for (const gzip of [true, false]) {
      const [oursServer, plainServer] = await Promise.all([serveThrottled(ours, { gzip }), serveThrottled(plain, { gzip })]);
      const a = await measureSide(browser, oursServer, 'search/', true, COMPARE_QUERIES);
      const b = await measureSide(browser, plainServer, 'plain-search/', false, COMPARE_QUERIES);
      await Promise.all([oursServer.close(), plainServer.close()]);
      for (const kind of ['cold', 'warm'] as const) {
        console.log(`\n${kind} searches, ${gzip ? 'gzip' : 'uncompressed'}, 1.6 Mbps, 150 ms round trip, page CPU 4× slower (times from Enter; KiB as sent)`);
        console.log('query        ours first ms  ours whole ms  plain first ms  first ours/plain  ours KiB  plain KiB  KiB ours/plain  ours results  plain results');
        for (const [i, x] of a[kind].entries()) {
          const y = b[kind][i]!;
          const kb = (n: number) => (n / 1024).toFixed(1);
          console.log(
            `${x.query.padEnd(8, '　')} ${String(Math.round(x.firstMs)).padStart(13)} ${String(Math.round(x.wholeMs)).padStart(14)} ${String(Math.round(y.firstMs)).padStart(15)} ${(x.firstMs / y.firstMs).toFixed(2).padStart(17)} ${kb(x.bytes).padStart(9)} ${kb(y.bytes).padStart(10)} ${(x.bytes / y.bytes).toFixed(2).padStart(15)} ${String(x.results).padStart(13)} ${String(y.results).padStart(14)}`,
          );
        }
        const m = (list: Timed[], f: (t: Timed) => number) => Math.round(median(list.map(f)));
        console.log(`median   ${String(m(a[kind], (t) => t.firstMs)).padStart(13)} ${String(m(a[kind], (t) => t.wholeMs)).padStart(14)} ${String(m(b[kind], (t) => t.firstMs)).padStart(15)} ${''.padStart(17)} ${(m(a[kind], (t) => t.bytes) / 1024).toFixed(1).padStart(9)} ${(m(b[kind], (t) => t.bytes) / 1024).toFixed(1).padStart(10)}`);
        console.log(`max      ${String(Math.round(Math.max(...a[kind].map((t) => t.firstMs)))).padStart(13)} ${''.padStart(14)} ${String(Math.round(Math.max(...b[kind].map((t) => t.firstMs)))).padStart(15)}`);
        if (kind === 'cold') console.log(`(uncompressed size of what was sent: ours median ${(m(a[kind], (t) => t.rawBytes) / 1024).toFixed(1)} KiB, plain ${(m(b[kind], (t) => t.rawBytes) / 1024).toFixed(1)} KiB)`);
      }
    }
  } finally {
    await browser.close();
  }
}

if (values.compare) {
  await compare(resolve(values.content), resolve(values.work), values.reuse);
  process.exit(0);
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
