// `npm start` re-indexes search after each rebuild that changed the bulletins (src/search/liveIndex.ts,
// src/site/eleventy/liveSearch.ts).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ContentIndexResult, indexInChildProcess, LiveSearchIndex, stopIndexerProcess } from '../../src/search/liveIndex.js';
import siteData, { LIVE_BUILD_EVENT, type LiveBuild } from '../../src/site/eleventy/siteData.js';

const ROOT = 'tests/.output/search-tests/live-index';
const SITE = join(ROOT, 'site');
const CONTENT = join(ROOT, 'content');
const EDITED = join(CONTENT, 'bulletins', '2023-04.txt');
const SENTENCE = '活动现场邀请了女职工权益保护法律专家';

const characterFile = (char: string) => {
  const { version } = JSON.parse(readFileSync(join(SITE, 'pagefind', 'search-manifest.json'), 'utf8')) as { version: string };
  return join(SITE, 'pagefind', 'characters', version, `${char.codePointAt(0)!.toString(16)}.json.gz`);
};
const leftoverScratch = () => readdirSync(ROOT).filter((name) => name.startsWith('site.search-'));
const tick = () => new Promise((resolveTick) => setTimeout(resolveTick, 10));

beforeEach(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  cpSync('content', CONTENT, { recursive: true });
});
afterAll(() => {
  stopIndexerProcess();
  rmSync(ROOT, { recursive: true, force: true });
});

function devServerConfig(runMode = 'serve') {
  const handlers = new Map<string, (arg: unknown) => Promise<void> | void>();
  const emitted: LiveBuild[] = [];
  let provide: () => unknown = () => undefined;
  const config = {
    globalData: {},
    addWatchTarget: () => undefined,
    addGlobalData: (_key: string, value: () => unknown) => {
      provide = value;
    },
    on: (event: string, handler: (arg: unknown) => Promise<void> | void) => handlers.set(event, handler),
    emit: async (event: string, build: LiveBuild) => {
      expect(event).toBe(LIVE_BUILD_EVENT);
      emitted.push(build);
    },
  };
  siteData(config, { contentDir: CONTENT });
  const rebuild = async () => {
    await provide(); // Eleventy awaits global data (the model prepares photos asynchronously)
    await handlers.get('eleventy.after')!({ directories: { output: './_site/' }, runMode });
  };
  return { emitted, rebuild };
}

