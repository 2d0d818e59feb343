// The registry of published addresses, rule by rule: how a vanished address finds its successor (issue, position,
// text), what an editor's "to" and "retired" do, and that the file is written the same way every time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  planUrls,
  readRegistry,
  recordsPublishedUrls,
  registryFileFor,
  serializeRegistry,
  signatureSimilarity,
  textSignature,
  type CurrentIssue,
  type CurrentRecord,
  type Registry,
} from '../../src/site/publishedUrls.js';
import { renderRedirect } from '../../src/site/pages/redirect.js';
import { loadSeeds } from '../support/seeds.js';

const FILE = 'content/published-urls.json';
const BODY_A = '近日，市总工会组织开展“职工书屋”阅读分享活动，来自全市各级工会的120余名职工代表参加活动，分享读书心得，交流学习体会。';
const BODY_B = '11月2日，重庆市总工会召开六届二次常委（扩大）会议，传达学习全国总工会十八大精神，部署下一阶段重点工作。';
const BODY_C = '为切实维护新就业形态劳动者权益，区总工会在辖区建成12个“司机之家”，为货车司机提供休息、饮水、如厕等服务。';

const rec = (path: string, title: string, body: string, order: number, issueKey = '2023-11', kind: 'article' | 'brief' = 'article'): CurrentRecord => ({
  path,
  issueKey,
  kind,
  order,
  title,
  body,
});
const issue = (key: string): CurrentIssue => ({ path: `/issues/${key}/`, key });

/** The registry a first build of `records` and `issues` writes. */
function published(records: CurrentRecord[], issues: CurrentIssue[], retired: Record<string, string> = {}) {
  const first = planUrls(FILE, null, records, issues);
  const registry = reread(first.text);
  for (const [path, why] of Object.entries(retired)) registry.retired.set(path, why);
  const text = serializeRegistry(registry);
  return { registry: reread(text), text };
}

