// Loading a content folder: every bad file is reported in one run, with its file and line, and good files still parse.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinFilesIn, loadBulletins, loadContent } from '../../src/load.js';

const ROOT = join(import.meta.dirname, '../..');
const GOOD = '市总工会召开会议\n\n11月2日，重庆市总工会召开六届二次常委（扩大）会议。\n';

function contentDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletins-'));
  execFileSync('mkdir', ['-p', join(dir, 'bulletins')]);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'bulletins', name), data);
  return dir;
}

describe('loading a content folder', () => {
  it('parses the seed bulletins without errors', () => {
    const { bulletins, errors } = loadContent(join(ROOT, 'content'));
    expect(errors).toEqual([]);
    expect(bulletins.map((b) => b.meta.issue)).toEqual(['2023-04', '2023-11', '2023-12', '2024-12']);
  });

  it('reports every bad file at once, by file and line, and still parses the good ones', () => {
    const dir = contentDir({
      '2024-01-05.txt': GOOD,
      '2024-01-12.txt': '',
      '2024-01-19.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      '2024-01-26.txt': new Uint8Array([0xe5, 0xb8, 0x82, 0x0a, 0xff, 0xfe, 0xfd]),
      'notes.txt': GOOD,
      '2024-02-02.txt': '重'.repeat(100_000),
    });
    const { bulletins, errors } = loadBulletins(bulletinFilesIn(dir));
    expect(bulletins.map((b) => b.meta.issue)).toEqual(['2024-01-05']);
    expect(errors.map((e) => [e.file.split('/').pop(), e.line, e.message.split(/[;,(]/)[0]])).toEqual([
      ['2024-01-12.txt', 1, 'file is empty'],
      ['2024-01-19.txt', 1, 'file looks binary '],
      ['2024-01-26.txt', 2, 'text is neither valid UTF-8 nor GB18030'],
      ['2024-02-02.txt', 1, 'file is 300000 bytes'],
      ['notes.txt', 1, 'no issue date: name it by its issue date'],
    ]);
  });

  it('refuses two files for the same issue', () => {
    const dir = contentDir({ '2024-01-05.txt': GOOD, '2024-01-05-special.txt': GOOD, '2024-01-12.txt': `---\ndate: 2024-01-05\n---\n${GOOD}` });
    const { errors } = loadBulletins(bulletinFilesIn(dir));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/issue 2024-01-05 is also given by .*2024-01-05\.txt/)]);
  });
});

describe('npm run parse', () => {
  const parse = (...files: string[]) =>
    spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/parse.ts'), ...files], { cwd: ROOT, encoding: 'utf8' });

  it('prints the records as JSON and the warnings on stderr', () => {
    const run = parse('content/bulletins/2023-12-year-end.txt');
    expect(run.status).toBe(0);
    const records = JSON.parse(run.stdout);
    expect(records[0]).toMatchObject({ issue: '2023-12', kind: 'article', source: { file: 'content/bulletins/2023-12-year-end.txt' } });
    expect(run.stderr).toMatch(/^content\/bulletins\/2023-12-year-end\.txt:3:1: warning \[text-before-headline\]/m);
  });

  it('exits non-zero and names each bad file', () => {
    const dir = contentDir({ '2024-01-12.txt': '', 'bad-name.txt': GOOD });
    const run = parse(join(dir, 'bulletins/2024-01-12.txt'), join(dir, 'bulletins/bad-name.txt'), 'content/bulletins/2023-11.txt');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/2024-01-12\.txt:1:1: error: file is empty/);
    expect(run.stderr).toMatch(/bad-name\.txt:1:1: error: no issue date/);
  });
});
