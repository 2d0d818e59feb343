// Gate: two builds into the same output folder never overlap. The second waits for the first (which holds a lock,
// `<output>.build-lock`, from before it reads a bulletin) and then builds what the content folder holds by then, so the
// newer content is what stays published; if the first takes longer than --lock-wait, the second fails with a sentence
// naming the first build's pid and leaves the folder alone. Real child processes; the first build is held paused
// (tests/support/buildFaults.ts) right after it has read its bulletins.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, smallContent, startBuild, until } from '../support/buildProcess.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';

const ROOT = scratchDir('build-lock');
let olderSite: Map<string, string>;
let newerSite: Map<string, string>;
let olderSiteDir: string;

beforeAll(async () => {
  olderSiteDir = join(ROOT, 'reference', 'older');
  const built = await Promise.all([
    runBuild({ content: smallContent(join(ROOT, 'reference', 'c1'), '春季会议'), output: olderSiteDir, extra: ['--quiet'] }),
    runBuild({ content: smallContent(join(ROOT, 'reference', 'c2'), '秋季会议'), output: join(ROOT, 'reference', 'newer'), extra: ['--quiet'] }),
  ]);
  for (const run of built) expect(run.code, run.output).toBe(0);
  olderSite = fingerprint(olderSiteDir);
  newerSite = fingerprint(join(ROOT, 'reference', 'newer'));
});

function setUp(name: string) {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  const content = smallContent(dir, '春季会议');
  const output = join(dir, 'out', '_site');
  const resume = join(dir, 'resume');
  return { dir, content, output, resume };
}

describe('a second build into the same folder', () => {
  it('waits for the first, then publishes the newer content: the later build never loses to an older one', async () => {
    const { dir, content, output, resume } = setUp('waits');
    // The first build reads the older content, then is held up (a slow render, say).
    const first = startBuild({ content, output, extra: ['--quiet'] }, { fault: { at: 'scratch', do: 'pause', resumeFile: resume } });
    await first.faulted;
    // Meanwhile an editor saves the newer content and builds again.
    rmSync(join(content, 'bulletins', '2024-02.txt'));
    smallContent(dir, '秋季会议');
    const second = startBuild({ content, output, extra: ['--lock-wait', '60'] });
    // Let the first go on once the second is waiting for it (or, without a lock, has already finished).
    await until(() => /waiting for the build with pid/.test(second.output()) || second.child.exitCode !== null, 'the second build to wait');
    writeFileSync(resume, '');
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(differences(newerSite, fingerprint(output)), 'the newer content is published').toEqual([]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(b.output, 'the second build said whom it waited for').toContain(`pid ${first.child.pid}`);
    expect(readdirSync(join(output, '..'))).toEqual(['_site']);
  });

  it('fails after --lock-wait with a sentence naming the other build, and leaves the folder alone', async () => {
    const { content, output, resume } = setUp('gives-up');
    copyTree(olderSiteDir, output);
    const first = startBuild({ content, output, extra: ['--quiet'] }, { fault: { at: 'scratch', do: 'pause', resumeFile: resume } });
    await first.faulted;
    const second = await runBuild({ content, output, extra: ['--quiet', '--lock-wait', '1'] });
    writeFileSync(resume, '');
    expect(second.code, second.output).toBe(1);
    expect(second.output).toMatch(new RegExp(`another build \\(pid ${first.child.pid}\\b.*\\) is writing .*_site`));
    expect(second.output, 'a sentence, not a stack trace').not.toMatch(/^\s+at /m);
    expect(differences(olderSite, fingerprint(output)), 'the second build changed nothing').toEqual([]);

    const done = await first.done;
    expect(done.code, done.output).toBe(0);
    expect(existsSync(`${output}.build-lock`), 'the first build released its lock').toBe(false);
  });
});
