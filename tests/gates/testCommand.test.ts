// Gate: README's two commands work on a fresh Debian machine. The second installs what the browser tests need when it
// is missing (scripts/test-setup.sh) and then runs every test; .ci/run goes through the very same command, so the two
// cannot drift apart. `npm test` stays the plain vitest run.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/fsSnapshot.js';

const readme = readFileSync('README.md', 'utf8');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const ciRun = readFileSync('.ci/run', 'utf8');
const NEEDED = ['chromium', 'fonts-noto-cjk', 'fonts-liberation'];

/** The commands of README's first code block, comments dropped. */
function readmeCommands(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** Runs scripts/test-setup.sh with `dpkg-query`, `apt-get` and `sudo` replaced by stubs; returns what apt-get was asked. */
function setupWith(installed: string[], env: Record<string, string> = {}): { status: number | null; apt: string[]; stderr: string } {
  const dir = scratchDir('test-command', installed.join('+') || 'none');
  const log = resolve(dir, 'apt.log');
  const stub = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  // dpkg-query -W -f='${Status}' PACKAGE
  stub('dpkg-query', `for p; do :; done\ncase " ${installed.join(' ')} " in *" $p "*) printf 'install ok installed';; *) exit 1;; esac`);
  stub('apt-get', `echo "$*" >> '${log}'`);
  stub('sudo', 'exec "$@"');
  const run = spawnSync('sh', ['scripts/test-setup.sh'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${resolve(dir)}:${process.env.PATH}`, ...env },
  });
  let apt: string[] = [];
  try {
    apt = readFileSync(log, 'utf8').trim().split('\n');
  } catch {}
  return { status: run.status, apt, stderr: run.stderr };
}

describe('README’s commands', () => {
  it('are `npm ci && npm run build` and `npm run test:all`', () => {
    expect(readmeCommands()).toEqual(['npm ci && npm run build', 'npm run test:all']);
  });

  it('test:all installs what is missing, type-checks, then runs every test; npm test stays plain vitest', () => {
    expect(scripts['test:all']).toBe('sh scripts/test-setup.sh && tsc --noEmit && vitest run');
    expect(scripts.typecheck).toBe('tsc --noEmit');
    expect(scripts.test).toBe('vitest run');
  });

  it('.ci/run runs npm ci and the same test:all, not an install of its own', () => {
    const commands = ciRun.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
    expect(commands).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run test:all']));
    expect(ciRun).not.toMatch(/apt-get|npm test\b/);
  });
});

describe('scripts/test-setup.sh', () => {
  it('installs nothing when chromium and the fonts are there', () => {
    const run = setupWith(NEEDED, { CHROMIUM_PATH: '/bin/sh' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.apt).toEqual([]);
  });

  it('installs exactly the packages that are missing, from Debian', () => {
    const run = setupWith(['chromium'], { CHROMIUM_PATH: '/bin/sh' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.apt).toEqual(['update -qq', 'install -y -qq --no-install-recommends fonts-noto-cjk fonts-liberation']);
  });

  it('asks for chromium, fonts-noto-cjk and fonts-liberation when none is there', () => {
    // The stub apt-get installs nothing, so only what it was asked counts here (the browser check after may fail).
    const run = setupWith([], { CHROMIUM_PATH: '' });
    expect(run.apt).toEqual(['update -qq', `install -y -qq --no-install-recommends ${NEEDED.join(' ')}`]);
  });

  it('fails with a sentence when the browser is still missing', () => {
    const run = setupWith(NEEDED, { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CHROMIUM_PATH=\/nonexistent\/chromium is not an executable/);
  });
});
