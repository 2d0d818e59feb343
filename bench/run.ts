// The whole-pipeline benchmark: a synthetic archive of N bulletins, then parse → render → index, each phase in
// its own process and measured from outside, then the end-to-end build, then the floor.
//
//   npm run bench -- --bulletins 1000 [--keep] [--seed 42] [--no-build] [--json out.json]
//
// Work happens in bench/.work/bench-N (git-ignored) and is deleted afterwards unless --keep is given.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeArchive } from './generate.js';
import { type Measurement, runTs, treeSize } from './lib/measure.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');

export interface BenchOptions {
  bulletins: number;
  seed: number;
  keep: boolean;
  /** Also run the end-to-end buildSite (parse + render + index + swap) as users run it. */
  endToEnd: boolean;
  workDir?: string;
  log?: (line: string) => void;
}

export interface PhaseRow {
  phase: string;
  wallS: number;
  workS: number | null;
  /** CPU of the phase's own work inside its process (no start-up; Pagefind's binary not included). */
  workCpuS: number | null;
  cpuS: number;
  pages: number;
  maxRssMB: number;
  treeRssMB: number;
  outputBytes: number;
  files: number;
  load: number;
  note: string;
}

export interface BenchReport {
  bulletins: number;
  inputBytes: number;
  records: number;
  articles: number;
  htmlPages: number;
  htmlBytes: number;
  indexBytes: number;
  indexFiles: number;
  rows: PhaseRow[];
  ratios: Record<string, number>;
  problems: string[];
  machine: { cpus: number; loadAtEnd: number[] };
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const work = options.workDir ?? join(BENCH_DIR, '.work', `bench-${options.bulletins}`);
  const contentDir = join(work, 'content');
  const siteDir = join(work, 'site');
  const floorDir = join(work, 'floor');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const rows: PhaseRow[] = [];
  const problems: string[] = [];
  const phase = (name: string, m: Measurement, pages: number, out: { bytes: number; files: number }, note = '') => {
    const workS = typeof m.result.workS === 'number' ? m.result.workS : null;
    const workCpuS = typeof m.result.workCpuS === 'number' ? m.result.workCpuS : null;
    const row: PhaseRow = {
      phase: name, wallS: m.wallS, workS, workCpuS, cpuS: m.cpuS, pages, maxRssMB: m.maxRssMB, treeRssMB: m.treeRssMB,
      outputBytes: out.bytes, files: out.files, load: m.loadBefore, note,
    };
    rows.push(row);
    if (m.exitCode !== 0) problems.push(`${name} exited with ${m.exitCode}: ${String(m.result.failed ?? m.stderr.slice(-600))}`);
    log(`  ${name}: ${m.wallS.toFixed(2)} s wall, ${m.cpuS.toFixed(2)} CPU-s, ${m.maxRssMB.toFixed(0)} MB peak${note ? ` (${note})` : ''}`);
    return row;
  };
  const json = (o: object) => JSON.stringify(o);

  log(`generating ${options.bulletins} bulletins in ${relative(REPO, work) || work} (load ${loadavg()[0]!.toFixed(2)})`);
  const genStarted = performance.now();
  const archive = writeArchive(contentDir, { bulletins: options.bulletins, seed: options.seed });
  rows.push({
    phase: 'generate', wallS: (performance.now() - genStarted) / 1000, workS: null, workCpuS: null, cpuS: Number.NaN, pages: archive.files,
    maxRssMB: Number.NaN, treeRssMB: Number.NaN, outputBytes: archive.bytes, files: archive.files, load: loadavg()[0]!,
    note: `${archive.articles} articles + ${archive.briefs} briefs written`,
  });

  const parse = await runTs(join(BENCH_DIR, 'phases.ts'), ['parse', json({ contentDir, outputDir: siteDir })], { cwd: REPO });
  const records = Number(parse.result.records ?? 0);
  const inputBytes = Number(parse.result.inputBytes ?? archive.bytes);
  if (Number(parse.result.errors ?? 0) > 0) problems.push(`parser reported ${String(parse.result.errors)} errors, e.g. ${json(parse.result.firstErrors ?? [])}`);
  phase('parse', parse, records, { bytes: 0, files: 0 },
    `${(inputBytes / 1e6 / (Number(parse.result.workS) || parse.wallS)).toFixed(1)} MB/s; ${records} records, ${String(parse.result.warnings ?? '?')} warnings`);

