// Under `npm start` the search index is written again in the background after each edit and then put in place of the
// one being served (src/search/liveIndex.ts). A reader searching at that moment must get a whole index, old or new:
// the swap used to move the served `pagefind/` aside and the new one in with two renames, and a request between
// them got 404 for /pagefind/pagefind.js, which the search page reports as an error.
import { appendFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printed, startLiveDevServer, type LiveDevServer } from './support/liveDevServer.js';

let server: LiveDevServer;

beforeAll(async () => {
  server = await startLiveDevServer('search-swap');
  await printed(server, /search index updated/);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

/** What the search page loads first; each names the rest. */
const INDEX_FILES = ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/search-manifest.json'];

function statusOf(agent: Agent, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

describe('npm start’s search index while it is replaced', () => {
  it('answers every request for the index’s files, through many swaps', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const failures: string[] = [];
    let answered = 0;
    let reading = true;
    // Four readers asking for the index's entry files back to back, the whole time.
    const readers = Array.from({ length: 4 }, async (_, n) => {
      for (let i = n; reading; i++) {
        const path = INDEX_FILES[i % INDEX_FILES.length]!;
        const status = await statusOf(agent, path);
        answered++;
        if (status !== 200) failures.push(`${status} ${path}`);
      }
    });

    const SWAPS = 8;
    const edited = join(server.bulletins, '2024-12.txt');
    for (let swap = 1; swap <= SWAPS; swap++) {
      // New bytes, same records: the index is written and swapped in again.
      appendFileSync(edited, '\n');
      expect(await printed(server, /search index (updated|not updated)/, swap + 1, 30_000), server.log().slice(-2000)).toBe(true);
    }
    reading = false;
    await Promise.all(readers);
    agent.destroy();

    expect(server.log()).not.toMatch(/search index not updated/);
    expect(answered).toBeGreaterThan(500);
    expect(failures, `${failures.length} of ${answered} requests failed during ${SWAPS} swaps`).toEqual([]);
  }, 80_000);
});
