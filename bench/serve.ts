// How long after an editor saves a bulletin does `npm start` serve the updated page? Generates an archive, starts
// scripts/serve.ts on it, changes one article a few times and polls its URL until the change is served.
//
//   tsx bench/serve.ts [--bulletins 1000] [--rounds 3] [--port 8391] [--keep]
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/load.js';
import { buildModel } from '../src/site/model.js';
import { writeArchive } from './generate.js';
import { treeRssBytes } from './lib/measure.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');

const { values } = parseArgs({
  options: {
    bulletins: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    port: { type: 'string', default: '8391' },
    keep: { type: 'boolean', default: false },
  },
});
const bulletins = Number(values.bulletins);
// Not under bench/.work: Eleventy's watcher skips git-ignored paths, so edits there would never be seen.
const work = join(tmpdir(), `bench-serve-${bulletins}`);
const contentDir = join(work, 'content');
const outputDir = join(work, 'site');
rmSync(work, { recursive: true, force: true });
writeArchive(contentDir, { bulletins, seed: 42 });

// The article to edit: the first record of a bulletin in the middle of the archive.
const { bulletins: parsed } = loadContent(contentDir);
const { model } = buildModel(parsed);
if (!model) throw new Error('the generated archive does not build a site model');
const target = model.records.find((page) => page.issue.key === parsed[Math.floor(parsed.length / 2)]!.meta.issue)!;
const file = resolve(target.record.source.file);
const base = `http://localhost:${values.port}`;
const url = `${base}${target.url}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function get(address: string): Promise<string | null> {
  try {
    const response = await fetch(address);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

console.log(`serving ${bulletins} bulletins (${model.records.length} records); editing ${target.record.source.file} → ${target.url}; load ${loadavg()[0]!.toFixed(2)}`);
const started = performance.now();
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--content', contentDir, '--output', outputDir, '--port', values.port!], {
  cwd: REPO,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (chunk) => (log += chunk));
server.stderr.on('data', (chunk) => (log += chunk));
let peakRss = 0;
const sampler = setInterval(() => server.pid && (peakRss = Math.max(peakRss, treeRssBytes(server.pid))), 200);

try {
  while ((await get(url)) === null) {
    if (server.exitCode !== null) throw new Error(`serve.ts exited with ${server.exitCode}:\n${log.slice(-2000)}`);
    if (performance.now() - started > 15 * 60_000) throw new Error('the page was not served within 15 minutes');
    await sleep(250);
  }
  console.log(`first build served after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sleep(3000);

  const original = readFileSync(file, 'utf8');
  const lines = original.split('\n');
  // A body paragraph of the target article: a long line inside its source span.
  const lineIndex = lines.findIndex((line, i) => i >= target.record.source.startLine - 1 && i < target.record.source.endLine && line.length > 40);
  if (lineIndex < 0) throw new Error(`no body paragraph found in ${file} lines ${target.record.source.startLine}-${target.record.source.endLine}`);
  const rounds: number[] = [];
  for (let round = 1; round <= Number(values.rounds); round++) {
    const marker = `基准测试标记第${round}次修改`;
    lines[lineIndex] = `${lines[lineIndex]!.replace(/基准测试标记第\d+次修改/, '')}${marker}`;
    const logBefore = log.length;
    const saved = performance.now();
    writeFileSync(file, lines.join('\n'));
    for (;;) {
      const html = await get(url);
      if (html?.includes(marker)) break;
      if (performance.now() - saved > 10 * 60_000) throw new Error(`round ${round}: the change was not served within 10 minutes`);
      await sleep(25);
    }
    const seconds = (performance.now() - saved) / 1000;
    rounds.push(seconds);
    const wrote = /Wrote \d+ files?[^\n]*/.exec(log.slice(logBefore))?.[0] ?? '';
    console.log(`round ${round}: updated page served ${seconds.toFixed(2)} s after the save (load ${loadavg()[0]!.toFixed(2)}) ${wrote}`);
    await sleep(2000);
  }
  writeFileSync(file, original);
  const sorted = [...rounds].sort((a, b) => a - b);
  console.log(`median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s; peak RSS of the dev server ${(peakRss / 2 ** 20).toFixed(0)} MB; goal < 2 s`);
} finally {
  clearInterval(sampler);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('close', r));
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
