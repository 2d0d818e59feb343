// Gate: whatever goes wrong with the output folder, the build says so in a sentence and leaves it as it was.
// - `--quiet` silences progress and warnings, never errors: a failed build always says why.
// - A read-only output folder, or a read-only folder holding it, is refused before any work with what to change,
//   not a stack trace (and not after swapping the site in and then failing to delete the old one).
// - An output folder that is a symbolic link is refused: the build swaps the folder whole by renames, so it would
//   replace the link itself by a real folder and the link's target would silently stop being updated.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakContent, runBuild, smallContent } from '../support/buildProcess.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';

const ROOT = scratchDir('build-output-folder');
let siteDir: string;
let site: Map<string, string>;
let content: string;

beforeAll(async () => {
  content = smallContent(join(ROOT, 'content-good'), '春季会议');
  siteDir = join(ROOT, 'reference');
  const run = await runBuild({ content, output: siteDir, extra: ['--quiet'] });
  expect(run.code, run.output).toBe(0);
  site = fingerprint(siteDir);
});

const STACK_LINE = /^\s+at /m;

describe('--quiet', () => {
  it('still prints every error of a failed build, as file:line:col', async () => {
    const bad = smallContent(join(ROOT, 'content-bad'), '春季会议');
    breakContent(bad);
    const run = await runBuild({ content: bad, output: join(ROOT, 'quiet', '_site'), extra: ['--quiet'] });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/2025-01\.txt:1:1: error/);
    expect(run.output).toMatch(/build failed/);
  });
});

/**
 * Permissions bind everyone but root, and CI's container runs as root: there the build runs as `nobody`, which can
 * read the checkout but owns nothing else.
 */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const nobodyCanRun =
  !AS_ROOT || spawnSync(process.execPath, ['--import', 'tsx', '-e', '1'], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' }).status === 0;

describe.skipIf(!nobodyCanRun)('a read-only output folder', () => {
  it.each([
    ['the output folder itself', 'itself', (out: string) => out],
    ['the folder that holds it', 'parent', (out: string) => resolve(out, '..')],
  ])('(%s) is refused in a sentence, before any work, and left as it was', async (_, name, readOnly) => {
    const dir = join(ROOT, `read-only-${name}`);
    rmSync(dir, { recursive: true, force: true });
    const output = join(dir, 'out', '_site');
    copyTree(siteDir, output);
    if (AS_ROOT) {
      for (const path of [dir, join(dir, 'out'), output]) chownSync(path, NOBODY, NOBODY);
    }
    chmodSync(readOnly(output), 0o555);
    try {
      const run = await runBuild({ content, output }, AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {});
      expect(run.code, run.output).toBe(1);
      expect(run.output).toMatch(/read-only.*writable/);
      expect(run.output, 'a sentence, not a stack trace').not.toMatch(STACK_LINE);
      expect(differences(site, fingerprint(output))).toEqual([]);
      expect(lstatSync(output).mode & 0o777).toBe(readOnly(output) === output ? 0o555 : 0o755);
    } finally {
      chmodSync(readOnly(output), 0o755);
    }
  });
});

describe('an output folder that is a symbolic link', () => {
  it('is refused, naming the link, and neither the link nor its target changes', async () => {
    const dir = join(ROOT, 'symlink');
    rmSync(dir, { recursive: true, force: true });
    const target = join(dir, 'real-site');
    copyTree(siteDir, target);
    const output = join(dir, '_site');
    symlinkSync('real-site', output);

    const run = await runBuild({ content: smallContent(join(dir, 'newer'), '秋季会议'), output });
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/_site is a symbolic link \(to real-site\).*--output/);
    expect(run.output).not.toMatch(STACK_LINE);
    expect(lstatSync(output).isSymbolicLink()).toBe(true);
    expect(readlinkSync(output)).toBe('real-site');
    expect(differences(site, fingerprint(target))).toEqual([]);
  });
});