function reread(text: string): Registry {
  const dir = join('tests', '.output', 'site-tests', 'published-urls');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `r-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  try {
    return readRegistry(file)!.registry;
  } finally {
    rmSync(file);
  }
}

describe('text similarity', () => {
  test('a corrected typo keeps most of the signature; another article shares little of it', () => {
    const a = textSignature(`市总工会举办阅读分享活动\n${BODY_A}`);
    expect(a).toMatch(/^[0-9a-f]{96}$/);
    expect(signatureSimilarity(a, textSignature(`市总工会举办阅读分享会\n${BODY_A}`))).toBeGreaterThanOrEqual(0.75);
    expect(signatureSimilarity(a, textSignature(`市总工会召开常委会议\n${BODY_B}`))).toBeLessThan(0.25);
  });

  test('is the same on every run', () => {
    expect(textSignature(BODY_A)).toBe(textSignature(BODY_A));
  });
});

describe('a vanished address', () => {
  const before = [rec('/2023/11/02/aaaaaaaa/', '市总工会举办阅读分享活动', BODY_A, 0), rec('/2023/11/02/bbbbbbbb/', '市总工会召开常委会议', BODY_B, 1)];
  const issues = [issue('2023-11')];

  test('whose title was corrected points to the same record under its new id, which keeps the old feed id', () => {
    const loaded = published(before, issues);
    const now = [rec('/2023/11/02/cccccccc/', '市总工会举办读书分享活动', BODY_A, 0), before[1]!];
    const plan = planUrls(FILE, loaded, now, issues);
    expect(plan.errors).toEqual([]);
    expect(plan.redirects).toEqual([{ path: '/2023/11/02/aaaaaaaa/', target: '/2023/11/02/cccccccc/', reason: 'moved' }]);
    expect(plan.feedIds.get('/2023/11/02/cccccccc/')).toBe('/2023/11/02/aaaaaaaa/');
    expect(plan).toMatchObject({ changed: true, added: 1, moved: 1 });
    expect(reread(plan.text).urls.get('/2023/11/02/aaaaaaaa/')!.to).toBe('/2023/11/02/cccccccc/');
  });

  test('is matched by text even when its place in the issue changed', () => {
    const loaded = published(before, issues);
    const now = [rec('/2023/11/02/dddddddd/', '市总工会召开六届二次常委会议', BODY_B, 0), rec('/2023/11/02/aaaaaaaa/', '市总工会举办阅读分享活动', BODY_A, 1)];
    expect(planUrls(FILE, loaded, now, issues).redirects).toEqual([{ path: '/2023/11/02/bbbbbbbb/', target: '/2023/11/02/dddddddd/', reason: 'moved' }]);
  });

  test('with other text in its place is an error with the registry line, until retired; then it points to its issue page', () => {
    const loaded = published(before, issues);
    const now = [before[0]!, rec('/2023/11/02/eeeeeeee/', '区总工会建成司机之家', BODY_C, 1)];
    const plan = planUrls(FILE, loaded, now, issues);
    expect(plan.errors.map(String)).toEqual([
      expect.stringMatching(/^content\/published-urls\.json:\d+:1: \/2023\/11\/02\/bbbbbbbb\/ \(“市总工会召开常委会议”, issue 2023-11\) was published/),
    ]);
    expect(plan.errors[0]!.line).toBeGreaterThan(1);
    const retired = published(before, issues, { '/2023/11/02/bbbbbbbb/': '稿件撤回' });
    const ok = planUrls(FILE, retired, now, issues);
    expect(ok.errors).toEqual([]);
    expect(ok.redirects).toEqual([{ path: '/2023/11/02/bbbbbbbb/', target: '/issues/2023-11/', reason: 'retired' }]);
  });

  test('set by hand with "to" goes there, and follows that address when it moves again', () => {
    const loaded = published(before, issues);
    loaded.registry.urls.get('/2023/11/02/bbbbbbbb/')!.to = '/2023/11/02/aaaaaaaa/';
    const now = [before[0]!, rec('/2023/11/02/eeeeeeee/', '区总工会建成司机之家', BODY_C, 1)];
    expect(planUrls(FILE, loaded, now, issues).redirects).toEqual([{ path: '/2023/11/02/bbbbbbbb/', target: '/2023/11/02/aaaaaaaa/', reason: 'moved' }]);
    const moved = [rec('/2023/11/02/ffffffff/', '市总工会举办读书分享会', BODY_A, 0), now[1]!];
    expect(planUrls(FILE, loaded, moved, issues).redirects).toEqual([
      { path: '/2023/11/02/aaaaaaaa/', target: '/2023/11/02/ffffffff/', reason: 'moved' },
      { path: '/2023/11/02/bbbbbbbb/', target: '/2023/11/02/ffffffff/', reason: 'moved' },
    ]);
  });

  test('of a renamed bulletin (a slug added) finds its issue and its records there', () => {
    const loaded = published(before, issues);
    const now = before.map((r, i) => rec(`/2023/11/02/${'0123'[i]!.repeat(8)}/`, r.title, r.body, r.order, '2023-11-special'));
    const plan = planUrls(FILE, loaded, now, [issue('2023-11-special')]);
    expect(plan.errors).toEqual([]);
    expect(plan.redirects.map((r) => [r.path, r.target])).toEqual([
      ['/2023/11/02/aaaaaaaa/', '/2023/11/02/00000000/'],
      ['/2023/11/02/bbbbbbbb/', '/2023/11/02/11111111/'],
      ['/issues/2023-11/', '/issues/2023-11-special/'],
    ]);
  });

  test('of a deleted bulletin is one error for the issue, until the issue is retired; then all point to /archive/', () => {
    const loaded = published([...before, rec('/2023/12/01/99999999/', '区总工会建成司机之家', BODY_C, 0, '2023-12')], [...issues, issue('2023-12')]);
    const plan = planUrls(FILE, loaded, [before[1]!, before[0]!], issues);
    expect(plan.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^\/issues\/2023-12\/ \(issue 2023-12 and 1 of its records\) was published/)]);
    loaded.registry.retired.set('/issues/2023-12/', '重复上传');
    const ok = planUrls(FILE, loaded, before, issues);
    expect(ok.errors).toEqual([]);
    expect(ok.redirects.map((r) => [r.path, r.target, r.reason])).toEqual([
      ['/2023/12/01/99999999/', '/archive/', 'retired'],
      ['/issues/2023-12/', '/archive/', 'retired'],
    ]);
  });
});

describe('the file', () => {
  test('is sorted, one line per address, and the same for the same records in any order', () => {
    const records = [rec('/2023/11/02/bbbbbbbb/', '乙', BODY_B, 1), rec('/2023/11/02/aaaaaaaa/', '甲', BODY_A, 0)];
    const one = planUrls(FILE, null, records, [issue('2023-11')]).text;
    expect(planUrls(FILE, null, [...records].reverse(), [issue('2023-11')]).text).toBe(one);
    const lines = one.split('\n').filter((l) => l.startsWith('    "/'));
    expect(lines.map((l) => l.slice(5, l.indexOf('"', 5)))).toEqual(['/2023/11/02/aaaaaaaa/', '/2023/11/02/bbbbbbbb/', '/issues/2023-11/']);
    expect(serializeRegistry(reread(one))).toBe(one);
    expect(JSON.parse(one).retired).toEqual({});
  });

  test('lives beside the bulletins folder; records parsed from elsewhere have none', () => {
    expect(registryFileFor(['content/bulletins/2023-11.txt', 'content/bulletins/2024-12.txt'])).toBe(join('content', 'published-urls.json'));
    expect(registryFileFor(['tests/fixtures/bulletins/2023-11/input.txt'])).toBeNull();
    expect(registryFileFor(['a/bulletins/x.txt', 'b/bulletins/y.txt'])).toBeNull();
  });

  test('is written by `npm run build` only (or PUBLISHED_URLS=record); tests, CI checks and the dev server read it', () => {
    expect(recordsPublishedUrls({ npm_lifecycle_event: 'build' })).toBe(true);
    expect(recordsPublishedUrls({ npm_lifecycle_event: 'build', PUBLISHED_URLS: 'check' })).toBe(false);
    expect(recordsPublishedUrls({ npm_lifecycle_event: 'test' })).toBe(false);
    expect(recordsPublishedUrls({ npm_lifecycle_event: 'start' })).toBe(false);
    expect(recordsPublishedUrls({ PUBLISHED_URLS: 'record' })).toBe(true);
  });
});

describe('the redirect page', () => {
  test('under a path prefix, refreshes to and names the prefixed successor, and is canonical to it', () => {
    const html = renderRedirect(
      {
        permalink: '2023/11/02/aaaaaaaa/index.html',
        path: '/2023/11/02/aaaaaaaa/',
        targetPath: '/2023/11/02/cccccccc/',
        targetUrl: '/archive/2023/11/02/cccccccc/',
        targetTitle: '<标题>',
        kind: 'record',
        reason: 'moved',
      },
      { name: '站', origin: 'https://example.org', prefix: '/archive' },
    );
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/archive/2023/11/02/cccccccc/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/archive/2023/11/02/cccccccc/">');
    expect(html).toContain('<a href="/archive/2023/11/02/cccccccc/">&lt;标题&gt;</a>');
    expect(html).not.toContain('noindex');
  });
});

describe('the seed bulletins under npm start', () => {
  test('a published address with no successor is a warning there, not an error', async () => {
    const { buildModel } = await import('../../src/site/model.js');
    const { bulletins } = loadSeeds();
    const fewer = bulletins.slice(0, -1);
    expect(buildModel(fewer, {}).errors.length).toBeGreaterThan(0);
    const live = buildModel(fewer, { vanishedUrls: 'warn' });
    expect(live.errors).toEqual([]);
    expect(live.model).not.toBeNull();
    expect(live.warnings!.length).toBeGreaterThan(0);
  });
});