describe('the dev server’s search index', () => {
  it('is written by Pagefind in a process of its own, swapped in whole, and written again after an edit', async () => {
    const lines: string[] = [];
    const live = new LiveSearchIndex((line) => lines.push(line));
    live.update({ contentDir: CONTENT, siteDir: SITE, contentFingerprint: 'first' });
    await live.idle();
    expect(existsSync(join(SITE, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(characterFile('劳'))).toBe(true);
    expect(existsSync(characterFile('鹦'))).toBe(false);

    const text = readFileSync(EDITED, 'utf8');
    expect(text).toContain(SENTENCE);
    writeFileSync(EDITED, text.replace(SENTENCE, `${SENTENCE}和鹦鹉螺工会干部`));
    live.update({ contentDir: CONTENT, siteDir: SITE, contentFingerprint: 'edited' });
    await live.idle();
    expect(existsSync(characterFile('鹦'))).toBe(true);
    expect(leftoverScratch()).toEqual([]);
    expect(lines).toEqual(Array(2).fill(expect.stringMatching(/^search index updated in [\d.]+ s \(reload \/search\/ to use it\)$/)));
  }, 60_000);

  it('keeps the index it serves when a bulletin cannot be parsed, and names the file and line', async () => {
    const lines: string[] = [];
    const live = new LiveSearchIndex((line) => lines.push(line));
    live.update({ contentDir: CONTENT, siteDir: SITE, contentFingerprint: 'first' });
    await live.idle();
    writeFileSync(join(CONTENT, 'bulletins', '2023-13.txt'), '标题\n');
    live.update({ contentDir: CONTENT, siteDir: SITE, contentFingerprint: 'broken' });
    await live.idle();
    expect(existsSync(join(SITE, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(lines[1]).toMatch(/^search index not updated, the previous one is still served:\n  .*2023-13\.txt:\d+/);
    expect(leftoverScratch()).toEqual([]);
  }, 60_000);
});

describe('the dev server’s indexer process', () => {
  it('is stopped when it gives no answer in time, and the next request starts a new one', async () => {
    const late = await indexInChildProcess(CONTENT, join(ROOT, 'late'), 1);
    expect(late.errors).toEqual(['the search indexer gave no answer in 0.001 s']);
    const next = await indexInChildProcess(CONTENT, join(ROOT, 'next'));
    expect(next.errors).toEqual([]);
    expect(existsSync(join(ROOT, 'next', 'pagefind', 'pagefind-entry.json'))).toBe(true);
  }, 60_000);

  it('names the bytes it read the way the dev server does, so a rebuild of that content starts no run', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the seeds' parser warnings, printed on each parse
    const { emitted, rebuild } = devServerConfig();
    await rebuild();
    const lines: string[] = [];
    const live = new LiveSearchIndex((line) => lines.push(line));
    // Asked about older bytes than it reads: what it indexed is what the dev server announces next.
    live.update({ contentDir: CONTENT, siteDir: SITE, contentFingerprint: 'older bytes' });
    await live.idle();
    live.update({ contentDir: CONTENT, siteDir: SITE, contentFingerprint: emitted[0]!.contentFingerprint });
    await live.idle();
    expect(lines).toHaveLength(1);
  }, 60_000);
});

describe('runs of the dev server’s search index', () => {
  /** An indexer that writes what it was asked and waits to be released, so a test can save while it runs. */
  function heldIndexer(result: ContentIndexResult = { errors: [] }) {
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const indexer = async (contentDir: string, siteDir: string) => {
      const draft = readFileSync(join(contentDir, 'draft.txt'), 'utf8');
      calls.push(draft);
      await new Promise<void>((resolveRun) => {
        release = resolveRun;
      });
      if (result.errors.length === 0) {
        mkdirSync(join(siteDir, 'pagefind'), { recursive: true });
        writeFileSync(join(siteDir, 'pagefind', 'written.txt'), draft);
      }
      return result;
    };
    return { calls, indexer, release: () => release() };
  }
  const save = (draft: string) => writeFileSync(join(CONTENT, 'draft.txt'), draft);
  const request = (contentFingerprint: string) => ({ contentDir: CONTENT, siteDir: SITE, contentFingerprint });
  /** Saves `draft`, asks for it to be indexed, and lets the run (if one starts) end. */
  async function saveAndIndex(live: LiveSearchIndex, held: ReturnType<typeof heldIndexer>, draft: string, fingerprint: string) {
    save(draft);
    live.update(request(fingerprint));
    await tick();
    held.release();
    await live.idle();
  }
  const servePreviousIndex = () => {
    mkdirSync(join(SITE, 'pagefind'), { recursive: true });
    writeFileSync(join(SITE, 'pagefind', 'written.txt'), 'the previous index');
  };

  it('fold the saves made while one is running into one more run, of the newest content', async () => {
    const held = heldIndexer();
    const live = new LiveSearchIndex(() => undefined, held.indexer);
    save('第一稿');
    live.update(request('1'));
    await tick();
    save('第二稿');
    live.update(request('2'));
    save('第三稿');
    live.update(request('3'));
    held.release();
    await tick();
    held.release();
    await live.idle();
    expect(held.calls).toEqual(['第一稿', '第三稿']);
    expect(readFileSync(join(SITE, 'pagefind', 'written.txt'), 'utf8')).toBe('第三稿');
  });

  it('do not start when the content is what was last indexed (a template edit)', async () => {
    const held = heldIndexer();
    const live = new LiveSearchIndex(() => undefined, held.indexer);
    await saveAndIndex(live, held, '正文', 'same');
    // Releasing lets a wrongly started second run end, so the test fails rather than hangs.
    await saveAndIndex(live, held, '正文', 'same');
    expect(held.calls).toEqual(['正文']);
  });

  it('start again for a save made just as one ends with nothing to do', async () => {
    const held = heldIndexer();
    const live = new LiveSearchIndex(() => undefined, held.indexer);
    await saveAndIndex(live, held, '正文', 'same');
    live.update(request('same')); // ends at once: nothing changed
    await saveAndIndex(live, held, '新稿', 'new');
    expect(held.calls).toEqual(['正文', '新稿']);
  });

  it('put the served index back when the new one cannot be moved in, and never throw', async () => {
    servePreviousIndex();
    const lines: string[] = [];
    // Reports success but writes nothing, so the move into place fails.
    const live = new LiveSearchIndex((line) => lines.push(line), async () => ({ errors: [] }));
    live.update(request('1'));
    await live.idle();
    expect(readFileSync(join(SITE, 'pagefind', 'written.txt'), 'utf8')).toBe('the previous index');
    expect(lines).toEqual([expect.stringMatching(/^search index not updated, the previous one is still served:\n  pagefind: ENOENT/)]);
    expect(leftoverScratch()).toEqual([]);
  });

  it('sweep away scratch folders a stopped dev server left', async () => {
    mkdirSync(join(ROOT, 'site.search-left'), { recursive: true });
    const held = heldIndexer();
    const live = new LiveSearchIndex(() => undefined, held.indexer);
    save('正文');
    live.update(request('1'));
    await tick();
    expect(leftoverScratch()).toHaveLength(1); // the run's own
    held.release();
    await live.idle();
    expect(leftoverScratch()).toEqual([]);
  });

  it('leave the served index in place when Pagefind reports an error, and say so', async () => {
    servePreviousIndex();
    const lines: string[] = [];
    const held = heldIndexer({ errors: ['pagefind: out of memory'] });
    const live = new LiveSearchIndex((line) => lines.push(line), held.indexer);
    await saveAndIndex(live, held, '正文', '1');
    expect(readFileSync(join(SITE, 'pagefind', 'written.txt'), 'utf8')).toBe('the previous index');
    expect(lines).toEqual(['search index not updated, the previous one is still served:\n  pagefind: out of memory']);
    expect(leftoverScratch()).toEqual([]);
  });
});

describe('the site data plugin under `npm start`', () => {
  it('announces each finished rebuild, with a fingerprint that changes exactly when a bulletin does', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the seeds' parser warnings, printed on each parse
    const { emitted, rebuild } = devServerConfig();
    await rebuild();
    await rebuild(); // a template edit: the bulletins are as they were
    writeFileSync(EDITED, readFileSync(EDITED, 'utf8').replace(SENTENCE, `${SENTENCE}和工会干部`));
    await rebuild();
    expect(emitted).toHaveLength(3);
    expect(emitted.map((build) => [build.contentDir, build.outputDir])).toEqual(Array(3).fill([CONTENT, './_site/']));
    const [first, second, third] = emitted.map((build) => build.contentFingerprint);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('announces nothing after a one-off build, which nothing should follow in the background', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { emitted, rebuild } = devServerConfig('build');
    await rebuild();
    expect(emitted).toEqual([]);
  });
});
