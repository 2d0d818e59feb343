// A site built from a bulletin with photos: the markup readers get (picture, srcset, sizes, width/height, alt,
// figcaption, lazy loading), the published files (no EXIF or GPS, upright, served from the site itself), two builds
// with separate caches byte for byte the same, what an article with photos weighs on a phone, and axe on that page.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { launchChromium } from '../support/browser.js';
import { differences, fingerprint } from '../support/fsSnapshot.js';
import { attr, elements, parseHtml, type Element } from '../support/html.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { drawGpsPhoto, drawPhoto, LEDE, makeContent, MORE } from './support.js';

const CAPTION = '图为会议现场。（记者 张三 摄）';
const SECOND = '市总工会开展送温暖活动';
const BULLETIN = [
  '市总工会召开全市工会财务工作会议',
  '',
  '图：开场.jpg',
  '替代文本：主席台上五位代表举手表决',
  '',
  LEDE,
  '',
  '',
  `图：会场.png ${CAPTION}`,
  '',
  '',
  MORE,
  '',
  '',
  '图为没有照片的说明文字。',
  '',
  '---',
  '',
  `标题：${SECOND}`,
  '',
  LEDE.replace('财务工作会议', '送温暖活动'),
  '',
  MORE,
  '',
  '',
  '图：慰问.webp 图为慰问现场。',
  '',
].join('\n');

let content: string;
let siteA: string;
let siteB: string;
let gpsSource: Buffer;