  const render = await runTs(join(BENCH_DIR, 'phases.ts'), ['render', json({ contentDir, outputDir: siteDir })], { cwd: REPO });
  const renderAvailable = render.result.unavailable === undefined;
  if (renderAvailable) {
    const out = treeSize(siteDir);
    const r = render.result as Record<string, number | string>;
    const breakdown = r.eleventyS === undefined ? `${String(r.via ?? '')} (parse + model + Eleventy)`
      : `${String(r.via)}; in-process: parse ${fmt(Number(r.parseS))} s, model ${fmt(Number(r.modelS))} s, Eleventy ${fmt(Number(r.eleventyS))} s (work s/CPU exclude the parse)`;
    phase('render', render, out.htmlFiles, out, breakdown);
  } else log(`  render: ${String(render.result.unavailable)}`);

  let build: Measurement | null = null;
  if (options.endToEnd || !renderAvailable) {
    // The end-to-end build writes to its own folder so the phase outputs stay comparable.
    const buildDir = renderAvailable ? join(work, 'build') : siteDir;
    build = await runTs(join(BENCH_DIR, 'phases.ts'), ['build', json({ contentDir, outputDir: buildDir })], { cwd: REPO });
    if (build.result.unavailable) {
      problems.push(String(build.result.unavailable));
      build = null;
    } else {
      const out = treeSize(buildDir);
      phase('build (end to end)', build, out.htmlFiles, out, 'buildSite: parse + render + index + swap');
    }
  }

  const site = treeSize(siteDir);
  const index = treeSize(join(siteDir, 'pagefind'));
  const pageHtml = { files: site.htmlFiles - index.htmlFiles, bytes: site.htmlBytes - index.htmlBytes };
  if (pageHtml.files > 0) {
    const indexRun = await runTs(join(BENCH_DIR, 'phases.ts'), ['index', json({ contentDir, outputDir: siteDir })], { cwd: REPO });
    const written = treeSize(join(siteDir, 'pagefind'));
    // The phase re-parses the archive for its records, which the end-to-end build already holds in memory.
    const modelCpuS = Number(indexRun.result.modelCpuS ?? 0);
    phase('index', indexRun, pageHtml.files, written,
      `${String(indexRun.result.errors ?? '?')} errors; ${fmt(modelCpuS)} of its CPU-s re-parse the archive for the records, `
        + `so indexing alone took ${fmt(indexRun.cpuS - modelCpuS)} CPU-s (Node and Pagefind)`);
    if (!renderAvailable && build) {
      // Without a render-only entry point, render is what the end-to-end build spent beyond parsing and indexing.
      const estimate = (key: 'wallS' | 'cpuS') => build![key] - parse[key] - indexRun[key];
      rows.push({
        phase: 'render (estimated)', wallS: estimate('wallS'), workS: null, workCpuS: null, cpuS: estimate('cpuS'), pages: pageHtml.files,
        maxRssMB: Number.NaN, treeRssMB: Number.NaN, outputBytes: pageHtml.bytes, files: site.files - written.files, load: build.loadBefore,
        note: 'build − parse − index',
      });
    }
  } else problems.push('no HTML pages were rendered, so there is nothing to index');

  const indexOut = treeSize(join(siteDir, 'pagefind'));
  let floorRow: PhaseRow | null = null;
  if (pageHtml.files > 0) {
    const manifest = join(work, 'pages.json');
    writeFileSync(manifest, json(htmlManifest(siteDir)));
    const floor = await runTs(join(BENCH_DIR, 'floor.ts'), [json({ manifest, contentDir, outputDir: floorDir })], { cwd: REPO });
    const out = treeSize(floorDir);
    floorRow = phase('floor', floor, out.htmlFiles, out, 'template literals + writeFileSync');
  }

