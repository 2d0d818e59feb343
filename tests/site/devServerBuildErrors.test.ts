// A bulletin that cannot be built never stops `npm start`: present when it starts (Eleventy's first build threw out
// of `watch()` and the process exited) or saved while it runs. The terminal names the file and line, the browser
// shows a page that does too instead of the last good page (upstream only logs it in DevTools' console), and the
// save that fixes the file brings the site back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, get, printed, startLiveDevServer, type LiveDevServer } from './support/liveDevServer.js';

let server: LiveDevServer;

const BROKEN = '2023-13.txt';
// `2023-13` is no calendar date: the file is refused with its name and line.
const BROKEN_TEXT = '标题\n';
const FIXED_TEXT = '---\ndate: 2023-12-05\n---\n# 市总工会召开专题会议\n\n会议要求，各级工会要切实做好职工服务工作。\n';
const ERROR_LINE = /2023-13\.txt:1:1: error: issue date 2023-13 is not a calendar date/;

beforeAll(async () => {
  server = await startLiveDevServer('build-errors', (bulletins) => writeFileSync(join(bulletins, BROKEN), BROKEN_TEXT));
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('npm start with a bulletin that cannot be built', () => {
  it('starts anyway and names the file and line in the terminal', async () => {
    expect(await eventually(() => ERROR_LINE.test(server.log()), 20_000)).toBe(true);
    expect(server.exited(), server.log().slice(-1500)).toBe(false);
  });

  it('answers a page request with a page that names the file and line, and reloads itself once fixed', async () => {
    for (const path of ['/', '/issues/2023-04/', '/no-such-page/']) {
      const page = await get(server.port, path);
      expect(page.status, path).toBe(500);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toMatch(ERROR_LINE);
      // Upstream's live-reload client, inline: the fixing save reloads the page.
      expect(page.body).toContain('class EleventyReload');
      // No stack trace, and no absolute path of the machine beyond the content folder the editor gave.
      expect(page.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(page.body).not.toContain(process.cwd());
    }
  });

  it('names no file to a page addressed by another name (DNS rebinding)', async () => {
    const page = await get(server.port, '/', { accept: 'text/html', host: `rebind.example:${server.port}` });
    expect(page.status).toBe(500);
    expect(page.body).not.toContain('2023-13');
  });

  it('leaves files that are not pages alone', async () => {
    expect((await get(server.port, '/.11ty/reload-client.js', { accept: '*/*' })).status).toBe(200);
  });

  it('serves the whole site once the file is fixed', async () => {
    writeFileSync(join(server.bulletins, BROKEN), FIXED_TEXT);
    const fixed = await eventually(async () => (await get(server.port, '/')).status === 200, 30_000, 300);
    expect(fixed, server.log().slice(-1500)).toBe(true);
    for (const path of ['/', '/issues/2023-04/', '/archive/2023/']) {
      expect((await get(server.port, path)).status, path).toBe(200);
    }
    expect((await get(server.port, '/archive/2023/')).body).toContain('市总工会召开专题会议');
    // The first search index is written once the bulletins can be built.
    expect(await printed(server, /search index updated/)).toBe(true);
    expect((await get(server.port, '/pagefind/pagefind.js')).status).toBe(200);
  }, 45_000);

  it('shows an error saved while it runs, and recovers from it', async () => {
    writeFileSync(join(server.bulletins, '2024-12.txt'), Buffer.from([0, 1, 2, 0]));
    const broken = await eventually(async () => (await get(server.port, '/')).status === 500, 20_000, 300);
    expect(broken, server.log().slice(-1500)).toBe(true);
    const page = await get(server.port, '/archive/');
    expect(page.body).toMatch(/2024-12\.txt:\d+:\d+: error/);
    // Stylesheets and the search index are still served to the page that shows the error.
    expect((await get(server.port, '/assets/site.css', { accept: 'text/css' })).status).toBe(200);

    writeFileSync(join(server.bulletins, '2024-12.txt'), FIXED_TEXT.replace('2023-12-05', '2024-12-05'));
    const fixed = await eventually(async () => (await get(server.port, '/archive/')).status === 200, 20_000, 300);
    expect(fixed, server.log().slice(-1500)).toBe(true);
    expect(server.exited()).toBe(false);
  }, 45_000);
});
