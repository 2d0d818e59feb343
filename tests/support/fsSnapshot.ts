// Byte-level fingerprints of a folder tree, to prove a failed build left the previous site exactly as it was.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn } from './site.js';

/** `relative path → sha256` for every file under `dir`. */
export function fingerprint(dir: string): Map<string, string> {
  return new Map(filesIn(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

/** Paths whose bytes differ, or that exist on one side only. */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => (!after.has(path) ? `removed ${path}` : !before.has(path) ? `added ${path}` : `changed ${path}`))
    .sort();
}

/** A fresh scratch folder under tests/.output (ignored by git), emptied first. */
export function scratchDir(...parts: string[]): string {
  const dir = join('tests', '.output', 'gates', ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function copyTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
