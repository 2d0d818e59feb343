// The index tunes the Pagefind process through its environment (src/search/indexSite.ts). These pin that the
// settings are applied without overriding a caller's, and that the pinned binary really reads the allocator's:
// if an upgrade stops reading it, the settings would silently do nothing and indexing would cost a third more.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_SETTINGS, applyPagefindEnvironment, PAGEFIND_ENVIRONMENT } from '../../src/search/indexSite.js';

describe('applyPagefindEnvironment', () => {
  it('sets every variable that is not set, and the undo removes exactly those', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin' };
    const restore = applyPagefindEnvironment(env);
    expect(env).toEqual({ PATH: '/bin', ...PAGEFIND_ENVIRONMENT });
    restore();
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('keeps a value the caller set, and keeps it after the undo', () => {
    const env: NodeJS.ProcessEnv = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '40' };
    const restore = applyPagefindEnvironment(env);
    expect(env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('40');
    expect(env._RJEM_MALLOC_CONF).toBe(ALLOCATOR_SETTINGS);
    restore();
    expect(env).toEqual({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '40' });
  });
});

function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
}

function runPagefind(allocatorSettings: string) {
  return spawnSync(pagefindBinary(), ['--version'], {
    env: { ...process.env, _RJEM_MALLOC_CONF: allocatorSettings },
    encoding: 'utf8',
  });
}

// The Linux builds are the ones CI and deploys run; they link jemalloc under the `_RJEM_` prefix.
describe.runIf(process.platform === 'linux')("the Pagefind binary's allocator", () => {
  it('reads _RJEM_MALLOC_CONF: a made-up setting stops it when told to abort on one', () => {
    const run = runPagefind('abort_conf:true,no_such_setting:1');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Invalid conf pair: no_such_setting:1/);
  });

  it('knows every setting the index gives it', () => {
    const run = runPagefind(`abort_conf:true,${ALLOCATOR_SETTINGS}`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^pagefind \d/);
  });
});