  const get = (name: string) => rows.find((r) => r.phase === name || r.phase === `${name} (estimated)`);
  const ratios: Record<string, number> = {};
  const renderRow = get('render');
  const buildRow = get('build (end to end)');
  if (floorRow && renderRow) {
    const parseRow = get('parse');
    if (renderRow.workCpuS !== null && floorRow.workCpuS !== null) {
      ratios['render work CPU / floor work CPU'] = renderRow.workCpuS / floorRow.workCpuS;
      // renderSite parses the bulletins itself; without that parse, render is model + Eleventy.
      if (render.result.via === 'renderSite' && parseRow?.workCpuS != null) {
        ratios['render work CPU without parse / floor work CPU'] = (renderRow.workCpuS - parseRow.workCpuS) / floorRow.workCpuS;
      }
    }
    ratios['render CPU / floor CPU'] = renderRow.cpuS / floorRow.cpuS;
    ratios['render wall / floor wall'] = renderRow.wallS / floorRow.wallS;
  }
  if (floorRow && buildRow) {
    ratios['build CPU / floor CPU'] = buildRow.cpuS / floorRow.cpuS;
    ratios['build wall / floor wall'] = buildRow.wallS / floorRow.wallS;
  }
  const report: BenchReport = {
    bulletins: options.bulletins, inputBytes, records, articles: Number(parse.result.articles ?? 0),
    htmlPages: pageHtml.files, htmlBytes: pageHtml.bytes, indexBytes: indexOut.bytes, indexFiles: indexOut.files,
    rows, ratios, problems, machine: { cpus: cpus().length, loadAtEnd: loadavg() },
  };
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  return report;
}

/** Every HTML page outside the search bundle, as [path, bytes]: what the floor has to reproduce. */
function htmlManifest(siteDir: string): [string, number][] {
  const pages: [string, number][] = [];
  const stack = [siteDir];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !(dir === siteDir && entry.name === 'pagefind')) stack.push(path);
      else if (entry.isFile() && entry.name.endsWith('.html')) pages.push([relative(siteDir, path), statSync(path).size]);
    }
  }
  return pages;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const mb = (bytes: number) => (bytes > 0 ? (bytes / 1e6).toFixed(1) : '–');

export function formatReport(report: BenchReport): string {
  const header = ['phase', 'wall s', 'work s', 'CPU s', 'work CPU s', 'pages', 'pages/s', 'peak RSS MB', 'tree RSS MB', 'out MB', 'files', 'load'];
  const lines = report.rows.map((r) => [
    r.phase, fmt(r.wallS), r.workS === null ? '–' : fmt(r.workS), fmt(r.cpuS), r.workCpuS === null ? '–' : fmt(r.workCpuS), String(r.pages),
    r.pages > 0 && r.wallS > 0 ? fmt(r.pages / r.wallS, 0) : '–', fmt(r.maxRssMB, 0), fmt(r.treeRssMB, 0), mb(r.outputBytes),
    r.files > 0 ? String(r.files) : '–', fmt(r.load),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [
    `N = ${report.bulletins} bulletins: ${mb(report.inputBytes)} MB of text, ${report.records} records (${report.articles} articles), `
      + `${report.htmlPages} HTML pages (${mb(report.htmlBytes)} MB), index ${mb(report.indexBytes)} MB in ${report.indexFiles} files`,
    '',
    row(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(row),
    '',
    ...report.rows.filter((r) => r.note).map((r) => `${r.phase}: ${r.note}`),
    ...Object.entries(report.ratios).map(([k, v]) => `${k} = ${fmt(v, 1)}×`),
    `machine: ${report.machine.cpus} CPUs, load at end ${report.machine.loadAtEnd.map((l) => l.toFixed(2)).join(' ')}`,
    'wall/CPU/peak RSS are measured outside each phase process (node start-up and children included); work s and work CPU s',
    'are the phase alone inside its process (for index, work CPU excludes the Pagefind binary, which CPU s includes);',
    'peak RSS is the largest single process (ru_maxrss), tree RSS the largest sampled sum over the process tree (Node + Pagefind).',
    ...report.problems.map((p) => `PROBLEM: ${p}`),
  ];
  return out.join('\n');
}

function readArgs(): BenchOptions & { json?: string } {
  const { values } = parseArgs({
    options: {
      bulletins: { type: 'string', default: '100' },
      seed: { type: 'string', default: '42' },
      keep: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const bulletins = Number(values.bulletins);
  if (!Number.isInteger(bulletins) || bulletins < 1) throw new Error('--bulletins must be a positive integer');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { bulletins, seed, keep: values.keep, endToEnd: !values['no-build'], json: values.json };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = readArgs();
  const report = await runBench(options);
  console.log(formatReport(report));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}
