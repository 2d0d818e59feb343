// buildSite's contract: fail closed without touching the live output, swap a good build in whole, and give the same
// bytes for the same content whatever the clock, the file times or the time zone.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/build.js';
import { filesUnder } from '../support/page.js';

const ROOT = 'tests/.output/site-tests/build';

function scratch(name: string): string {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('a build that fails', () => {
  const bad: [string, string | Buffer][] = [
    ['binary bytes', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00])],
    ['an empty file', ''],
  ];
  test.each(bad)('because of %s reports file:line and leaves the old site exactly as it was', async (_, bytes) => {
    const dir = scratch('fail-closed');
    const content = join(dir, 'content');
    cpSync('content', content, { recursive: true });
    const output = join(dir, 'site');
    const first = await buildSite({ contentDir: content, outputDir: output, quiet: true });
    expect(first.ok).toBe(true);
    const before = snapshot(output);

    writeFileSync(join(content, 'bulletins', '2025-01.txt'), bytes);
    const second = await buildSite({ contentDir: content, outputDir: output, quiet: true });
    expect(second.ok).toBe(false);
    expect(second.errors.join('\n')).toMatch(/2025-01\.txt:\d+:\d+: error/);
    expect(snapshot(output), 'the live site is untouched').toEqual(before);
    expect(readdirSync(dir).sort(), 'no scratch folder is left behind').toEqual(['content', 'site']);
  });

  test('reports GitHub annotations too when running in Actions', async () => {
    const dir = scratch('annotations');
    mkdirSync(join(dir, 'content', 'bulletins'), { recursive: true });
    writeFileSync(join(dir, 'content', 'bulletins', '2025-02.txt'), Buffer.from([0, 0, 0]));
    const saved = process.env.GITHUB_ACTIONS;
    process.env.GITHUB_ACTIONS = 'true';
    try {
      const result = await buildSite({ contentDir: join(dir, 'content'), outputDir: join(dir, 'site'), quiet: true });
      expect(result.ok).toBe(false);
      expect(result.errors.some((e) => /^::error file=.*2025-02\.txt,line=\d+,col=\d+::/.test(e))).toBe(true);
      expect(existsSync(join(dir, 'site'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = saved;
    }
  });
});

describe('two builds of the same content', () => {
  test('are byte-identical, search index included, across time zones and file times', async () => {
    const dir = scratch('deterministic');
    const outputs: string[] = [];
    for (const [i, tz] of ['Asia/Shanghai', 'America/Los_Angeles'].entries()) {
      const content = join(dir, `content-${i}`);
      cpSync('content', content, { recursive: true });
      for (const file of readdirSync(join(content, 'bulletins'))) {
        const when = new Date(Date.UTC(2001 + i * 20, i * 6, 1 + i * 10));
        utimesSync(join(content, 'bulletins', file), when, when);
      }
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        const result = await buildSite({ contentDir: content, outputDir: join(dir, `site-${i}`), quiet: true });
        expect(result.ok, result.errors.join('\n')).toBe(true);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
      outputs.push(join(dir, `site-${i}`));
    }
    const [a, b] = outputs.map(snapshot) as [Map<string, string>, Map<string, string>];
    expect([...a.keys()]).toEqual([...b.keys()]);
    const differing = [...a.keys()].filter((f) => a.get(f) !== b.get(f));
    expect(differing).toEqual([]);
  });
});
