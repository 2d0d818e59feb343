// `npm run bench:parse [-- --megabytes 50]`: parser throughput over a large corpus made from the seed bulletins.
// Reports MB/s of bulletin text on one core (this process), from decode to records, as the build runs it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBulletin } from '../src/parse/index.js';

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '50' } } });
const megabytes = Number(values.megabytes);
if (!(megabytes > 0)) throw new Error(`--megabytes must be a positive number, not ${values.megabytes}`);
const seedDir = join(import.meta.dirname, '../content/bulletins');
const seeds = readdirSync(seedDir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(join(seedDir, name)) }));

// Each corpus file is one seed under a new weekly issue name, so the parser sees many distinct issues.
const corpus: { name: string; bytes: Buffer }[] = [];
let total = 0;
for (let week = 0; total < megabytes * 1024 * 1024; week++) {
  const seed = seeds[week % seeds.length]!;
  const day = new Date(Date.UTC(2005, 0, 7 + week * 7)).toISOString().slice(0, 10);
  corpus.push({ name: `${day}.txt`, bytes: seed.bytes });
  total += seed.bytes.length;
}

function run(): { seconds: number; records: number } {
  const start = process.cpuUsage();
  let records = 0;
  for (const file of corpus) records += parseBulletin(file.bytes, file.name).records.length;
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, records };
}

run(); // warm-up: JIT and regex compilation, as after the first few files of a real build
const runs = [run(), run(), run()];
const best = runs.reduce((a, b) => (a.seconds < b.seconds ? a : b));
const mb = total / 1024 / 1024;
console.log(`corpus: ${corpus.length} bulletins, ${mb.toFixed(1)} MB of text, ${best.records} records`);
for (const [i, r] of runs.entries()) console.log(`run ${i + 1}: ${r.seconds.toFixed(3)} CPU-s  ${(mb / r.seconds).toFixed(1)} MB/s`);
console.log(`best: ${(mb / best.seconds).toFixed(1)} MB/s on one core (goal ≥ 20, aim 50); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
