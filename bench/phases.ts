// One pipeline phase per process, so bench/run.ts can measure each from the outside:
//   node --import tsx bench/phases.ts <parse|render|index|build> '<json options>'
// Prints a JSON line last; `workS` is the time spent in the phase itself, without Node and module start-up.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { awaitChildrenExit, reportResult } from './lib/measure.js';

interface PhaseOptions {
  contentDir: string;
  outputDir: string;
}

type SiteModule = Record<string, unknown>;

/** Starts a clock; calling the result gives `<name>S` wall seconds and `<name>CpuS` CPU seconds of this process. */
function stopwatch(): (name: string) => Record<string, number> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (name) => {
    const used = process.cpuUsage(cpu);
    return { [`${name}S`]: (performance.now() - wall) / 1000, [`${name}CpuS`]: (used.user + used.system) / 1e6 };
  };
}

const phases: Record<string, (options: PhaseOptions) => Promise<Record<string, unknown>>> = {
  async parse({ contentDir }) {
    const { loadContent } = await import('../src/load.js');
    const clock = stopwatch();
    const { bulletins, warnings, errors } = loadContent(contentDir);
    const { workS, workCpuS } = clock('work') as { workS: number; workCpuS: number };
    const records = bulletins.reduce((n, b) => n + b.records.length, 0);
    const articles = bulletins.reduce((n, b) => n + b.records.filter((r) => r.kind === 'article').length, 0);
    const inputBytes = bulletins.reduce((n, b) => n + Buffer.byteLength(b.meta.text), 0);
    return {
      workS, workCpuS, bulletins: bulletins.length, records, articles, inputBytes, warnings: warnings.length,
      errors: errors.length, firstErrors: errors.slice(0, 3).map(String),
    };
  },

  async render({ contentDir, outputDir }) {
    const site = await loadSiteModule();
    if (typeof site.renderSite !== 'function') {
      return { unavailable: 'src/build.ts exports no renderSite({ contentDir, outputDir }); render time is estimated as build − parse − index' };
    }
    rmSync(outputDir, { recursive: true, force: true });
    const clock = stopwatch();
    const result = await site.renderSite({ contentDir, outputDir, quiet: true });
    return { ...clock('work'), via: 'renderSite', result: summarise(result) };
  },

  async index({ contentDir, outputDir }) {
    const { indexSite } = await import('../src/search/indexSite.js');
    const { searchRecordsOf } = await import('../src/search/searchRecords.js');
    const { loadContent } = await import('../src/load.js');
    const { buildModel } = await import('../src/site/model.js');
    // The build indexes the records its model already holds; here they are parsed again first, which the
    // parse phase measures, so that time is reported apart (modelS) and left out of the work.
    const modelClock = stopwatch();
    const model = buildModel(loadContent(contentDir).bulletins).model;
    if (!model) throw new Error(`${contentDir} does not build a site model`);
    const records = searchRecordsOf(model.records);
    const modelS = modelClock('model');
    // Index what the render wrote, not an index left behind by an earlier build.
    rmSync(join(outputDir, 'pagefind'), { recursive: true, force: true });
    const clock = stopwatch();
    const result = await indexSite(outputDir, records);
    const work = clock('work');
    // indexSite closes the Pagefind service; its CPU counts only once the process is reaped.
    const reaped = await awaitChildrenExit();
    return { ...modelS, ...work, reaped, errors: result.errors.length, firstErrors: result.errors.slice(0, 3), result: summarise(result) };
  },

  async build({ contentDir, outputDir }) {
    const site = await loadSiteModule();
    if (typeof site.buildSite !== 'function') return { unavailable: 'src/build.ts exports no buildSite yet' };
    rmSync(outputDir, { recursive: true, force: true });
    const started = performance.now();
    const result = await site.buildSite({ contentDir, outputDir, quiet: true });
    const workS = (performance.now() - started) / 1000;
    const reaped = await awaitChildrenExit();
    return { workS, reaped, result: summarise(result) };
  },
};

async function loadSiteModule(): Promise<SiteModule> {
  const path = new URL('../src/build.ts', import.meta.url);
  if (!existsSync(path)) return {};
  return (await import(path.href)) as SiteModule;
}

/** Keeps counts and short strings of a phase's result; drops record arrays that would flood the report. */
function summarise(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(item)) out[key] = item.length <= 3 ? item.map(String) : `${item.length} items`;
    else if (typeof item !== 'object' || item === null) out[key] = item;
  }
  return out;
}

const [phase, json] = process.argv.slice(2);
const run = phase ? phases[phase] : undefined;
if (!run || !json) {
  console.error(`usage: phases.ts <${Object.keys(phases).join('|')}> '{"contentDir":…,"outputDir":…}'`);
  process.exit(2);
}
try {
  reportResult(await run(JSON.parse(json) as PhaseOptions));
  process.exit(0);
} catch (error) {
  console.error(error);
  reportResult({ failed: String((error as Error)?.stack ?? error).split('\n').slice(0, 4).join(' | ') });
  process.exit(1);
}
