// Gate: a bulletin is a plain file. A symbolic link (to /etc/passwd, to /dev/zero), a FIFO, a device or a folder named
// like a bulletin is refused as `file:1:1: error: …`, every one in the same run, the build fails closed and never
// hangs; a checkout can no longer publish a file from elsewhere on the machine that builds it. What editors' tools
// leave beside a bulletin (lock, swap and backup files) is skipped, and `2024-12.TXT` is refused with how to name
// it instead of the issue vanishing in silence.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load.js';
import { runBuildCli } from '../support/cli.js';
import { copyTree, differences, fingerprint, scratchDir } from '../support/fsSnapshot.js';
import { builtSite, filesIn, SEED_CONTENT } from '../support/site.js';

const GOOD = '市总工会召开会议\n\n11月2日，重庆市总工会召开六届二次常委（扩大）会议。\n';
const SEED_ISSUES = ['2023-04', '2023-11', '2023-12', '2024-12'];

/** The seed bulletins in a fresh content folder; returns its bulletins folder too. */
function seedContent(...name: string[]): { content: string; bulletins: string } {
  const content = join(scratchDir('plain-files', ...name), 'content');
  cpSync(SEED_CONTENT, content, { recursive: true });
  return { content, bulletins: join(content, 'bulletins') };
}

function mkfifo(path: string): void {
  const run = spawnSync('mkfifo', [path]);
  if (run.status !== 0) throw new Error(`mkfifo ${path}: ${run.stderr}`);
}

/** `mknod` needs root (CI's container runs as root); elsewhere the device case is left to the FIFO's code path. */
function canMakeDevices(): boolean {
  const dir = scratchDir('plain-files', 'mknod-probe');
  return spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0;
}

const errorsOf = (content: string) => loadContent(content).errors.map((e) => `${e.file.split('/').pop()}:${e.line}: ${e.message}`);

describe('only plain files are read as bulletins', () => {
  it('refuses a symbolic link, to a file outside content/ or even to a good bulletin beside it', () => {
    const { content, bulletins } = seedContent('links');
    symlinkSync('/etc/passwd', join(bulletins, '2024-05.txt'));
    symlinkSync(resolve(bulletins, '2023-11.txt'), join(bulletins, '2024-06.txt'));
    const loaded = loadContent(content);
    expect(errorsOf(content)).toEqual([
      expect.stringMatching(/^2024-05\.txt:1: a symbolic link to \/etc\/passwd, not a plain file; .*copy the text in/),
      expect.stringMatching(/^2024-06\.txt:1: a symbolic link to .*2023-11\.txt, not a plain file/),
    ]);
    expect(loaded.bulletins.map((b) => b.meta.issue)).toEqual(SEED_ISSUES);
    expect(JSON.stringify(loaded.bulletins)).not.toContain('root:x:0:0');
  });

  it('refuses a folder named like a bulletin', () => {
    const { content, bulletins } = seedContent('folder');
    mkdirSync(join(bulletins, '2024-08.txt'));
    writeFileSync(join(bulletins, '2024-08.txt', 'inside.txt'), GOOD);
    expect(errorsOf(content)).toEqual([expect.stringMatching(/^2024-08\.txt:1: a folder, not a plain file; a bulletin must be a plain file/)]);
  });

  it.runIf(canMakeDevices())('refuses a device file', () => {
    const { content, bulletins } = seedContent('device');
    expect(spawnSync('mknod', [join(bulletins, '2024-09.txt'), 'c', '1', '3']).status).toBe(0);
    expect(errorsOf(content)).toEqual([expect.stringMatching(/^2024-09\.txt:1: a device, not a plain file/)]);
  });

  it('refuses a bulletin folder that is itself a symbolic link', () => {
    const dir = scratchDir('plain-files', 'linked-folder');
    symlinkSync(resolve(SEED_CONTENT, 'bulletins'), join(dir, 'bulletins'));
    expect(() => loadContent(dir)).toThrow(/^cannot read the bulletin folder: it is a symbolic link; it must be a real folder$/);
  });

  it('skips editors’ lock, swap and backup files and hidden files, without an error', () => {
    const { content, bulletins } = seedContent('leftovers');
    const seed = readFileSync(join(bulletins, '2024-12.txt'));
    // Emacs's lock is a dangling link named like the file; vim's swap file and backups hold binary or stale text.
    symlinkSync('editor@host.4242:1700000000', join(bulletins, '.#2024-12.txt'));
    writeFileSync(join(bulletins, '.2024-12.txt.swp'), Buffer.from([0x62, 0x30, 0x56, 0x49, 0x4d, 0, 0, 0]));
    writeFileSync(join(bulletins, '2024-12.txt~'), seed);
    writeFileSync(join(bulletins, '#2024-12.txt#'), seed);
    writeFileSync(join(bulletins, '.hidden-2024-11.txt'), seed);
    const loaded = loadContent(content);
    expect(loaded.errors.map(String)).toEqual([]);
    expect(loaded.bulletins.map((b) => b.meta.issue)).toEqual(SEED_ISSUES);
  });

  it('refuses `2025-01.TXT` with how to name it, instead of skipping the issue in silence', () => {
    const { content, bulletins } = seedContent('upper-case');
    writeFileSync(join(bulletins, '2025-01.TXT'), GOOD);
    writeFileSync(join(bulletins, '2025-02.Txt'), GOOD);
    expect(errorsOf(content)).toEqual([
      '2025-01.TXT:1: the name ends in `.TXT`; bulletin names end in lower-case `.txt`: rename it to `2025-01.txt`',
      '2025-02.Txt:1: the name ends in `.Txt`; bulletin names end in lower-case `.txt`: rename it to `2025-02.txt`',
    ]);
  });
});

