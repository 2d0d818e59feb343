// Gate: the built site is readable by a web server running as another user. The build used to swap in a scratch
// folder made by mkdtemp, which kept its mode 0700; `rsync -a _site/ /var/www/…` (README's nginx recipe) copied that,
// and nginx answered 403 for every page. Folders and files get the usual modes: 0755 and 0644 under umask 022.
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../support/fsSnapshot.js';

/** `relative path → permission bits` for the folder itself (`.`) and everything under it. */
function modesIn(dir: string): Map<string, { mode: number; folder: boolean }> {
  const modes = new Map<string, { mode: number; folder: boolean }>();
  const visit = (path: string, shown: string) => {
    const stats = lstatSync(path);
    modes.set(shown, { mode: stats.mode & 0o7777, folder: stats.isDirectory() });
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name), shown === '.' ? name : `${shown}/${name}`);
  };
  visit(dir, '.');
  return modes;
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** Entries whose mode is not the one wanted, as `path 0700`; empty when all are right. */
function wrongModes(dir: string, wanted: (folder: boolean, mode: number) => boolean): string[] {
  return [...modesIn(dir)].filter(([, { mode, folder }]) => !wanted(folder, mode)).map(([path, { mode }]) => `${path} ${octal(mode)}`);
}

function buildUnderUmask(umask: string, outputDir: string): void {
  const run = spawnSync('sh', ['-c', `umask ${umask} && exec node_modules/.bin/tsx scripts/build.ts --quiet --content content --output "$1"`, 'sh', outputDir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
}

describe('the built site’s modes', () => {
  let outputDir: string;

  beforeAll(() => {
    outputDir = join(scratchDir('readable-site'), '_site');
    // Twice: the first build creates the output folder, the second swaps a new one in for it.
    buildUnderUmask('022', outputDir);
    buildUnderUmask('022', outputDir);
  }, 240_000);

  it('are 0755 for every folder, the output folder included, and 0644 for every file, under umask 022', () => {
    expect(modesIn(outputDir).size).toBeGreaterThan(50);
    expect(wrongModes(outputDir, (folder, mode) => mode === (folder ? 0o755 : 0o644))).toEqual([]);
  });

  it('follow the umask rather than a mode of the build’s own (umask 027 gives 0750 and 0640)', () => {
    const strict = join(scratchDir('readable-site', 'umask-027'), '_site');
    buildUnderUmask('027', strict);
    expect(wrongModes(strict, (folder, mode) => mode === (folder ? 0o750 : 0o640))).toEqual([]);
  }, 120_000);

  // In CI: the very folder about to be uploaded to GitHub Pages (see sitesToCheck in support/site.ts).
  it.runIf(Boolean(process.env.PUBLISHED_SITE_DIR))('of the folder about to be published let anyone read it', () => {
    const published = process.env.PUBLISHED_SITE_DIR!;
    expect(wrongModes(published, (folder, mode) => (folder ? (mode & 0o005) === 0o005 : (mode & 0o004) === 0o004))).toEqual([]);
  });
});