/** The built article page whose <h1> is `title`. */
function article(site: string, title: string): { path: string; html: string } {
  const found: { path: string; html: string }[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(join(site, dir), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}${entry.name}/`);
      else if (entry.name === 'index.html' && /^\/\d{4}\//.test(rel)) {
        const html = readFileSync(join(site, dir, entry.name), 'utf8');
        if (html.includes(`<h1>${title}</h1>`)) found.push({ path: rel, html });
      }
    }
  };
  walk('.', '/');
  expect(found).toHaveLength(1);
  return found[0]!;
}

beforeAll(async () => {
  gpsSource = await drawGpsPhoto(1600, 1200);
  content = makeContent(
    { '2024-12-05': BULLETIN },
    { '2024-12-05': { '开场.jpg': gpsSource, '会场.png': await drawPhoto(1000, 600, 2, 'png'), '慰问.webp': await drawPhoto(700, 500, 4, 'webp') } },
  );
  siteA = join(content, 'site-a');
  siteB = join(content, 'site-b');
  // Separate empty caches: the encodings themselves must be the same every time, not only copies of one cache.
  for (const [output, cache] of [
    [siteA, mkdtempSync(join(tmpdir(), 'photo-cache-a-'))],
    [siteB, mkdtempSync(join(tmpdir(), 'photo-cache-b-'))],
  ] as const) {
    process.env.PHOTO_CACHE_DIR = cache;
    const result = await buildSite({ contentDir: content, outputDir: output, quiet: true });
    expect(result.errors).toEqual([]);
  }
  delete process.env.PHOTO_CACHE_DIR;
});

describe('photos in the built site', () => {
  it('each photo is a figure with WebP and JPEG srcsets, sizes, width/height, alt and its caption, where its mark stood', () => {
    const { html } = article(siteA, '市总工会召开全市工会财务工作会议');
    const doc = parseHtml(html);
    const figures = elements(doc).filter((e) => e.tagName === 'figure' && attr(e, 'class') === 'photo');
    expect(figures).toHaveLength(2);
    const imgOf = (figure: Element) => elements(figure).find((e) => e.tagName === 'img')!;
    for (const figure of figures) {
      const img = imgOf(figure);
      const source = elements(figure).find((e) => e.tagName === 'source')!;
      expect(attr(source, 'type')).toBe('image/webp');
      expect(attr(source, 'srcset')).toMatch(/^\/photos\/[0-9a-f]{20}-480\.webp 480w, \/photos\/[0-9a-f]{20}-800\.webp 800w, /);
      expect(attr(img, 'srcset')).toMatch(/^\/photos\/[0-9a-f]{20}-480\.jpg 480w, \/photos\/[0-9a-f]{20}-800\.jpg 800w, /);
      expect(attr(img, 'src')).toMatch(/^\/photos\/[0-9a-f]{20}-800\.jpg$/);
      for (const e of [source, img]) expect(attr(e, 'sizes')).toBe('(max-width: 42rem) calc(100vw - 2rem), 40rem');
      expect(Number(attr(img, 'width'))).toBeGreaterThan(0);
      expect(Number(attr(img, 'height'))).toBeGreaterThan(0);
    }
    // The portrait camera photo (EXIF orientation 6) is upright: taller than wide. Its alt is the editor's 替代文本.
    const [first, second] = figures.map(imgOf) as [Element, Element];
    expect([attr(first, 'width'), attr(first, 'height')]).toEqual(['800', '1067']);
    expect(attr(first, 'alt')).toBe('主席台上五位代表举手表决');
    expect(attr(first, 'fetchpriority')).toBe('high');
    expect(attr(first, 'loading')).toBeUndefined();
    // The captioned photo: caption as figcaption and as alt, loaded lazily.
    expect(attr(second, 'alt')).toBe('图为会议现场。（记者张三摄）');
    expect(attr(second, 'loading')).toBe('lazy');
    expect([attr(second, 'width'), attr(second, 'height')]).toEqual(['800', '480']);
    expect(html).toContain('<figcaption>图为会议现场。（记者张三摄）</figcaption>');
    // Order: photo without caption, lede, captioned photo, second paragraph; the caption without a photo after the text.
    const order = ['主席台上五位代表', LEDE.slice(0, 10), '图为会议现场', MORE.slice(0, 10), '原刊图片说明（图片未收录）', '图为没有照片的说明文字'];
    const body = html.slice(html.indexOf('<article'));
    const positions = order.map((s) => body.indexOf(s));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The caption is shown once as a figcaption, not again among the captions without photos.
    expect(html.match(/图为会议现场/g)).toHaveLength(2); // figcaption and alt
  });

  it('the first photo is the article’s og:image and JSON-LD image, as an absolute URL of its largest JPEG', () => {
    const { html } = article(siteA, '市总工会召开全市工会财务工作会议');
    const json = newsArticle(html);
    expect(json.image).toEqual({ '@type': 'ImageObject', url: expect.stringMatching(/^https:\/\/archive\.example\.org\/photos\/[0-9a-f]{20}-1200\.jpg$/), width: 1200, height: 1600 });
    const other = newsArticle(article(siteA, SECOND).html);
    expect(other.image.url).toMatch(/-700\.jpg$/);
    // And its og:image, with the size social sites read before fetching it.
    const og = (name: string) => new RegExp(`<meta property="og:image${name}" content="([^"]*)">`).exec(html)?.[1];
    expect([og(''), og(':width'), og(':height')]).toEqual([json.image.url, '1200', '1600']);
    expect(og(':alt')).toBe('主席台上五位代表举手表决');
  });

  it('every image a page names is a file of the site itself', () => {
    const published = new Set(readdirSync(join(siteA, 'photos')).map((f) => `/photos/${f}`));
    const named = new Set<string>();
    for (const title of ['市总工会召开全市工会财务工作会议', SECOND]) {
      const doc = parseHtml(article(siteA, title).html);
      for (const e of elements(doc).filter((el) => el.tagName === 'img' || el.tagName === 'source')) {
        for (const url of [attr(e, 'src'), ...(attr(e, 'srcset') ?? '').split(', ').map((s) => s.split(' ')[0])]) if (url) named.add(url);
      }
    }
    expect(named.size).toBe(16); // 3 photos: 3 + 3 + 2 widths (the 700 px one has no 800 or 1280), × WebP and JPEG
    for (const url of named) expect(published).toContain(url);
    expect([...published].filter((p) => !named.has(p))).toEqual([]);
  });

  it('published files carry no EXIF, GPS, XMP, IPTC or ICC data, though the source had GPS', async () => {
    const meta = await sharp(gpsSource).metadata();
    expect(hasGpsIfd(meta.exif!)).toBe(true);
    expect(meta.orientation).toBe(6);
    const files = readdirSync(join(siteA, 'photos'));
    expect(files.length).toBe(16);
    for (const file of files) {
      const bytes = readFileSync(join(siteA, 'photos', file));
      const out = await sharp(bytes).metadata();
      expect({ file, exif: out.exif, xmp: out.xmp, iptc: out.iptc, icc: out.icc, orientation: out.orientation }).toEqual({ file, exif: undefined, xmp: undefined, iptc: undefined, icc: undefined, orientation: undefined });
      expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
      expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);
    }
  });

  it('two builds with separate caches are byte-identical, photos and search index included', () => {
    const a = fingerprint(siteA);
    expect([...a.keys()].filter((f) => f.startsWith('photos/'))).toHaveLength(16);
    expect(differences(a, fingerprint(siteB))).toEqual([]);
  });
});

