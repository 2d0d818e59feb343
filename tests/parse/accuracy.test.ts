// The parser's score on every labelled bulletin (seeds, the hand-written unseen one, the development corpus and
// the blind set), with floors just under what it reaches: a change that loses accuracy fails here. The table
// itself is `npm run accuracy`; `npm run accuracy -- --misses` says what went wrong.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelledBulletins, scoreBulletin, share, totals } from '../../src/quality/accuracy.js';

const labelled = loadLabelledBulletins(join(import.meta.dirname, '../fixtures'));
const scores = labelled.map((b) => scoreBulletin(b));
const all = totals(scores);

/** Reached on 2026-12-02 over 298 labelled records: F1, columns, bylines, captions 1.000; dates 0.997; roles 0.990. */
const FLOORS = { f1: 0.98, dates: 0.97, roles: 0.97, columns: 0.97, bylines: 0.95, captions: 0.95 };

describe('accuracy on the labelled bulletins', () => {
  it('reads the seeds, the unseen bulletin, the corpus and the blind set', () => {
    expect(labelled.filter((b) => b.name.startsWith('corpus/'))).toHaveLength(10);
    expect(labelled.filter((b) => b.name.startsWith('blind/'))).toHaveLength(4);
    expect(labelled.filter((b) => b.name.startsWith('blind-2/'))).toHaveLength(4);
    expect(labelled.filter((b) => b.name.startsWith('blind-3/'))).toHaveLength(4);
    expect(labelled.filter((b) => b.name.startsWith('blind-4/'))).toHaveLength(5);
    expect(labelled.filter((b) => b.name.startsWith('blind-5/'))).toHaveLength(5);
    expect(all.labelled).toBeGreaterThanOrEqual(298);
  });

  it.each(Object.entries(FLOORS))('%s stays at or above its floor', (metric, floor) => {
    const value = metric === 'f1' ? all.f1 : share(all[metric as Exclude<keyof typeof FLOORS, 'f1'>]);
    expect(value, scores.flatMap((s) => s.misses.map((m) => `${s.name}: ${m}`)).join('\n')).toBeGreaterThanOrEqual(floor);
  });

  it('rejoins every sentence a page break cut', () => {
    expect(all.breaks.right).toBe(all.breaks.of);
    expect(all.breaks.of).toBeGreaterThanOrEqual(49);
  });

  it('loses and invents no letter or digit in any labelled bulletin', () => {
    expect(scores.filter((s) => s.lost + s.invented > 0).map((s) => s.name)).toEqual([]);
  });
});

describe('the scorer', () => {
  it('counts a missed record against found, dates and roles alike', () => {
    const [corpus] = labelled.filter((b) => b.name === 'corpus/2026-03');
    const parsed = scoreBulletin(corpus!);
    const withoutFirst = { ...corpus!, records: [{ ...corpus!.records[0]!, title: '不存在的标题' }, ...corpus!.records.slice(1)] };
    const worse = scoreBulletin(withoutFirst);
    expect(worse.found).toBe(parsed.found - 1);
    expect(worse.dates.right).toBe(parsed.dates.right - 1);
    expect(worse.roles.right).toBe(parsed.roles.right - 1);
    expect(worse.misses[0]).toMatch(/^not found: article 「不存在的标题」/u);
  });
});
