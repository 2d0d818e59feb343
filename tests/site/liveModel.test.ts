// `npm start` re-renders only what an edit changed: the pages of the edited bulletin and the pages that show it.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { LiveModel, PAGINATED } from '../../src/site/eleventy/siteData.js';

const ROOT = 'tests/.output/site-tests/live';
const CONTENT = join(ROOT, 'content');
const EDITED = join(CONTENT, 'bulletins', '2023-04.txt');

beforeEach(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  cpSync('content', CONTENT, { recursive: true });
});

describe('the dev server’s model', () => {
  test('hands Eleventy every page first, then none while nothing changes', () => {
    const live = new LiveModel(CONTENT, {});
    const first = live.next();
    expect(first.records.length).toBeGreaterThan(20);
    expect(first.issues).toHaveLength(4);
    live.commit();
    const again = live.next();
    for (const kind of PAGINATED) expect(again[kind], kind).toEqual([]);
  });

  test('after an edit, hands over the edited bulletin’s pages and leaves other bulletins’ pages alone', () => {
    const live = new LiveModel(CONTENT, {});
    const before = live.next();
    live.commit();
    const text = readFileSync(EDITED, 'utf8');
    const sentence = '活动现场邀请了女职工权益保护法律专家';
    expect(text).toContain(sentence);
    writeFileSync(EDITED, text.replace(sentence, `${sentence}和工会干部`));

    const after = live.next();
    const editedIssue = before.issues.find((i) => i.ref.key === '2023-04')!;
    // The issue page lists titles only, and the edit did not touch one.
    expect(after.issues).toEqual([]);
    expect(after.sources.map((s) => s.issue.key)).toEqual(['2023-04']);
    const changed = after.records.find((r) => r.record.body.includes('和工会干部'));
    expect(changed, 'the edited article is re-rendered').toBeDefined();
    expect(after.records.every((r) => r.issue.key === '2023-04'), 'records of other bulletins are not').toBe(true);
    expect(after.records.length).toBeLessThanOrEqual(editedIssue.articleCount + editedIssue.briefCount);
  });

  test('after a headline edit, also hands over the pages that list that headline', () => {
    const live = new LiveModel(CONTENT, {});
    const before = live.next();
    live.commit();
    const text = readFileSync(EDITED, 'utf8');
    const elsewhere = before.records.filter((r) => r.issue.key !== '2023-04');
    const title = before.records
      .filter((r) => r.issue.key === '2023-04' && text.includes(r.record.title))
      .map((r) => r.record.title)
      .find((t) => elsewhere.some((r) => r.related.some((l) => l.title === t)));
    expect(title, 'a headline of this bulletin is listed as related by another bulletin').toBeDefined();
    const listing = elsewhere.filter((r) => r.related.some((l) => l.title === title));
    writeFileSync(EDITED, text.replace(title!, `${title}（图）`));

    const after = live.next();
    expect(after.issues.map((i) => i.ref.key)).toEqual(['2023-04']);
    const paths = after.records.map((r) => r.path);
    for (const page of listing) expect(paths, `${page.path} lists the headline among related articles`).toContain(page.path);
    expect(after.yearPages.length + after.columnPages.length).toBeGreaterThan(0);
  });

  test('renders everything again after a template changes', () => {
    const live = new LiveModel(CONTENT, {});
    const all = live.next().records.length;
    live.commit();
    live.forgetRendered();
    expect(live.next().records).toHaveLength(all);
  });

  test('reports every bad bulletin as file:line instead of serving half a site', () => {
    const live = new LiveModel(CONTENT, {});
    live.next();
    writeFileSync(join(CONTENT, 'bulletins', '2025-03.txt'), Buffer.from([0, 1, 2, 0]));
    expect(() => live.next()).toThrow(/2025-03\.txt:\d+:\d+: error/);
  });
});
