// `rm -rf _site` while `npm start` runs: the site (pages, search index) comes back whole, at once and after the next
// save. Before, every rebuild failed until a restart (ENOENT: Eleventy remembers which folders existed and makes none
// of those again), and even without that the dev server believed every page it had rendered was still there: the
// next rebuilds wrote only the pages the save changed, and everything else, search included, answered 404.
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, get, printed, startLiveDevServer, type LiveDevServer } from './support/liveDevServer.js';

let server: LiveDevServer;

/** A page of each kind, of bulletins the tests never edit, and the search index's entry files. */
const PAGES = [
  '/',
  '/archive/',
  '/archive/2023/',
  '/issues/2023-04/',
  '/issues/2023-04/source.txt',
  '/issues/2023-12-year-end/source/',
  '/2023/04/01/14f6af08/',
  '/feed.xml',
  '/search/',
  '/assets/site.css',
  '/pagefind/pagefind.js',
  '/pagefind/search-manifest.json',
];

const statuses = async () => Object.fromEntries(await Promise.all(PAGES.map(async (path) => [path, (await get(server.port, path)).status])));
const allServed = async () => Object.values(await statuses()).every((status) => status === 200);
const ALL_200 = Object.fromEntries(PAGES.map((path) => [path, 200]));

beforeAll(async () => {
  // As an editor works: `npm run build`, then `npm start` on the site it wrote (the seed site tests/global-setup.ts
  // builds). Eleventy then finds every folder already there, and remembers that.
  server = await startLiveDevServer('output-removed', (_, output) => cpSync('tests/.output/site', output, { recursive: true }));
  await printed(server, /search index updated/);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('npm start after its site folder is removed', () => {
  it('serves every page and the search index again without waiting for a save', async () => {
    expect(await statuses()).toEqual(ALL_200);
    rmSync(server.output, { recursive: true, force: true });
    const back = await eventually(allServed, 30_000, 500);
    expect(back ? ALL_200 : await statuses(), server.log().slice(-1500)).toEqual(ALL_200);
  }, 45_000);

  it('serves every page and the search index again after the next save, not only the saved bulletin’s', async () => {
    rmSync(server.output, { recursive: true, force: true });
    appendFileSync(join(server.bulletins, '2024-12.txt'), '\n');
    const back = await eventually(allServed, 30_000, 500);
    expect(back ? ALL_200 : await statuses(), server.log().slice(-1500)).toEqual(ALL_200);
    expect(server.exited()).toBe(false);
  }, 45_000);
});
