import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { GAZETTEER, placeListings, tagAll } from '../../src/places/index.js';

const root = join(import.meta.dirname, '../..');
const dir = 'content/bulletins';
const records = readdirSync(join(root, dir))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => parseBulletin(readFileSync(join(root, dir, f)), join(dir, f)).records);

describe('placeListings over the seeds', () => {
  const listings = placeListings(records);

  it('lists every gazetteer entry once, in gazetteer order, empty ones included', () => {
    expect(listings.map((l) => l.entry.id)).toEqual(GAZETTEER.map((e) => e.id));
    expect(listings.some((l) => l.records.length === 0)).toBe(true);
  });

  it('gives each entry exactly the records whose tags name it, newest first', () => {
    const tags = tagAll(records);
    for (const { entry, records: listed } of listings) {
      expect(new Set(listed)).toEqual(new Set(records.filter((r) => tags.get(r)!.some((t) => t.id === entry.id))));
      for (let i = 1; i < listed.length; i++) expect(listed[i - 1]!.date >= listed[i]!.date).toBe(true);
    }
    const yongchuan = listings.find((l) => l.entry.id === 'yongchuan')!;
    expect(yongchuan.records.map((r) => r.title)).toEqual([
      '重庆市总工会召开全市工会财务工作会议',
      '永川区职工活动中心三教分中心揭牌仪式暨2024年永川区职工活动中心三教分中心职工运动会开幕式举行',
      '全国总工会文工团“中国梦·劳动美”慰问演出走进重庆',
      '重庆市总工会召开六届二次常委（扩大）会议',
    ]);
  });

  it('does not depend on the order records come in', () => {
    const reversed = placeListings([...records].reverse());
    expect(reversed.map((l) => l.records.map((r) => r.id))).toEqual(listings.map((l) => l.records.map((r) => r.id)));
  });
});