describe('an article with photos in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(siteA, '/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a 390 px phone it loads the 800 px WebP of each photo, none of the JPEGs, and nothing moves as they load', async () => {
    const { path } = article(siteA, '市总工会召开全市工会财务工作会议');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      server.resetCounters();
      await page.goto(server.urlOf(path), { waitUntil: 'load' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
      const photos = server.requests().filter((r) => r.startsWith('/photos/'));
      expect(photos.sort()).toEqual([expect.stringMatching(/-800\.webp$/), expect.stringMatching(/-800\.webp$/)]);
      const photoBytes = server.pageBytes(/^\/photos\//);
      const pageBytes = server.bytesSent() - photoBytes;
      // Counted apart: the article's own HTML, CSS and icons, and its photos.
      console.info(`article page at 390 px, DPR 2: page ${pageBytes} bytes, photos ${photoBytes} bytes (${photos.length} files)`);
      expect(pageBytes).toBeLessThan(60_000);
      expect(photoBytes).toBeLessThan(2 * 100_000);
      // Each photo is drawn at the column's width in the box its width/height reserved.
      const boxes = await page.$$eval('figure img', (imgs) => imgs.map((img) => img.getBoundingClientRect().width));
      expect(boxes).toHaveLength(2);
      for (const width of boxes) expect(width).toBeGreaterThan(300);
      // A photo drawn without its reserved box moves everything below it (0.05 and more at this size). The bound is
      // tests/site/steadyLoad.test.ts's: a busy machine may paint the page half-parsed, as a slow line does.
      const shifts = await page.evaluate(
        () =>
          new Promise<{ value: number; moved: string[] }[]>((resolve) => {
            const seen: { value: number; moved: string[] }[] = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node | null }[] })[]) {
                seen.push({ value: entry.value, moved: (entry.sources ?? []).map((source) => source.node?.nodeName ?? 'a removed node') });
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(seen), 200);
          }),
      );
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      expect(total, JSON.stringify(shifts)).toBeLessThan(0.0003);
    } finally {
      await context.close();
    }
  });

  it('axe finds no violations, light and dark', async () => {
    const { path } = article(siteA, '市总工会召开全市工会财务工作会议');
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme, locale: 'zh-CN' });
      const page = await context.newPage();
      try {
        await page.goto(server.urlOf(path), { waitUntil: 'load' });
        expect(await page.locator('figure img').count()).toBe(2);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        // The image rules ran on the photos rather than finding nothing to check.
        expect(results.passes.find((r) => r.id === 'image-alt')?.nodes.length).toBe(2);
      } finally {
        await context.close();
      }
    }
  });

  it('in print each photo is at most half the column and kept on one page with its caption', async () => {
    const { path } = article(siteA, '市总工会召开全市工会财务工作会议');
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(server.urlOf(path), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const figures = await page.$$eval('figure.photo', (list) =>
        list.map((f) => ({ share: f.getBoundingClientRect().width / f.parentElement!.getBoundingClientRect().width, breakInside: getComputedStyle(f).breakInside })),
      );
      expect(figures).toHaveLength(2);
      for (const figure of figures) expect(figure).toEqual({ share: expect.closeTo(0.5, 2), breakInside: 'avoid' });
    } finally {
      await context.close();
    }
  });
});

/** The page's NewsArticle JSON-LD, wherever it stands (one script or several, a list or an @graph). */
function newsArticle(html: string): Record<string, any> {
  const items = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap((m) => {
    const json = JSON.parse(m[1]!);
    return [json, ...(Array.isArray(json) ? json : []), ...(json['@graph'] ?? [])];
  });
  const found = items.find((item) => item?.['@type'] === 'NewsArticle');
  expect(found).toBeDefined();
  return found;
}

/** Whether a sharp `exif` buffer (`Exif\0\0` + TIFF) has a GPS IFD pointer (tag 0x8825) in IFD0. */
function hasGpsIfd(exif: Buffer): boolean {
  const tiff = exif.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  for (let i = 0; i < u16(ifd); i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}