describe('the build CLI with every kind of file that is not a plain bulletin at once', () => {
  const bad = {
    '2024-05.txt': /a symbolic link to \/etc\/passwd, not a plain file/,
    '2024-06.txt': /a symbolic link to \/dev\/zero, not a plain file/,
    '2024-07.txt': /a named pipe \(FIFO\), not a plain file/,
    '2024-08.txt': /a folder, not a plain file/,
    '2024-09.TXT': /rename it to `2024-09\.txt`/,
  };
  let run: Awaited<ReturnType<typeof runBuildCli>>;
  let outputDir: string;
  let siteBefore: Map<string, string>;
  let neighboursBefore: string[];

  beforeAll(async () => {
    const { content, bulletins } = seedContent('cli');
    symlinkSync('/etc/passwd', join(bulletins, '2024-05.txt'));
    // Before, the size check read 0 for the device and the build's memory grew at 250 MB/s.
    symlinkSync('/dev/zero', join(bulletins, '2024-06.txt'));
    // Before, reading it waited for a writer forever.
    mkfifo(join(bulletins, '2024-07.txt'));
    mkdirSync(join(bulletins, '2024-08.txt'));
    writeFileSync(join(bulletins, '2024-09.TXT'), GOOD);
    outputDir = join(dirname(content), 'out', '_site');
    copyTree(builtSite('site').dir, outputDir);
    siteBefore = fingerprint(outputDir);
    neighboursBefore = readdirSync(dirname(outputDir));
    run = await runBuildCli(['--content', content, '--output', outputDir], { timeoutMs: 60_000 });
  }, 90_000);

  it('fails with status 1 at once, without hanging on the FIFO', () => {
    expect(run.signal, `killed after ${run.milliseconds} ms:\n${run.output}`).toBeNull();
    expect(run.code, run.output).toBe(1);
  });

  it.each(Object.entries(bad))('names %s as file:1:1: error, saying what it is', (name, message) => {
    const line = run.output.split('\n').find((l) => l.includes(`${name}:1:1: error: `));
    expect(line, run.output).toMatch(message);
  });

  it('publishes nothing: the previous site is untouched and no scratch folder is left', () => {
    expect(differences(siteBefore, fingerprint(outputDir))).toEqual([]);
    expect(readdirSync(dirname(outputDir))).toEqual(neighboursBefore);
    for (const file of filesIn(outputDir)) expect(readFileSync(join(outputDir, file), 'latin1')).not.toContain('root:x:0:0');
  });
});
