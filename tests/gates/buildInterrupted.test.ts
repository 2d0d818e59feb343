// Gate: a build stopped at any moment (SIGKILL, Ctrl-C, SIGTERM), in rendering, in indexing or at any rename of its
// swap, leaves the previous site or the new one in the output folder, and nothing else for long: Ctrl-C and SIGTERM
// clean up at once; what SIGKILL leaves carries the dead build's pid and the next build removes it, after moving the
// old site back if the kill fell between the swap's two renames. A live build's scratch folder is never touched.
// Each build is a real child process; tests/support/buildFaults.ts fires the signal at the chosen call.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakContent, runBuild, smallContent, startBuild, until, type Fault } from '../support/buildProcess.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';

const ROOT = scratchDir('build-interrupted');
let oldSite: Map<string, string>;
let newSite: Map<string, string>;
let oldSiteDir: string;
let newContent: string;

beforeAll(async () => {
  const oldContent = smallContent(join(ROOT, 'v1'), '春季会议');
  newContent = smallContent(join(ROOT, 'v2'), '秋季会议');
  oldSiteDir = join(ROOT, 'reference', 'old');
  const built = await Promise.all([
    runBuild({ content: oldContent, output: oldSiteDir, extra: ['--quiet'] }),
    runBuild({ content: newContent, output: join(ROOT, 'reference', 'new'), extra: ['--quiet'] }),
  ]);
  for (const run of built) expect(run.code, run.output).toBe(0);
  oldSite = fingerprint(oldSiteDir);
  newSite = fingerprint(join(ROOT, 'reference', 'new'));
  expect(differences(oldSite, newSite).length).toBeGreaterThan(0);
});

/** A folder holding `out/_site` with the old site in it, as before a deploy. */
function siteBeforeDeploy(name: string): string {
  const output = join(ROOT, name, 'out', '_site');
  rmSync(join(ROOT, name), { recursive: true, force: true });
  copyTree(oldSiteDir, output);
  return output;
}

function neighbours(output: string): string[] {
  return readdirSync(join(output, '..')).sort();
}

/** `_site` holds exactly the old or exactly the new site. */
function wholeSite(output: string): 'old' | 'new' | string {
  if (!existsSync(output)) return 'missing';
  const now = fingerprint(output);
  if (differences(oldSite, now).length === 0) return 'old';
  if (differences(newSite, now).length === 0) return 'new';
  return `a mix: ${differences(oldSite, now).slice(0, 5).join(', ')}`;
}

describe('a build killed with SIGKILL', () => {
  it('while rendering or indexing leaves the old site, and the next build removes what it left', async () => {
    const output = siteBeforeDeploy('kill');
    for (const at of ['scratch', 'index'] as const) {
      const killed = await runBuild({ content: newContent, output }, { fault: { at, do: 'SIGKILL' } });
      expect(killed.signal, killed.output).toBe('SIGKILL');
      expect(wholeSite(output), `killed at ${at}`).toBe('old');
    }
    expect(neighbours(output).length, 'two scratch folders left (and a lock)').toBeGreaterThan(2);

    const next = await runBuild({ content: newContent, output, extra: ['--quiet'] });
    expect(next.code, next.output).toBe(0);
    expect(wholeSite(output)).toBe('new');
    expect(neighbours(output), 'the next build swept the dead builds’ scratch folders').toEqual(['_site']);
  });

  it('at any rename of the swap leaves a whole site in place, or one the next build puts back even if it fails', async () => {
    const seen: string[] = [];
    for (let n = 1; n <= 8; n++) {
      const output = siteBeforeDeploy(`kill-rename-${n}`);
      const killed = await runBuild({ content: newContent, output }, { fault: { at: `rename:${n}`, do: 'SIGKILL' } });
      if (killed.signal !== 'SIGKILL') {
        // Fewer than n renames: the build ran to the end.
        expect(killed.code, killed.output).toBe(0);
        break;
      }
      const right = wholeSite(output);
      seen.push(`after rename ${n}: ${right}`);
      expect(['old', 'new', 'missing'], `after rename ${n} of the swap`).toContain(right);

      // The next build fails (a bad bulletin), so it can only put the old site back, never publish anything.
      const content = smallContent(join(ROOT, `kill-rename-${n}`, 'bad'), '秋季会议');
      breakContent(content);
      const next = await runBuild({ content, output, extra: ['--quiet'] });
      expect(next.code, next.output).toBe(1);
      expect(wholeSite(output), `after rename ${n}, then a failed build`).toBe(right === 'missing' ? 'old' : right);
      expect(neighbours(output), `after rename ${n}, then a failed build`).toEqual(['_site']);
    }
    // The swap was reached at all (else this test proves nothing).
    expect(seen.length, seen.join('\n')).toBeGreaterThan(0);
  });
});

