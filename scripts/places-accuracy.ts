// `npx tsx scripts/places-accuracy.ts [--misses]`: the district and union tagger against the hand-made truth, per set
// (seeds and corpus are tuned on; a held-out set is not), districts and unions apart. `--misses` lists each miss.
import { join } from 'node:path';
import { loadTruth, precision, recall, scoreSet, sum, type Counts } from '../src/places/accuracy.js';

const root = join(import.meta.dirname, '..');
const showMisses = process.argv.includes('--misses');
const cell = (c: Counts) =>
  `${recall(c).toFixed(3)} ${precision(c).toFixed(3)} ${`${c.truePositives}/${c.truePositives + c.falseNegatives}/${c.truePositives + c.falsePositives}`.padStart(9)}`;

console.log(`${'set'.padEnd(16)} recs  districts R     P   tp/lab/fnd   unions R     P   tp/lab/fnd`);
for (const set of loadTruth(root)) {
  const s = scoreSet(root, set);
  const name = `${s.name}${s.heldOut ? ' (held out)' : ''}`;
  console.log(`${name.padEnd(16)} ${String(s.records).padStart(4)}  ${cell(s.district)}    ${cell(s.union)}   all R ${recall(sum(s.district, s.union)).toFixed(3)} P ${precision(sum(s.district, s.union)).toFixed(3)}`);
  for (const u of s.unmatched) console.log(`    labelled record not found: ${u}`);
  if (showMisses) for (const m of s.misses) console.log(`    ${m}`);
}
