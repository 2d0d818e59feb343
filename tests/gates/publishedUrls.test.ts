// Gate: a published address never breaks. content/published-urls.json lists every address the site has published
// and must be current (CI fails otherwise); in a copy of the seeds, a corrected title leaves a redirect page at the
// old address and the feed id it was first published under, and a removed bulletin or record stops the build until
// the editor retires its address in the same file.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load.js';
import { buildModel } from '../../src/site/model.js';
import { REGISTRY_FILE } from '../../src/site/publishedUrls.js';
import { DEFAULT_SITE_ORIGIN } from '../../src/site/urls.js';
import { runBuildCli } from '../support/cli.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';
import { serveStatic } from '../support/server.js';
import { builtSite, filesIn, SEED_CONTENT } from '../support/site.js';
import { htmlErrors } from '../support/validate.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Builds in these tests only read the registry, unless a test records on purpose as `npm run build` does. */
const CHECK = { PUBLISHED_URLS: 'check' };
const RECORD = { PUBLISHED_URLS: 'record' };

interface Registry {
  retired: Record<string, string>;
  urls: Record<string, { issue: string; title?: string; to?: string; first?: string; order?: number }>;
}
/** `npm run build -- …` itself, as an editor runs it: the one build that records. */
function npmRunBuild(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build', '--', ...args], {
      env: { ...process.env, GITHUB_ACTIONS: '', PUBLISHED_URLS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

const registryOf = (content: string): Registry => JSON.parse(readFileSync(join(content, REGISTRY_FILE), 'utf8'));
const page = (site: string, path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
const refreshOf = (html: string) => /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];

function recordsOf(content: string) {
  const loaded = loadContent(content);
  expect(loaded.errors.map(String)).toEqual([]);
  const built = buildModel(loaded.bulletins, {});
  expect(built.errors.map(String)).toEqual([]);
  return built.model!;
}

/** The addresses Pagefind indexed (its fragments are gzipped JSON after a signature). */
function indexedUrls(site: string): string[] {
  return filesIn(join(site, 'pagefind'))
    .filter((file) => file.endsWith('.pf_fragment'))
    .map((file) => JSON.parse(gunzipSync(readFileSync(join(site, 'pagefind', file))).toString('utf8').replace(/^pagefind_dcd/, '')).url as string);
}

function replaceAll(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.split(from).join(to));
}

describe('content/published-urls.json', () => {
  it('records every address the seed bulletins publish (if not: run `npm run build` and commit the file)', () => {
    const model = recordsOf(SEED_CONTENT);
    expect(model.publishedUrls, `${SEED_CONTENT}/${REGISTRY_FILE} is missing`).not.toBeNull();
    expect(model.publishedUrls!.changed, `${SEED_CONTENT}/${REGISTRY_FILE} is out of date: run \`npm run build\` and commit it`).toBe(false);
    expect(model.redirects.filter((r) => r.reason === 'retired')).toEqual([]);
  });

  it('every address in it is served by the seed build: a page or a redirect page', () => {
    const site = builtSite('site');
    for (const path of Object.keys(registryOf(SEED_CONTENT).urls)) expect(() => page(site.dir, path), path).not.toThrow();
  });
});

describe('a corrected title', () => {
  const root = scratchDir('published-urls', 'title');
  const content = join(root, 'content');
  const before = join(root, 'site-before');
  const after = join(root, 'site-after');
  let oldPath: string;
  let oldTitle: string;
  let newPath: string;
  let newTitle: string;
  let bulletin: string;

  beforeAll(async () => {
    copyTree(SEED_CONTENT, content);
    const model = recordsOf(content);
    // The newest article, so it is in the feeds.
    const entry = model.feeds[0]!.entries[0]!.page;
    oldPath = entry.path;
    oldTitle = entry.record.title;
    bulletin = entry.record.source.file;
    expect((await runBuildCli(['--content', content, '--output', before, '--quiet'], { env: CHECK })).code).toBe(0);

    newTitle = `${oldTitle}（更正）`;
    replaceAll(bulletin, oldTitle, newTitle);
    const run = await runBuildCli(['--content', content, '--output', after, '--quiet'], { env: CHECK });
    expect(run.code, run.output).toBe(0);
    const moved = recordsOf(content).records.find((r) => r.record.title === newTitle)!;
    newPath = moved.path;
  }, 120_000);

  it('moves the article to a new address', () => {
    expect(newPath).not.toBe(oldPath);
    expect(page(before, oldPath)).toContain(`<h1>`);
    expect(page(after, newPath)).toContain(newTitle);
  });

  it('leaves a redirect page at the old address: meta refresh, canonical and a visible link to the new one', () => {
    const html = page(after, oldPath);
    expect(refreshOf(html)).toBe(newPath);
    expect(canonicalOf(html)).toBe(`${DEFAULT_SITE_ORIGIN}${newPath}`);
    expect(html).toContain(`<a href="${newPath}">${newTitle}</a>`);
    expect(html).not.toContain('<script');
  });

  it('keeps the feed entry id the article was first published under, with a link to the new address', () => {
    const atom = readFileSync(join(after, 'feed.xml'), 'utf8');
    const entry = atom.split('<entry>').find((e) => e.includes(`<title>${newTitle}</title>`))!;
    expect(entry).toContain(`<id>${DEFAULT_SITE_ORIGIN}${oldPath}</id>`);
    expect(entry).toContain(`<link href="${DEFAULT_SITE_ORIGIN}${newPath}"/>`);
    const before_ = readFileSync(join(before, 'feed.xml'), 'utf8');
    expect(before_).toContain(`<id>${DEFAULT_SITE_ORIGIN}${oldPath}</id>`);
    const json = JSON.parse(readFileSync(join(after, 'feed.json'), 'utf8'));
    const item = json.items.find((i: { title: string }) => i.title === newTitle);
    expect(item).toMatchObject({ id: `${DEFAULT_SITE_ORIGIN}${oldPath}`, url: `${DEFAULT_SITE_ORIGIN}${newPath}` });
  });

  it('lists the new address, not the redirect, in the sitemap and the search index', () => {
    const sitemap = readFileSync(join(after, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${newPath}</loc>`);
    expect(sitemap).not.toContain(`${oldPath}</loc>`);
    const indexed = indexedUrls(after);
    expect(indexed).toContain(newPath);
    expect(indexed).not.toContain(oldPath);
  });

  it('gives valid HTML on every page, the redirect page included', async () => {
    expect(await htmlErrors(after)).toEqual([]);
  });

  it('is recorded by `npm run build` ("to" and "first"), and the recorded file builds the very same site', async () => {
    expect(registryOf(content).urls[newPath], 'a build that only checks leaves the file alone').toBeUndefined();
    const recorded = join(root, 'site-recorded');
    const run = await npmRunBuild(['--content', content, '--output', recorded]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/recorded 1 new address\(es\) and 1 moved address\(es\) in .*published-urls\.json/);
    const registry = registryOf(content);
    expect(registry.urls[oldPath]).toMatchObject({ title: oldTitle, to: newPath });
    expect(registry.urls[newPath]).toMatchObject({ title: newTitle, first: oldPath });
    expect(differences(fingerprint(after), fingerprint(recorded))).toEqual([]);
    const again = await runBuildCli(['--content', content, '--output', recorded], { env: RECORD });
    expect(again.output, 'nothing more to record').not.toMatch(/recorded .* in /);
  }, 120_000);

  it('corrected again, the first address and the second both point straight at the third; the feed id stays', async () => {
    const thirdTitle = `${oldTitle}（再更正）`;
    replaceAll(bulletin, newTitle, thirdTitle);
    const third = join(root, 'site-third');
    const run = await runBuildCli(['--content', content, '--output', third, '--quiet'], { env: CHECK });
    expect(run.code, run.output).toBe(0);
    const thirdPath = recordsOf(content).records.find((r) => r.record.title === thirdTitle)!.path;
    expect(refreshOf(page(third, oldPath))).toBe(thirdPath);
    expect(refreshOf(page(third, newPath))).toBe(thirdPath);
    expect(readFileSync(join(third, 'feed.xml'), 'utf8')).toContain(`<id>${DEFAULT_SITE_ORIGIN}${oldPath}</id>`);
  }, 120_000);

  describe('in Chromium', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveStatic>>;
    beforeAll(async () => {
      server = await serveStatic(after);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('the old address takes the reader to the new one', async () => {
      const tab = await browser.newPage();
      try {
        await tab.goto(server.urlOf(oldPath));
        await tab.waitForURL(server.urlOf(newPath), { timeout: 10_000 });
        expect(await tab.locator('h1').first().textContent()).toContain(newTitle);
      } finally {
        await tab.close();
      }
    });

    it.each(['light', 'dark'] as const)('the redirect page has no axe violations (%s)', async (colorScheme) => {
      const context = await browser.newContext({ colorScheme, locale: 'zh-CN' });
      try {
        const tab = await context.newPage();
        // A 204 answer to the refresh keeps the browser on the redirect page, so axe checks that page.
        await tab.route(server.urlOf(newPath), (route) => route.fulfill({ status: 204 }));
        await tab.goto(server.urlOf(oldPath), { waitUntil: 'load' });
        await tab.waitForTimeout(300);
        expect(tab.url()).toBe(server.urlOf(oldPath));
        const results = await new AxeBuilder({ page: tab }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});

describe('a removed bulletin or record', () => {
  const root = scratchDir('published-urls', 'removed');
  const content = join(root, 'content');
  const site = join(root, 'site');
  const retire = (path: string, reason: string) => {
    const file = join(content, REGISTRY_FILE);
    const registry = JSON.parse(readFileSync(file, 'utf8'));
    registry.retired[path] = reason;
    writeFileSync(file, JSON.stringify(registry, null, 2));
  };

  beforeAll(async () => {
    copyTree(SEED_CONTENT, content);
    expect((await runBuildCli(['--content', content, '--output', site, '--quiet'], { env: CHECK })).code).toBe(0);
  }, 120_000);

  it('a bulletin deleted: the build fails, naming the issue address and how to retire it, and leaves the site as it was', async () => {
    const file = readdirSync(join(content, 'bulletins')).sort().at(-1)!;
    const key = file.replace(/\.txt$/, '');
    const snapshot = fingerprint(site);
    rmSync(join(content, 'bulletins', file));
    const run = await runBuildCli(['--content', content, '--output', site], { env: CHECK });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(new RegExp(`published-urls\\.json:\\d+:1: error: /issues/${key}/ \\(issue ${key} and \\d+ of its records\\) was published`));
    expect(run.output).toContain(`add "/issues/${key}/": "<why>" under "retired"`);
    expect(differences(snapshot, fingerprint(site))).toEqual([]);

    retire(`/issues/${key}/`, '重复上传，已删除');
    const retired = await runBuildCli(['--content', content, '--output', site, '--quiet'], { env: CHECK });
    expect(retired.code, retired.output).toBe(0);
    expect(refreshOf(page(site, `/issues/${key}/`))).toBe('/archive/');
    const records = Object.entries(registryOf(content).urls).filter(([path, e]) => e.issue === key && !path.startsWith('/issues/'));
    expect(records.length).toBeGreaterThan(0);
    for (const [path] of records) expect(refreshOf(page(site, path)), path).toBe('/archive/');
    expect(await htmlErrors(site)).toEqual([]);
  }, 120_000);

  it('one article cut from its bulletin: the build fails naming its address; retired, it points to its issue page', async () => {
    const model = recordsOf(content);
    const victim = model.records.filter((r) => r.record.kind === 'article' && r.record.order > 0).at(-1)!;
    const file = victim.record.source.file;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(victim.record.source.startLine - 1, victim.record.source.endLine - victim.record.source.startLine + 1);
    writeFileSync(file, lines.join('\n'));
    const run = await runBuildCli(['--content', content, '--output', site], { env: CHECK });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`error: ${victim.path} (“${victim.record.title}”, issue ${victim.issue.key}) was published`);
    expect(run.output).toContain(`add "${victim.path}": "<why>" under "retired"`);

    retire(victim.path, '与上期重复');
    const retired = await runBuildCli(['--content', content, '--output', site, '--quiet'], { env: CHECK });
    expect(retired.code, retired.output).toBe(0);
    const html = page(site, victim.path);
    expect(refreshOf(html)).toBe(victim.issue.url);
    expect(canonicalOf(html)).toBe(`${DEFAULT_SITE_ORIGIN}${victim.issue.url}`);
    expect(html).toContain('本文已撤下');
  }, 120_000);
});

describe('a registry an editor broke', () => {
  it('stops the build with the file and line', async () => {
    const root = scratchDir('published-urls', 'broken');
    const content = join(root, 'content');
    copyTree(SEED_CONTENT, content);
    const file = join(content, REGISTRY_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"retired": {}', '"retired": {"/../../etc/": "x"}'));
    const run = await runBuildCli(['--content', content, '--output', join(root, 'site')], { env: CHECK });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/published-urls\.json:\d+:1: error: "\/\.\.\/\.\.\/etc\/" is not a record or issue address/);
  }, 60_000);
});
