// Where do Pagefind's time and memory go? Each variant indexes the same record pages in its own process, and
// reports per step (add, write) the wall time, the CPU of Node and of the Pagefind binary, and the peak RSS of both.
//
//   tsx bench/experiments/pagefind.ts <siteDir> [variant …]    (siteDir from bench/experiments/site.ts)
//
// Variants:
//   dir-zh        addDirectory on the record pages, forceLanguage zh-cn: what src/search/indexSite.ts does now
//   dir-en        the same pages, forceLanguage en: no Chinese segmentation
//   html-visible  addHTMLFile of the pages without the one-character token block: jieba segments the visible text
//   custom-zh     addCustomRecord with the token text, title, filters and sort: no HTML parsing at all
//   custom-en     the same records declared as en
//   year-zh       one index per year (addDirectory with a glob, writeFiles, deleteIndex), to be merged at search time
//   year-en       the same, declared en; span5-en: buckets of five years, en
//   frag-zh       dir-zh with maxFragments 2000: bundles fragments into shared files
//   again-zh      dir-zh twice into the same folder: the second write skips existing fragments (no compression)
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { awaitChildrenExit, reportResult, runTs, treeRssBytes, treeSize } from '../lib/measure.js';

interface Page {
  file: string;
  url: string;
  year: string;
}

interface StepReport {
  step: string;
  wallS: number;
  nodeCpuS: number;
  pagefindCpuS: number;
  peakTreeMB: number;
}

const CLOCK_TICKS = 100;

/** CPU seconds of every descendant of this process (the Pagefind service binary). */
function descendantsCpuS(): number {
  let total = 0;
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

async function step<T>(name: string, steps: StepReport[], work: () => Promise<T>): Promise<T> {
  let peak = treeRssBytes(process.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(process.pid))), 50);
  const cpu0 = process.cpuUsage();
  const child0 = descendantsCpuS();
  const started = performance.now();
  const result = await work();
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pagefindCpuS = descendantsCpuS() - child0;
  clearInterval(sampler);
  peak = Math.max(peak, treeRssBytes(process.pid));
  steps.push({ step: name, wallS, nodeCpuS: (cpu.user + cpu.system) / 1e6, pagefindCpuS, peakTreeMB: peak / 2 ** 20 });
  return result;
}

const TOKEN_BLOCK = /<div class="search-tokens" hidden data-pagefind-body>([\s\S]*?)<\/div>/;
const decodeEntities = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function meta(html: string, key: string): string {
  const m = new RegExp(`data-pagefind-(?:meta|filter|sort)="${key}:([^"]*)"`).exec(html);
  return m ? decodeEntities(m[1]!) : '';
}

