// Bad photos: each is an error at its mark's line naming the file, all reported in one run, and the build fails
// closed. Good photos are encoded once: the second run finds them in the cache.
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { loadContent } from '../../src/load.js';
import { preparePhotos } from '../../src/photos/index.js';
import { drawPhoto, LEDE, makeContent, MORE } from './support.js';

const TITLE = '市总工会召开全市工会财务工作会议';
const cacheDir = () => mkdtempSync(join(tmpdir(), 'photo-cache-'));

describe('photo checks', () => {
  it('reports every bad photo at once, each at its mark’s line with the file and what to do', async () => {
    const good = await drawPhoto(600, 400);
    const marks = ['不是图.jpg', '截断.jpg', '缺失.jpg', '大小写.jpg', '巨幅.jpg', '超大.jpg', '链接.jpg', '动图.gif', '../外面.jpg', '好.jpg'];
    const text = `${TITLE}\n\n${LEDE}\n\n${marks.map((m, i) => `图：${m} 图为第${i + 1}张照片。`).join('\n\n')}\n\n${MORE}\n`;
    const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const dir = makeContent(
      { '2024-12-05': text },
      {
        '2024-12-05': {
          '不是图.jpg': '这是一段文字，不是照片。\n',
          '截断.jpg': good.subarray(0, Math.floor(good.length * 0.6)),
          '大小写.JPG': good,
          '巨幅.jpg': huge,
          '超大.jpg': Buffer.alloc(21 * 1024 * 1024, 0xff),
          '好.jpg': good,
          '动图.gif': 'GIF89a',
        },
      },
    );
    symlinkSync('/etc/passwd', join(dir, 'bulletins/2024-12-05/链接.jpg'));
    const loaded = loadContent(dir);
    expect(loaded.errors).toEqual([]);
    const check = await preparePhotos(loaded.bulletins, { cacheDir: cacheDir(), contentDir: dir });
    const byLine = new Map(check.errors.map((e) => [e.line, e.message]));
    const file = join(dir, 'bulletins/2024-12-05.txt');
    expect(new Set(check.errors.map((e) => e.file))).toEqual(new Set([file]));
    // Line of each mark: title 1, blank, lede 3, blank, then one mark every other line from 5.
    const line = (name: string) => 5 + 2 * marks.indexOf(name);
    expect(byLine.get(line('不是图.jpg'))).toMatch(/^图：不是图\.jpg: .*不是图\.jpg: not an image sharp can read .*save it as JPEG, PNG or WebP/);
    expect(byLine.get(line('截断.jpg'))).toMatch(/damaged or cut short/);
    expect(byLine.get(line('缺失.jpg'))).toMatch(/no file of that name in .*2024-12-05\/ \(it holds /);
    expect(byLine.get(line('大小写.jpg'))).toMatch(/but there is 大小写\.JPG; names must match exactly/);
    expect(byLine.get(line('巨幅.jpg'))).toMatch(/7000×6000 is 42\.0 megapixels, over the 40-megapixel cap/);
    expect(byLine.get(line('超大.jpg'))).toMatch(/22020096 bytes, over the 20971520-byte cap for one photo/);
    expect(byLine.get(line('链接.jpg'))).toMatch(/a symbolic link to \/etc\/passwd, not a plain file/);
    expect(byLine.get(line('动图.gif'))).toMatch(/GIF files are not published; save it as JPEG, PNG or WebP/);
    expect(byLine.get(line('../外面.jpg'))).toMatch(/with no folder in the name/);
    expect(byLine.has(line('好.jpg'))).toBe(false);
    expect(check.errors).toHaveLength(9);
    // The one good photo is encoded and the files nobody named are listed.
    expect(check.uses.find((u) => u.photo.file === '好.jpg')!.photo.image).toBeDefined();
    expect(check.unused.map((u) => u.path.split('/').pop())).toEqual(['大小写.JPG']);
  });

  it('the build fails closed with every photo error, and leaves the output folder as it was', async () => {
    const dir = makeContent(
      { '2024-12-05': `${TITLE}\n\n${LEDE}\n\n图：缺失.jpg 图为会场。\n`, '2024-12-12': `${TITLE}二\n\n${LEDE}\n\n图：坏.png\n替代文本：会场\n` },
      { '2024-12-12': { '坏.png': 'not a png' } },
    );
    const output = join(dir, 'site');
    writeFileSync(join(dir, 'marker'), '');
    const result = await buildSite({ contentDir: dir, outputDir: output, quiet: true });
    expect(result.ok).toBe(false);
    expect(result.errors.filter((e) => !e.startsWith('::'))).toEqual([
      expect.stringMatching(/2024-12-05\.txt:5:1: error: 图：缺失\.jpg: no photo folder .*2024-12-05\/ beside the bulletin/),
      expect.stringMatching(/2024-12-12\.txt:5:1: error: 图：坏\.png: .*not an image/),
    ]);
    expect(existsSync(output)).toBe(false);
  });

  it('a second run takes every photo from the cache and encodes nothing', async () => {
    const dir = makeContent({ '2024-12-05': `${TITLE}\n\n${LEDE}\n\n图：a.jpg 图为会场。\n\n图：b.png\n替代文本：会场全景\n` }, {
      '2024-12-05': { 'a.jpg': await drawPhoto(1000, 700, 1), 'b.png': await drawPhoto(500, 500, 2, 'png') },
    });
    const cache = cacheDir();
    const first = await preparePhotos(loadContent(dir).bulletins, { cacheDir: cache });
    expect(first.errors).toEqual([]);
    expect(first.encoded).toBe(2);
    const second = await preparePhotos(loadContent(dir).bulletins, { cacheDir: cache });
    expect(second.encoded).toBe(0);
    expect([...second.files]).toEqual([...first.files]);
    // An encoding deleted from the cache by hand is made again, not published missing.
    const [, cachedFile] = [...first.files][0]!;
    writeFileSync(cachedFile, readFileSync(cachedFile).subarray(0, 10));
    const third = await preparePhotos(loadContent(dir).bulletins, { cacheDir: cache });
    expect(third.encoded).toBe(1);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  });
});
