// `npm run accuracy [-- --misses]`: the parser against every labelled bulletin (the seeds' reviewed records, the
// hand-written unseen bulletin and the development corpus), per bulletin and overall. `--misses` lists each
// record, field, caption and break it got wrong.
import { join } from 'node:path';
import { f1, loadLabelledBulletins, scoreBulletin, share, totals, type Tally } from '../src/quality/accuracy.js';

const showMisses = process.argv.includes('--misses');
const scores = loadLabelledBulletins(join(import.meta.dirname, '../tests/fixtures')).map((b) => scoreBulletin(b));

const pct = (t: Tally) => (t.of === 0 ? '     —' : `${(100 * share(t)).toFixed(1).padStart(5)}%`);
const ratio = (x: number) => x.toFixed(3);
const header = ['bulletin'.padEnd(26), 'recs', 'found', ' P    ', ' R    ', ' F1   ', ' roles', ' dates', ' colmn', ' bylin', ' capts', ' ledes', 'breaks', 'lost'];
console.log(header.join(' '));
for (const s of scores) {
  const { precision, recall, f1: f } = f1(s.found, s.parsed, s.labelled);
  console.log(
    [s.name.padEnd(26), `${s.parsed}/${s.labelled}`.padStart(4), String(s.found).padStart(5), ratio(precision), ratio(recall), ratio(f), pct(s.roles), pct(s.dates), pct(s.columns), pct(s.bylines), pct(s.captions), pct(s.ledes), `${s.breaks.right}/${s.breaks.of}`.padStart(6), String(s.lost + s.invented).padStart(4)].join(' '),
  );
  if (showMisses) for (const miss of s.misses) console.log(`    ${miss}`);
}
const all = totals(scores);
console.log(
  [
    'all'.padEnd(26),
    `${all.parsed}/${all.labelled}`.padStart(4),
    String(all.found).padStart(5),
    ratio(all.precision),
    ratio(all.recall),
    ratio(all.f1),
    pct(all.roles),
    pct(all.dates),
    pct(all.columns),
    pct(all.bylines),
    pct(all.captions),
    pct(all.ledes),
    `${all.breaks.right}/${all.breaks.of}`.padStart(6),
    String(all.lost + all.invented).padStart(4),
  ].join(' '),
);
