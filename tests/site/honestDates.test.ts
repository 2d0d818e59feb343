// Dates that say what is known (issue 13): a record whose day the bulletin never stated (近日, no date) must not claim
// the 1st of the month in any machine-readable date, and every list shows its date the way the article does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { feedDateTime, knownDate, publishedDate } from '../../src/site/dates.js';
import { attr, readPage, SEED_SITE, text, within, structuredData } from '../support/page.js';
import { expectedDate, loadSeeds } from '../support/seeds.js';

const { records } = loadSeeds();
const site = (path: string) => readPage(SEED_SITE, path);
const approximate = records.filter((r) => r.record.dateApprox);
const exact = records.filter((r) => !r.record.dateApprox);

test('the seeds hold records whose day is unknown, in issues whose day is unknown too', () => {
  expect(approximate.length).toBeGreaterThan(10);
  expect(approximate.every((r) => r.record.dateOrigin.day !== 'stated' && !r.bulletin.meta.issueDayKnown)).toBe(true);
});

describe('an article whose day is unknown claims only its month', () => {
  test.each(approximate.map((r) => [r.path, r] as const))('%s', (path, { record }) => {
    const month = record.date.slice(0, 7);
    const page = site(path);
    const time = within(page.one('article', 'class', 'record'), 'time')[0]!;
    expect(attr(time, 'datetime')).toBe(month);
    expect(text(time)).toBe(expectedDate(record.date, true));
    const ld = structuredData(page, 'NewsArticle');
    expect(ld.datePublished).toBe(month);
    expect(ld.isPartOf.datePublished, 'a month-only issue claims no day either').toBe(month);
    expect(attr(page.one('meta', 'property', 'article:published_time'), 'content')).toBe(month);
    expect(page.html).not.toContain(`${record.date}T00:00:00`);
  });
});

describe('an article whose day is known keeps the full date', () => {
  test.each(exact.map((r) => [r.path, r] as const))('%s', (path, { record }) => {
    const page = site(path);
    expect(attr(within(page.one('article', 'class', 'record'), 'time')[0]!, 'datetime')).toBe(record.date);
    const ld = structuredData(page, 'NewsArticle');
    expect(ld.datePublished).toBe(`${record.date}T00:00:00+08:00`);
    expect(attr(page.one('meta', 'property', 'article:published_time'), 'content')).toBe(`${record.date}T00:00:00+08:00`);
  });
});

describe('rules for an issue that has its own full date', () => {
  const approx = { date: '2024-01-05', dateApprox: true };
  const issue = { date: '2024-01-05', dayKnown: true };
  test('<time datetime> shows what the page shows: the month', () => {
    expect(knownDate(approx)).toBe('2024-01');
    expect(knownDate({ date: '2024-01-03', dateApprox: false })).toBe('2024-01-03');
  });
  test('JSON-LD and Open Graph may use the issue’s own date', () => {
    expect(publishedDate(approx, issue)).toBe('2024-01-05T00:00:00+08:00');
    expect(publishedDate({ date: '2024-01-01', dateApprox: true }, { date: '2024-01-01', dayKnown: false })).toBe('2024-01');
  });
  test('a feed, which needs a full timestamp, uses the issue date', () => {
    expect(feedDateTime({ date: '2023-12-01', dateApprox: true }, issue)).toBe('2024-01-05T00:00:00+08:00');
    expect(feedDateTime({ date: '2024-01-03', dateApprox: false }, issue)).toBe('2024-01-03T00:00:00+08:00');
  });
});

describe('lists read the date as the article does', () => {
  const byPath = new Map(records.map((r) => [r.path, r.record]));
  const listed = (path: string) =>
    site(path)
      .all('li')
      .map((li) => ({ href: attr(within(li, 'a')[0] ?? li, 'href'), time: within(li, 'time')[0] }))
      .filter((x): x is { href: string; time: NonNullable<typeof x.time> } => x.href !== undefined && x.time !== undefined && byPath.has(x.href));

  test.each(['/', '/archive/2023/', '/archive/2024/'])('%s', (path) => {
    const items = listed(path);
    expect(items.length).toBeGreaterThan(0);
    for (const { href, time } of items) {
      const record = byPath.get(href)!;
      expect(attr(time, 'datetime'), href).toBe(knownDate(record));
      expect(text(time), href).toBe(expectedDate(record.date, record.dateApprox, record.dateEnd));
    }
  });

  test('the column index’s 最近 is its newest record’s date as that record shows it, never a weekday for a month', () => {
    const page = site('/columns/');
    const items = within(page.one('ul', 'class', 'record-list'), 'li');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) {
      const column = text(within(li, 'a')[0]!);
      const newest = records
        .filter((r) => r.record.column === column)
        .map((r) => r.record)
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0]!;
      const time = within(li, 'time')[0]!;
      expect(text(time), column).toBe(expectedDate(newest.date, newest.dateApprox, newest.dateEnd));
      expect(attr(time, 'datetime'), column).toBe(knownDate(newest));
      if (newest.dateApprox) expect(text(time)).not.toMatch(/日|星期/);
    }
  });
});

describe('feeds', () => {
  test('no entry claims a day its record does not know, beyond the issue date a feed requires', () => {
    const feed = JSON.parse(readFileSync(join(SEED_SITE, 'feed.json'), 'utf8'));
    const byUrl = new Map(records.map((r) => [r.path, r]));
    for (const item of feed.items) {
      const seed = byUrl.get(new URL(item.url).pathname)!;
      const expected = seed.record.dateApprox ? seed.bulletin.meta.issueDate : seed.record.date;
      expect(item.date_published, item.url).toBe(`${expected}T00:00:00+08:00`);
    }
  });
});