async function runVariant(variant: string, siteDir: string): Promise<Record<string, unknown>> {
  const pages = JSON.parse(readFileSync(join(siteDir, 'pages.json'), 'utf8')) as Page[];
  const outDir = join(siteDir, `pagefind-${variant}`);
  rmSync(outDir, { recursive: true, force: true });
  const steps: StepReport[] = [];
  const errors: string[] = [];
  const language = variant.endsWith('-en') ? 'en' : 'zh-cn';
  const create = (extra: pagefind.PagefindServiceConfig = {}) =>
    step('create', steps, async () => {
      const created = await pagefind.createIndex({ forceLanguage: language, ...extra });
      errors.push(...created.errors);
      return created.index!;
    });
  let indexed = 0;

  if (variant === 'dir-zh' || variant === 'dir-en' || variant === 'frag-zh') {
    const index = await create(variant === 'frag-zh' ? { maxFragments: 2000 } : {});
    const added = await step('add', steps, () => index.addDirectory({ path: resolve(siteDir), glob: '{19,20}*/**/*.html' }));
    indexed = added.page_count;
    errors.push(...added.errors);
    errors.push(...(await step('write', steps, () => index.writeFiles({ outputPath: resolve(outDir) }))).errors);
  } else if (variant === 'again-zh' || variant === 'again-en') {
    // Pagefind skips a content-hashed file that already exists, before compressing it. Writing the same pages a
    // second time into the same folder therefore shows what the write costs without fragment compression.
    for (const pass of ['', '2']) {
      const index = await create();
      const added = await step(`add${pass}`, steps, () => index.addDirectory({ path: resolve(siteDir), glob: '{19,20}*/**/*.html' }));
      indexed = added.page_count;
      errors.push(...added.errors);
      errors.push(...(await step(`write${pass}`, steps, () => index.writeFiles({ outputPath: resolve(outDir) }))).errors);
      await step('delete', steps, () => index.deleteIndex());
    }
  } else if (variant === 'html-visible') {
    const index = await create();
    await step('add', steps, async () => {
      for (const page of pages) {
        const html = readFileSync(join(siteDir, page.file), 'utf8').replace(TOKEN_BLOCK, '');
        const added = await index.addHTMLFile({ url: page.url, content: html });
        errors.push(...added.errors);
        indexed++;
      }
    });
    errors.push(...(await step('write', steps, () => index.writeFiles({ outputPath: resolve(outDir) }))).errors);
  } else if (variant === 'custom-zh' || variant === 'custom-en') {
    const index = await create();
    await step('add', steps, async () => {
      for (const page of pages) {
        const html = readFileSync(join(siteDir, page.file), 'utf8');
        const tokens = TOKEN_BLOCK.exec(html);
        if (!tokens) throw new Error(`${page.file} has no search-tokens block; the experiment expects the site's token markup`);
        const added = await index.addCustomRecord({
          url: page.url,
          content: decodeEntities(tokens[1]!),
          language,
          meta: { title: meta(html, 'title') || page.url, date: meta(html, 'date'), column: meta(html, 'column') },
          filters: { year: [page.year], column: [meta(html, 'column')], kind: [meta(html, 'kind')] },
          sort: { date: meta(html, 'date') },
        });
        errors.push(...added.errors);
        indexed++;
      }
    });
    errors.push(...(await step('write', steps, () => index.writeFiles({ outputPath: resolve(outDir) }))).errors);
  } else if (/^(year|span\d+)-(zh|en)$/.test(variant)) {
    // Buckets of consecutive years, indexed one after another; the search page would merge them (mergeIndex).
    const span = variant.startsWith('year') ? 1 : Number(/^span(\d+)/.exec(variant)![1]);
    const years = [...new Set(pages.map((p) => p.year))].sort();
    for (let i = 0; i < years.length; i += span) {
      const bucket = years.slice(i, i + span);
      const index = await create();
      const glob = bucket.length === 1 ? `${bucket[0]}/**/*.html` : `{${bucket.join(',')}}/**/*.html`;
      const added = await step('add', steps, () => index.addDirectory({ path: resolve(siteDir), glob }));
      indexed += added.page_count;
      errors.push(...added.errors);
      errors.push(...(await step('write', steps, () => index.writeFiles({ outputPath: resolve(outDir, bucket[0]!) }))).errors);
      await step('delete', steps, () => index.deleteIndex());
    }
  } else throw new Error(`unknown variant ${variant}`);

  await pagefind.close();
  await awaitChildrenExit();
  const sum = (name: string, key: keyof StepReport) => steps.filter((s) => s.step === name).reduce((n, s) => n + (s[key] as number), 0);
  const peak = (name: string) => Math.max(0, ...steps.filter((s) => s.step === name).map((s) => s.peakTreeMB));
  const out = treeSize(outDir);
  return {
    variant, indexed, errors: errors.length, firstErrors: errors.slice(0, 3),
    addS: sum('add', 'wallS'), addPagefindCpuS: sum('add', 'pagefindCpuS'), addNodeCpuS: sum('add', 'nodeCpuS'), addPeakMB: peak('add'),
    writeS: sum('write', 'wallS'), writePagefindCpuS: sum('write', 'pagefindCpuS'), writeNodeCpuS: sum('write', 'nodeCpuS'), writePeakMB: peak('write'),
    indexBytes: out.bytes, indexFiles: out.files,
    add2S: sum('add2', 'wallS'), add2PagefindCpuS: sum('add2', 'pagefindCpuS'),
    write2S: sum('write2', 'wallS'), write2PagefindCpuS: sum('write2', 'pagefindCpuS'), write2PeakMB: peak('write2'),
  };
}

const VARIANTS = ['dir-zh', 'dir-en', 'custom-zh', 'custom-en', 'html-visible', 'year-zh', 'year-en', 'span5-en', 'frag-zh'];

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--variant') {
    reportResult(await runVariant(argv[1]!, argv[2]!));
    process.exit(0);
  }
  const siteDir = argv[0];
  if (!siteDir) throw new Error('usage: pagefind.ts <siteDir> [variant …]');
  const variants = argv.length > 1 ? argv.slice(1) : VARIANTS;
  const f = (n: unknown, d = 1) => (typeof n === 'number' ? n.toFixed(d) : '–');
  console.log('| variant | pages | wall s | CPU s (all) | add s | add CPU pf/node | add peak MB | write s | write CPU pf/node | write peak MB | peak RSS MB (tree) | index MB | files | load |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const variant of variants) {
    const m = await runTs(fileURLToPath(import.meta.url), ['--variant', variant, siteDir]);
    const r = m.result;
    if (m.exitCode !== 0) console.error(`${variant} failed: ${m.stderr.slice(-800)}`);
    console.log(
      `| ${variant} | ${String(r.indexed ?? '–')} | ${f(m.wallS)} | ${f(m.cpuS)} | ${f(r.addS)} | ${f(r.addPagefindCpuS)}/${f(r.addNodeCpuS)} | ${f(r.addPeakMB, 0)} | `
        + `${f(r.writeS)} | ${f(r.writePagefindCpuS)}/${f(r.writeNodeCpuS)} | ${f(r.writePeakMB, 0)} | ${f(m.treeRssMB, 0)} | `
        + `${f(typeof r.indexBytes === 'number' ? r.indexBytes / 1e6 : undefined)} | ${String(r.indexFiles ?? '–')} | ${f(m.loadBefore, 2)} |`
        + (Number(r.errors) > 0 ? ` errors: ${JSON.stringify(r.firstErrors)}` : ''),
    );
    if (Number(r.write2S) > 0) {
      console.log(`|  ↳ ${variant} second pass into the same folder | | | | ${f(r.add2S)} | ${f(r.add2PagefindCpuS)} | | ${f(r.write2S)} | ${f(r.write2PagefindCpuS)} | ${f(r.write2PeakMB, 0)} | | | | |`);
    }
  }
}

await main(process.argv.slice(2));
