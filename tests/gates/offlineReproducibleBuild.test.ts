// Gates: the build makes no network calls, and is deterministic. The build CLI runs twice, each time from a fresh
// copy of the seeds with different file times, time zone and locale, with every network call from Node cut off.
// Both sites must come out byte for byte the same, Pagefind's search index included.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuildCli, type CliRun } from '../support/cli.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';
import { filesIn, SEED_CONTENT } from '../support/site.js';

const NO_NETWORK = resolve('scripts/gates/no-network.cjs');

interface BuildSetting {
  label: string;
  fileTime: Date;
  env: NodeJS.ProcessEnv;
}

const SETTINGS: BuildSetting[] = [
  { label: 'a', fileTime: new Date('2001-02-03T04:05:06Z'), env: { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
  {
    label: 'b',
    fileTime: new Date('2031-10-09T22:33:44Z'),
    env: { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
  },
];

function offline(logFile: string): NodeJS.ProcessEnv {
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { NODE_OPTIONS: `${inherited}--require ${NO_NETWORK}`, NO_NETWORK_LOG: logFile };
}

function touchTree(dir: string, time: Date): void {
  for (const file of filesIn(dir)) utimesSync(join(dir, file), time, time);
  utimesSync(dir, time, time);
}

describe('the network guard used below', () => {
  it('makes a call to another host throw, and logs it', () => {
    const log = join(scratchDir('network-guard'), 'attempts.log');
    writeFileSync(log, '');
    const child = spawnSync(
      process.execPath,
      ['-e', "fetch('http://example.com/').then(() => process.exit(0), (e) => { console.error(e.cause?.message ?? e.message); process.exit(3); })"],
      { env: { ...process.env, ...offline(log) }, encoding: 'utf8', timeout: 20_000 },
    );
    expect(child.stderr).toContain('no-network: blocked');
    expect(child.status).toBe(3);
    expect(readFileSync(log, 'utf8')).toMatch(/example\.com/);
  });
});

describe('two offline builds from differently touched copies, in different time zones and locales', () => {
  const root = join('tests', '.output', 'gates', 'reproducible');
  // The same content path both times, so only file times, TZ and locale differ between the builds.
  const contentDir = join(root, 'content');
  const runs: (CliRun & { outputDir: string; networkLog: string })[] = [];

  beforeAll(async () => {
    scratchDir('reproducible');
    for (const setting of SETTINGS) {
      rmSync(contentDir, { recursive: true, force: true });
      copyTree(SEED_CONTENT, contentDir);
      touchTree(contentDir, setting.fileTime);
      const outputDir = join(root, `site-${setting.label}`);
      const networkLog = join(root, `network-${setting.label}.log`);
      writeFileSync(networkLog, '');
      const run = await runBuildCli(['--content', contentDir, '--output', outputDir], {
        env: { ...setting.env, ...offline(resolve(networkLog)) },
      });
      runs.push({ ...run, outputDir, networkLog });
    }
  }, 240_000);

  it.each(SETTINGS.map((s, i) => [s.label, i] as const))('build %s succeeds with the network cut off', (_label, i) => {
    expect(runs[i]!.code, runs[i]!.output).toBe(0);
  });

  it.each(SETTINGS.map((s, i) => [s.label, i] as const))('build %s tries no network call, not even one it catches', (_label, i) => {
    expect(readFileSync(runs[i]!.networkLog, 'utf8')).toBe('');
  });

  it('gives byte-identical sites, search index included', () => {
    const [a, b] = runs.map((run) => fingerprint(run.outputDir));
    expect(a!.size).toBeGreaterThan(0);
    expect([...a!.keys()].some((file) => file.startsWith('pagefind/')), 'the Pagefind index is part of the comparison').toBe(true);
    expect(existsSync(join(runs[0]!.outputDir, 'index.html'))).toBe(true);
    expect(differences(a!, b!)).toEqual([]);
  });
});
