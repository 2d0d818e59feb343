// The page model's rules, one by one: ASCII paths that no title decides, Chinese dates, prefixes, collisions.
import { describe, expect, test } from 'vitest';
import { chineseDate, displayDate, isoDateTime } from '../../src/site/dates.js';
import { escapeHtml, jsonForScript } from '../../src/site/escape.js';
import { renderBody } from '../../src/site/markdown.js';
import { buildModel } from '../../src/site/model.js';
import { columnId, issueKey, normalizePrefix } from '../../src/site/urls.js';
import { loadSeeds } from '../support/seeds.js';

describe('dates read as a Chinese newspaper prints them', () => {
  test.each([
    ['2023-11-02', false, '2023年11月2日 星期四'],
    ['2024-02-29', false, '2024年2月29日 星期四'],
    ['2024-12-01', false, '2024年12月1日 星期日'],
    ['2023-11-01', true, '2023年11月'],
  ])('%s (approximate: %s) reads %s', (date, approx, shown) => {
    expect(displayDate({ date, dateApprox: approx })).toBe(shown);
  });

  test.each([
    ['2024-11-27', '2024-11-28', '2024年11月27日至28日'],
    ['2024-11-30', '2024-12-02', '2024年11月30日至12月2日'],
    ['2024-12-30', '2025-01-02', '2024年12月30日至2025年1月2日'],
  ])('a range %s to %s reads %s', (date, dateEnd, shown) => {
    expect(displayDate({ date, dateApprox: false, dateEnd })).toBe(shown);
  });

  test('midnight in Chongqing is +08:00 whatever the machine’s zone', () => {
    expect(isoDateTime('2023-11-02')).toBe('2023-11-02T00:00:00+08:00');
    expect(chineseDate('2023-12-31')).toBe('2023年12月31日 星期日');
  });
});

describe('URLs', () => {
  test.each([
    ['/', ''],
    ['', ''],
    ['/archive/', '/archive'],
    ['archive', '/archive'],
    ['/a/b/', '/a/b'],
  ])('path prefix %j becomes %j', (given, normal) => {
    expect(normalizePrefix(given)).toBe(normal);
  });

  test.each(['/../x/', '/档案/', '/a b/'])('path prefix %j is refused', (given) => {
    expect(() => normalizePrefix(given)).toThrow();
  });

  test('a Chinese column name becomes a stable eight-character ASCII id, never a slug of the name', () => {
    expect(columnId('渝工之家')).toMatch(/^[0-9a-f]{8}$/);
    expect(columnId('渝工之家')).toBe(columnId('渝工之家'));
    expect(columnId('渝工之家')).not.toBe(columnId('渝工港湾'));
  });

  test.each([
    [{ issue: '2023-12', slug: 'year-end' }, '2023-12-year-end'],
    [{ issue: '2023-11', slug: null }, '2023-11'],
    [{ issue: '2023-11', slug: '2023-11' }, '2023-11'],
    [{ issue: '2024-01-05', slug: null }, '2024-01-05'],
  ])('issue %j lives under /issues/%s/', (meta, key) => {
    expect(issueKey({ ...meta, file: 'x.txt' })).toBe(key);
  });

  test('every path in the seed model is short ASCII', () => {
    const { bulletins } = loadSeeds();
    const { model } = buildModel(bulletins);
    const paths = [...model!.records.map((r) => r.path), ...model!.issues.map((i) => i.path), ...model!.sitemap.map((e) => e.path)];
    for (const path of paths) expect(path).toMatch(/^\/[A-Za-z0-9/_-]*$/);
  });

  test('two records that would share a URL fail the build, naming both places', () => {
    const { bulletins } = loadSeeds();
    const copy = structuredClone(bulletins[0]!);
    copy.meta = { ...copy.meta, issue: '2030-01', issueDate: '2030-01-01', slug: null, file: 'content/bulletins/2030-01.txt' };
    copy.records = copy.records.map((r) => ({ ...r, source: { ...r.source, file: 'content/bulletins/2030-01.txt' } }));
    const { model, errors } = buildModel([...bulletins, copy]);
    expect(model).toBeNull();
    expect(errors.length).toBeGreaterThan(0);
    expect(String(errors[0])).toMatch(/^content\/bulletins\/2030-01\.txt:\d+:\d+: .* already uses$/);
    expect(errors[0]!.message).toContain(bulletins[0]!.meta.file);
  });
});

describe('issue names', () => {
  const issueNames = (bulletins: ReturnType<typeof loadSeeds>['bulletins']) =>
    Object.fromEntries(buildModel(bulletins).model!.issues.map((issue) => [issue.ref.key, [issue.ref.name, issue.ref.shortName]]));

  test('a slug stays in the URL; a reader sees the issue by its date alone', () => {
    const { bulletins } = loadSeeds();
    expect(issueNames(bulletins)['2023-12-year-end']).toEqual(['2023年12月', '本期']);
  });

  test('two issues that would share a name are told apart by their slugs', () => {
    const { bulletins } = loadSeeds();
    const yearEnd = bulletins.find((b) => b.meta.slug === 'year-end')!;
    const regular = structuredClone(yearEnd);
    regular.meta = { ...regular.meta, slug: null, file: 'content/bulletins/2023-12.txt' };
    regular.records = [];
    expect(issueNames([...bulletins, regular])).toMatchObject({
      '2023-12': ['2023年12月', '本期'],
      '2023-12-year-end': ['2023年12月 · year-end', '本期 · year-end'],
    });
  });
});

describe('escaping', () => {
  test('HTML escaping covers the five specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('JSON for a script element cannot close it', () => {
    const json = jsonForScript({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script> & \u2028');
  });

  test.each([
    ['<b>粗体</b>', '<p>&lt;b&gt;粗体&lt;/b&gt;</p>'],
    ['{{ 7*7 }} {% raw %}', '<p>{{ 7*7 }} {% raw %}</p>'],
    ['1. 第一\n\n- 列表\n\n> 引用', '<p>1. 第一</p>\n<p>- 列表</p>\n<p>&gt; 引用</p>'],
    ['\\[链接\\](javascript:x) \\*强调\\*', '<p>[链接](javascript:x) *强调*</p>'],
    ['http://example.com/', '<p>http://example.com/</p>'],
  ])('body %j renders as %j', (body, html) => {
    expect(renderBody(body).trim()).toBe(html);
  });

  test('body sections never skip a heading level', () => {
    expect(renderBody('### 一\n\n文\n\n#### 二\n\n文', 2)).toMatch(/^<h2>一<\/h2>\n<p>文<\/p>\n<h3>二<\/h3>/);
    expect(renderBody('## 一\n\n文', 4)).toMatch(/^<h4>一<\/h4>/);
  });
});
