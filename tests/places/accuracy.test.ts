// Floors for the district and union tagger on the hand-made truth (tests/fixtures/places-truth.json); the goal is 0.95
// recall and precision on every set. `npx tsx scripts/places-accuracy.ts --misses` prints the numbers and each miss.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTruth, precision, recall, scoreSet, sum } from '../../src/places/accuracy.js';

const root = join(import.meta.dirname, '../..');
const FLOOR = 0.95;

describe.each(loadTruth(root).map((set) => [set.name, set] as const))('tagging on %s', (_name, set) => {
  const score = scoreSet(root, set);

  it('finds every labelled record', () => {
    expect(score.unmatched).toEqual([]);
  });

  it(`reaches ${FLOOR} recall and precision on districts`, () => {
    expect(recall(score.district), score.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
    expect(precision(score.district), score.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
    expect(score.district.truePositives).toBeGreaterThan(0);
  });

  it(`reaches ${FLOOR} recall and precision on districts and unions together`, () => {
    const all = sum(score.district, score.union);
    expect(recall(all), score.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
    expect(precision(all), score.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe('the scorer', () => {
  it('counts a missed label and a false find', () => {
    const score = scoreSet(root, {
      name: 'probe',
      dir: 'content/bulletins',
      heldOut: false,
      records: [{ file: '2024-12.txt', id: '2c9c66e4', title: '重庆市总工会召开全市工会财务工作会议', places: ['jiangbei', 'beibei'], unions: [] }],
    });
    // The record names 江北区, 沙坪坝区, 永川区, 武隆区 and 忠县; 北碚 is not among them.
    expect(score.district).toEqual({ truePositives: 1, falsePositives: 4, falseNegatives: 1 });
    expect(score.misses).toContain('2024-12.txt 重庆市总工会召开全市工会财务工作会议: missed 北碚区');
  });
});