describe('a build interrupted by a signal cleans up at once', () => {
  it.each<[Fault['at'], 'SIGINT' | 'SIGTERM']>([
    ['scratch', 'SIGINT'],
    ['index', 'SIGTERM'],
  ])('while %s, by %s: old site, no scratch folder, no lock, ends by the signal', async (at, signal) => {
    const output = siteBeforeDeploy(`${signal}-${at}`);
    const run = await runBuild({ content: newContent, output }, { fault: { at, do: signal } });
    expect(run.signal ?? run.code, run.output).toBe(signal);
    expect(wholeSite(output)).toBe('old');
    expect(neighbours(output)).toEqual(['_site']);
  });

  it('Ctrl-C in a terminal (SIGINT to tsx, the build and Pagefind at once) leaves the old site and nothing else', async () => {
    const output = siteBeforeDeploy('ctrl-c');
    const child = spawn('node_modules/.bin/tsx', ['scripts/build.ts', '--content', newContent, '--output', output], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // a process group of its own, as a terminal's foreground job
    });
    let said = '';
    child.stdout!.on('data', (chunk) => (said += chunk));
    child.stderr!.on('data', (chunk) => (said += chunk));
    const ended = new Promise((resolve) => child.on('close', resolve));
    // The scratch folder (`_site.build-<pid>-<hex>`, or `_site.build-<hex>` before pids were recorded): rendering began.
    await until(() => neighbours(output).some((n) => /^_site\.build-(\d+-)?[0-9a-f]{12}$/.test(n)), 'the scratch folder');
    process.kill(-child.pid!, 'SIGINT');
    await ended;
    expect(wholeSite(output), said).toBe('old');
    expect(neighbours(output), said).toEqual(['_site']);
  });
});

describe('the next build sweeps leftovers', () => {
  it('of builds that are no longer running, never of one that is', async () => {
    const output = siteBeforeDeploy('sweep');
    // A pid that certainly ran and ended, and one that is running.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const live = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const leftovers = {
        deadScratch: `_site.build-${deadPid}-aaaaaaaaaaaa`,
        deadOld: `_site.build-${deadPid}-bbbbbbbbbbbb-old`,
        liveScratch: `_site.build-${live.pid}-cccccccccccc`,
      };
      for (const name of Object.values(leftovers)) {
        mkdirSync(join(output, '..', name, 'pagefind'), { recursive: true });
        writeFileSync(join(output, '..', name, 'index.html'), 'half a site');
      }
      // And a lock left by the dead build: taken over, not waited for.
      writeFileSync(`${output}.build-lock`, JSON.stringify({ pid: deadPid, host: (await import('node:os')).hostname(), started: new Date().toISOString(), token: 'dead' }));

      const run = await runBuild({ content: newContent, output, extra: ['--quiet'] });
      expect(run.code, run.output).toBe(0);
      expect(wholeSite(output)).toBe('new');
      expect(neighbours(output)).toEqual(['_site', leftovers.liveScratch].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });
});
