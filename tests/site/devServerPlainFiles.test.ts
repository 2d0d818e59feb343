// `npm start` reads content/ in two more places than the build: the dev server's model (src/site/eleventy/siteData.ts)
// hashes each bulletin to see what changed, and the background search indexer (src/search/liveIndexWorker.ts) hashes
// them to name what it indexed. Both read as the build does: a FIFO never blocks them, and a link is never followed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexInChildProcess, stopIndexerProcess } from '../../src/search/liveIndex.js';

const ROOT = 'tests/.output/site-tests/dev-plain-files';
const CONTENT = join(ROOT, 'content');

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  cpSync('content', CONTENT, { recursive: true });
  symlinkSync('/etc/passwd', join(CONTENT, 'bulletins', '2024-05.txt'));
  // Reading a FIFO waits for a writer: before, the first rebuild (or the indexer) hung there for good.
  expect(spawnSync('mkfifo', [join(CONTENT, 'bulletins', '2024-07.txt')]).status).toBe(0);
});

afterAll(() => stopIndexerProcess());

describe('the dev server reads only plain files', () => {
  it('its model refuses the link and the FIFO, naming both, instead of hanging', () => {
    // In a child process (node itself, not the tsx wrapper, so the timeout's kill ends it): a read that blocks would
    // block this test's process too, past any timeout.
    const script = `
      const { LiveModel } = await import(${JSON.stringify(resolve('src/site/eleventy/siteData.ts'))});
      try { new LiveModel(${JSON.stringify(CONTENT)}, {}).next(); console.log('built'); }
      catch (error) { console.log(error.message); }`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
    expect(run.signal, `still reading after 30 s:\n${run.stdout}${run.stderr}`).toBeNull();
    expect(run.stdout).toMatch(/2024-05\.txt:1:1: error: a symbolic link to \/etc\/passwd, not a plain file/);
    expect(run.stdout).toMatch(/2024-07\.txt:1:1: error: a named pipe \(FIFO\), not a plain file/);
  });

  it('its search indexer answers with the same errors instead of timing out', async () => {
    const result = await indexInChildProcess(CONTENT, join(ROOT, 'site'), 30_000);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/2024-05\.txt:1:1: error: a symbolic link to \/etc\/passwd/),
        expect.stringMatching(/2024-07\.txt:1:1: error: a named pipe \(FIFO\)/),
      ]),
    );
  }, 60_000);
});
