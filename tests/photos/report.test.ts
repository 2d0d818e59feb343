// `npm run report` for an editor who added photos: which caption got which photo, captions with none, files never
// used, and every photo error with its line; exit 1 when a photo is bad.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { drawPhoto, LEDE, makeContent, MORE } from './support.js';

const run = promisify(execFile);
const TSX = resolve('node_modules/.bin/tsx');
const REPORT = resolve('src/cli/report.ts');

async function report(cwd: string, args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, PHOTO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'photo-cache-report-')) };
  try {
    const { stdout } = await run(TSX, [REPORT, ...args], { cwd, env });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('npm run report with photos', () => {
  it('lists each photo with its caption, the captions with no photo and the files never used', async () => {
    const text = `市总工会召开全市工会财务工作会议\n\n图：开场.jpg\n替代文本：主席台全景\n\n${LEDE}\n\n\n图：会场.jpg 图为会议现场。\n\n\n${MORE}\n\n\n图为没有照片的说明。\n`;
    const dir = makeContent({ '2024-12-05': text, '2024-12-12': `另一期的标题在这里写\n\n${LEDE}\n` }, {
      '2024-12-05': { '开场.jpg': await drawPhoto(640, 480, 1), '会场.jpg': await drawPhoto(640, 400, 2), '多余.jpg': await drawPhoto(64, 64, 3) },
      '2024-12-19': { '孤儿.jpg': await drawPhoto(64, 64, 4) },
    });
    const { code, out } = await report(join(dir, '..'), []);
    expect(code).toBe(0);
    // Without arguments the report reads content/ under the working folder, as npm run report does.
    expect(out).toContain('photo L3 content/bulletins/2024-12-05/开场.jpg (640×480) → no caption; 替代文本 「主席台全景」; in 「市总工会召开全市工会财务工作会议」');
    expect(out).toContain('photo L9 content/bulletins/2024-12-05/会场.jpg (640×400) → caption 「图为会议现场。」; in 「市总工会召开全市工会财务工作会议」');
    expect(out).toContain('caption with no photo: 「图为没有照片的说明。」 in 「市总工会召开全市工会财务工作会议」');
    expect(out).toMatch(/photos never used \(not published\):\n {2}content\/bulletins\/2024-12-05\/多余\.jpg: no 图： mark in content\/bulletins\/2024-12-05\.txt names it\n {2}content\/bulletins\/2024-12-19\/孤儿\.jpg: no bulletin 2024-12-19\.txt beside its folder/);
  }, 60_000);

  it('names every bad photo with its line and exits 1', async () => {
    const dir = makeContent({ '2024-12-05': `市总工会召开全市工会财务工作会议\n\n${LEDE}\n\n图：缺.jpg 图为会场。\n\n图：坏.jpg\n替代文本：会场\n` }, {
      '2024-12-05': { '坏.jpg': 'not a jpeg' },
    });
    const { code, out } = await report(join(dir, '..'), ['content/bulletins/2024-12-05.txt']);
    expect(code).toBe(1);
    expect(out).toContain('photo L5 content/bulletins/2024-12-05/缺.jpg (NOT PUBLISHED, see the error below) → caption 「图为会场。」');
    expect(out).toMatch(/content\/bulletins\/2024-12-05\.txt:5:1: error: 图：缺\.jpg: no file of that name in content\/bulletins\/2024-12-05\/ \(it holds 坏\.jpg\)/);
    expect(out).toMatch(/content\/bulletins\/2024-12-05\.txt:7:1: error: 图：坏\.jpg: content\/bulletins\/2024-12-05\/坏\.jpg: not an image sharp can read/);
  }, 60_000);
});
