// Gate: one bad bulletin among good ones fails the build, every bad file is named as file:line:col (and as a
// GitHub annotation in CI), and the site already in the output folder is left byte for byte as it was.
import { readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { DEFAULT_MAX_BULLETIN_BYTES } from '../../src/load.js';
import { runBuildCli } from '../support/cli.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';
import { builtSite, SEED_CONTENT } from '../support/site.js';

const seedText = readFileSync(join(SEED_CONTENT, 'bulletins', '2023-11.txt'), 'utf8');

/** A real bulletin repeated far past the cap: if it reached Pagefind, indexing would take many minutes. */
function hugeBulletin(): Buffer {
  const target = 20 * 1024 * 1024;
  const copies = Math.ceil(target / Buffer.byteLength(seedText));
  return Buffer.from(Array.from({ length: copies }, () => seedText).join('\n\n'));
}

interface BadBulletin {
  problem: string;
  name: string;
  bytes: () => Buffer;
  /** The line the error must point at. */
  line: number;
}

const BAD_BULLETINS: BadBulletin[] = [
  { problem: 'binary (a PNG saved as .txt)', name: '2024-01.txt', bytes: () => Buffer.from('89504e470d0a1a0a0000000d4948445200000010', 'hex'), line: 1 },
  { problem: 'empty', name: '2024-02.txt', bytes: () => Buffer.alloc(0), line: 1 },
  {
    problem: 'undecodable (neither UTF-8 nor GB18030)',
    name: '2024-03.txt',
    bytes: () => Buffer.concat([Buffer.from('职工之家\n\n'), Buffer.from([0xe5, 0xb7, 0xa5, 0xff, 0xfe, 0x0a])]),
    line: 3,
  },
  { problem: 'over the size cap', name: '2024-04.txt', bytes: hugeBulletin, line: 1 },
  { problem: 'named without an issue date', name: 'weekly-news.txt', bytes: () => Buffer.from(seedText), line: 1 },
];

/** Seed bulletins plus the given bad ones, in a fresh content folder. */
function contentWith(dir: string, bad: BadBulletin[]): string {
  const content = join(dir, 'content');
  cpSync(SEED_CONTENT, content, { recursive: true });
  for (const bulletin of bad) writeFileSync(join(content, 'bulletins', bulletin.name), bulletin.bytes());
  return content;
}

/** An output folder holding a previous good build, as `_site/` does before a deploy. */
function previousGoodSite(dir: string): string {
  const output = join(dir, 'out', '_site');
  copyTree(builtSite('site').dir, output);
  return output;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `…/name:LINE:COL: error…` somewhere in the text; returns the line number or null. */
function reportedLine(text: string, name: string): number | null {
  const m = new RegExp(`(?:^|[\\s/\\\\])${escapeRegExp(name)}:(\\d+):(\\d+): error`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

function annotatedLine(text: string, name: string): number | null {
  const m = new RegExp(`^::error file=[^,\\n]*${escapeRegExp(name)},line=(\\d+),col=(\\d+)::\\S`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

describe('a build with a bad bulletin fails closed', () => {
  beforeAll(() => {
    // The cap must stay small enough that Pagefind indexes one bulletin in seconds.
    expect(DEFAULT_MAX_BULLETIN_BYTES).toBeLessThanOrEqual(512 * 1024);
  });

  it.each(BAD_BULLETINS)(
    'one $problem bulletin among the seeds fails the build, is named, and leaves the old site untouched',
    async (bad) => {
      const dir = scratchDir('fail-closed', basename(bad.name, '.txt'));
      const contentDir = contentWith(dir, [bad]);
      const outputDir = previousGoodSite(dir);
      const siteBefore = fingerprint(outputDir);
      const neighboursBefore = readdirSync(dirname(outputDir));

      const result = await buildSite({ contentDir, outputDir, quiet: true });

      expect(result.ok).toBe(false);
      const errors = result.errors.join('\n');
      expect(reportedLine(errors, bad.name), errors).toBe(bad.line);
      // Only the bad file is blamed; the seeds are fine.
      for (const seed of readdirSync(join(SEED_CONTENT, 'bulletins'))) expect(errors).not.toContain(seed);
      expect(differences(siteBefore, fingerprint(outputDir))).toEqual([]);
      expect(readdirSync(dirname(outputDir))).toEqual(neighboursBefore);
    },
    // Generous for a parse-only failure, far below what indexing a 20 MB page would take.
    60_000,
  );

  describe('the build CLI, in CI, with every kind of bad bulletin at once', () => {
    let run: Awaited<ReturnType<typeof runBuildCli>>;
    let outputDir: string;
    let siteBefore: Map<string, string>;

    beforeAll(async () => {
      const dir = scratchDir('fail-closed', 'all-at-once');
      const contentDir = contentWith(dir, BAD_BULLETINS);
      outputDir = previousGoodSite(dir);
      siteBefore = fingerprint(outputDir);
      run = await runBuildCli(['--content', contentDir, '--output', outputDir], { env: { GITHUB_ACTIONS: 'true' }, timeoutMs: 60_000 });
    }, 90_000);

    it('exits with status 1 and does not hang on the huge file', () => {
      expect(run.signal, `killed after ${run.milliseconds} ms:\n${run.output}`).toBeNull();
      expect(run.code, run.output).toBe(1);
    });

    it.each(BAD_BULLETINS)('names the $problem file as file:line:col', (bad) => {
      expect(reportedLine(run.output, bad.name), run.output).toBe(bad.line);
    });

    it.each(BAD_BULLETINS)('annotates the $problem file for GitHub', (bad) => {
      expect(annotatedLine(run.output, bad.name), run.output).toBe(bad.line);
    });

    it('explains the size cap in words an editor can act on', () => {
      const line = run.output.split('\n').find((l) => l.includes('2024-04.txt:') && l.includes(': error'));
      expect(line).toMatch(/cap|too (big|large)|bytes/i);
    });

    it('leaves the previous site exactly as it was', () => {
      expect(differences(siteBefore, fingerprint(outputDir))).toEqual([]);
    });
  });
});
