// Bulletin text is data: markup and template syntax in a bulletin reach readers as the characters typed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../src/build.js';
import { attr, htmlPages, readPage, text } from '../support/page.js';
import { loadSeeds } from '../support/seeds.js';

const ROOT = 'tests/.output/site-tests/hostile';
const CONTENT = join(ROOT, 'content');
const OUTPUT = join(ROOT, 'site');

const HOSTILE_TITLE = '职工之家<script>alert(1)</script>揭牌 {{ 7*7 }}';
const BULLETIN = `${HOSTILE_TITLE}

5月6日，市总工会在渝中区举行揭牌仪式<script>alert(1)</script>，模板 {{ 7*7 }} 与 {% raw %} 标签照原样显示。

现场还展示了<img src=x onerror=alert(2)>和<a href="javascript:alert(3)">链接</a>，以及 [点击](javascript:alert(4)) 与 &lt;b&gt; 字样。

渝工之家

劳模工匠{{ 8*8 }}进社区 {% include "x" %}

5月8日，劳模工匠走进社区，为居民提供服务。{{ 9*9 }}
`;

let records: ReturnType<typeof loadSeeds>['records'];

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(join(CONTENT, 'bulletins'), { recursive: true });
  writeFileSync(join(CONTENT, 'bulletins', '2024-05.txt'), BULLETIN);
  const result = await buildSite({ contentDir: CONTENT, outputDir: OUTPUT, quiet: true });
  expect(result.errors).toEqual([]);
  records = loadSeeds(CONTENT).records;
});

describe('a bulletin with <script>, {{ }} and {% %} in it', () => {
  test('shows every hostile fragment as literal text on its record page', () => {
    const all = records.map((r) => text(readPage(OUTPUT, r.path).one('main'))).join('\n');
    for (const fragment of ['<script>alert(1)</script>', '{{ 7*7 }}', '{% raw %}', '<img src=x onerror=alert(2)>', '[点击](javascript:alert(4))', '&lt;b&gt', '{{ 9*9 }}']) {
      expect(all, fragment).toContain(fragment);
    }
    expect(all).not.toMatch(/模板\s*49/);
    expect(all).not.toMatch(/服务。\s*81/);
  });

  test('the title is the heading, the <title> and the JSON-LD headline, exactly as written', () => {
    const record = records.find((r) => r.record.title.includes('<script>'))!;
    expect(record, 'the parser kept the hostile headline').toBeDefined();
    const page = readPage(OUTPUT, record.path);
    expect(text(page.one('h1'))).toBe(record.record.title);
    expect(text(page.one('title'))).toContain(record.record.title);
    const ld = page.one('script', 'type', 'application/ld+json');
    expect(text(ld)).not.toContain('<');
    expect([JSON.parse(text(ld))].flat().find((block) => block['@type'] === 'NewsArticle').headline).toBe(record.record.title);
  });

  test.each(['/', '/archive/', '/columns/', '/issues/2024-05/', '/issues/2024-05/source/', '/feed.xml', '/feed.json', '/sitemap.xml'])(
    '%s has no element, attribute or script that came from the bulletin',
    (path) => {
      if (path === '/feed.json') {
        // Titles are plain text in JSON Feed; only content_html is HTML, and it must carry the markup as text.
        const feed = JSON.parse(readPage(OUTPUT, path).html);
        for (const item of feed.items) expect(item.content_html).not.toMatch(/<(script|img|a)\b/);
        return;
      }
      if (!path.endsWith('/')) {
        const page = readPage(OUTPUT, path);
        expect(page.html).not.toContain('<script>alert');
        expect(page.html).not.toContain('<img src=x');
        return;
      }
      const page = readPage(OUTPUT, path);
      expect(page.all('img')).toHaveLength(0);
      expect(page.all('*').filter((e) => e.attrs.some((a) => a.name.startsWith('on')))).toHaveLength(0);
      expect(page.all('a', 'href', /^javascript:/i)).toHaveLength(0);
      // The site's own text-size script is the one script on these pages, and it is a file, not bulletin text.
      const scripts = page.all('script').filter((s) => attr(s, 'type') !== 'application/ld+json');
      expect(scripts.map((s) => attr(s, 'src'))).toEqual(['/assets/text-size.js']);
    },
  );

  test('no built page runs a script from the bulletin', () => {
    for (const path of htmlPages(OUTPUT)) {
      const page = readPage(OUTPUT, path);
      for (const script of page.all('script')) {
        const type = attr(script, 'type');
        if (type === 'application/ld+json') continue;
        expect(attr(script, 'src'), `${path} has an inline script`).toBeDefined();
      }
      expect(page.all('*').filter((e) => e.attrs.some((a) => /^on/i.test(a.name))), path).toHaveLength(0);
    }
  });
});
