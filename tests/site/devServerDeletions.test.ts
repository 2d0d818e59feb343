// `npm start` follows a bulletin that is deleted or renamed: its pages are gone (404) after the rebuild, and the pages
// that listed it no longer do. Eleventy 3.1.7's watcher logs an unlink and rebuilds nothing, and Eleventy never
// removes an output file, so before this the deleted issue kept answering 200, even after the next edit.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load.js';
import { buildModel } from '../../src/site/model.js';
import { eventually, get, printed, startLiveDevServer, type LiveDevServer } from './support/liveDevServer.js';

let server: LiveDevServer;

/** Every URL the bulletin `issue` publishes of its own: its issue page, its source, its records' pages. */
function ownPagesOf(content: string, issue: string): string[] {
  // As `npm start` builds it: an address the test's delete or rename retires is a warning (content/published-urls.json).
  const { model } = buildModel(loadContent(content).bulletins, { vanishedUrls: 'warn' });
  const pages = [
    ...model!.issues.filter((page) => page.ref.key === issue).map((page) => page.url),
    ...model!.records.filter((page) => page.issue.key === issue).map((page) => page.url),
  ];
  return [...pages, `/issues/${issue}/source.txt`, `/issues/${issue}/source/`];
}

const status = async (path: string) => (await get(server.port, path)).status;
const statuses = async (paths: string[]) => Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await status(path)])));
const allAre = async (paths: string[], code: number) => Object.values(await statuses(paths)).every((s) => s === code);

beforeAll(async () => {
  server = await startLiveDevServer('deletions');
  // The first search index: later ones only follow the rebuilds asked for below.
  await printed(server, /search index updated/);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('npm start after a bulletin is deleted or renamed', () => {
  it('answers 404 for every page of a deleted bulletin, without waiting for another change', async () => {
    const pages = ownPagesOf(server.content, '2023-04');
    expect(pages.length).toBeGreaterThan(5);
    expect(await statuses(pages)).toEqual(Object.fromEntries(pages.map((path) => [path, 200])));

    rmSync(join(server.bulletins, '2023-04.txt'));
    const gone = await eventually(() => allAre(pages, 404), 20_000);
    expect(gone ? {} : await statuses(pages), `still served after the delete:\n${server.log().slice(-2000)}`).toEqual(
      gone ? {} : Object.fromEntries(pages.map((path) => [path, 404])),
    );
    // The pages that listed it are rebuilt too.
    expect((await get(server.port, '/archive/2023/')).body).not.toContain('/issues/2023-04/');
    expect(await status('/')).toBe(200);
  }, 45_000);

  it('moves a renamed bulletin: its old pages are gone or redirect to the new ones, which are served', async () => {
    const oldPages = ownPagesOf(server.content, '2023-11');
    renameSync(join(server.bulletins, '2023-11.txt'), join(server.bulletins, '2023-11-renamed.txt'));
    const newPages = ownPagesOf(server.content, '2023-11-renamed');
    expect(newPages.length).toBe(oldPages.length);
    // A record's address is made of its date and id, which the slug does not change: only the issue's own pages move.
    const movedPages = oldPages.filter((path) => !newPages.includes(path));
    expect(movedPages).toEqual(expect.arrayContaining(['/issues/2023-11/', '/issues/2023-11/source.txt']));
    // Gone (404), or a redirect page to the same record or issue at its new address (content/published-urls.json):
    // never the page as it was before the rename.
    const stale = async () => {
      const left: string[] = [];
      for (const path of movedPages) {
        const { status, body } = await get(server.port, path);
        const redirect = status === 200 && /http-equiv="refresh"/.test(body) && newPages.some((page) => body.includes(page));
        if (status !== 404 && !redirect) left.push(`${status} ${path}`);
      }
      return left;
    };
    const moved = await eventually(async () => (await stale()).length === 0 && (await allAre(newPages, 200)), 20_000);
    expect(moved ? {} : { stale: await stale(), new: await statuses(newPages) }, server.log().slice(-1500)).toEqual({});
    expect(await status('/issues/2023-11/source.txt')).toBe(404);
    expect(server.exited()).toBe(false);
  }, 45_000);
});
