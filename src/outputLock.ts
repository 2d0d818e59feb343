// What a build keeps beside its output folder X, and how the next build tells a live build's files from a dead one's.
// Every name starts with `X.build-`, so one .gitignore pattern (`_site.build-*`) covers them all:
//
//   X.build-lock                 the lock: JSON {pid, host, started, token} of the build now writing X
//   X.build-lock-<pid>-<hex>     a lock being written; linked to X.build-lock only once complete
//   X.build-<pid>-<hex>          a build's scratch folder, the next X
//   X.build-<pid>-<hex>-old      the previous X, moved aside for the instant of the swap and deleted right after
//   X.build-<12 hex>[-old]       the same two, left by builds from before the lock (they carry no pid)
//
// The pid in each name is the owner's. A build takes the lock before it reads a bulletin, so two builds into X never
// overlap, and the later one publishes the newer content; then, holding the lock, it moves back a previous site a
// killed build left aside (`recoverOutput`) and deletes what builds that are no longer running left behind
// (`sweepLeftovers`). A file whose owner is alive is never touched: that is another build, or this one.
import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { OutputError } from './errors.js';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  token: string;
}

export interface OutputLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

/** How long a build waits for another build into the same folder before giving up, by default. */
export const DEFAULT_LOCK_WAIT_MS = 15_000;
const POLL_MS = 200;
/** A pre-lock leftover (no pid in its name) younger than this might still belong to a running old build. */
const LEGACY_GRACE_MS = 60 * 60 * 1000;

const OWNED = /^\.build-(\d+)-[0-9a-f]+(-old)?$/;
const LOCK_TEMP = /^\.build-lock-(?:stale-)?(\d+)-[0-9a-f]+$/;
const LEGACY = /^\.build-[0-9a-f]{12}(-old)?$/;

export function lockPathOf(outputDir: string): string {
  return `${outputDir}.build-lock`;
}

/** Scratch folders this process is using right now; its other names with its pid are leftovers of earlier builds. */
const ours = new Set<string>();

/** A new scratch folder name for `outputDir`, carrying this process's pid; `release` it when done. */
export function scratchPathFor(outputDir: string): string {
  const path = `${outputDir}.build-${process.pid}-${randomBytes(6).toString('hex')}`;
  ours.add(path);
  return path;
}

export function releaseScratchPath(path: string): void {
  ours.delete(path);
}

/** Is process `pid` running on this machine? EPERM means it is, under another user. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : null;
  } catch {
    return null;
  }
}

/** A holder that is certainly gone: on this host and its pid not running. (Unreadable lock files count as stale.) */
function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && !isAlive(holder.pid);
}

/**
 * Takes the lock on `outputDir`, waiting up to `waitMs` for another build to finish. A lock whose build is no longer
 * running (killed, crashed) is taken over. Fails with an OutputError naming the other build's pid.
 */
export async function lockOutput(
  outputDir: string,
  options: { waitMs?: number; onWait?: (holder: LockHolder) => void } = {},
): Promise<OutputLock> {
  const path = lockPathOf(outputDir);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  let told = false;
  for (;;) {
    if (tryCreate(path, me)) return heldLock(path, me);
    const holder = readHolder(path);
    if (holder === 'missing') continue; // released between our attempt and our look: try again at once
    if (holder === null || isStale(holder)) {
      takeOverStale(path, holder);
      continue;
    }
    // A live holder, possibly another buildSite in this very process (a script building twice at once): wait.
    if (Date.now() >= deadline) {
      throw new OutputError(
        `another build (pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, started ${holder.started}) is ` +
          `writing ${outputDir}; wait for it to finish and build again. If no build is running, delete ${path}.`,
      );
    }
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Writes our holder to a temporary name, then links it into place: the lock file is never seen half-written. */
function tryCreate(path: string, me: LockHolder): boolean {
  const temp = `${path}-${process.pid}-${randomBytes(6).toString('hex')}`;
  writeFileSync(temp, `${JSON.stringify(me)}\n`, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Removes a dead build's lock. It is first renamed to a name of our own, so if another build took it over between
 * our look and now, we see that it is not the stale one and put it back instead of deleting a live lock.
 */
function takeOverStale(path: string, stale: LockHolder | null): void {
  const moved = `${path}-stale-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const found = readHolder(moved);
  const same = found !== 'missing' && (found === null ? stale === null : stale !== null && found.token === stale.token);
  if (!same) {
    try {
      linkSync(moved, path);
    } catch {
      // Someone holds it already; the lock we moved was theirs to lose by the same race, and they will notice.
    }
  }
  rmSync(moved, { force: true });
}

function heldLock(path: string, holder: LockHolder): OutputLock {
  let released = false;
  return {
    path,
    holder,
    release() {
      if (released) return;
      released = true;
      const now = readHolder(path);
      if (now !== 'missing' && now !== null && now.token === holder.token) rmSync(path, { force: true });
    },
  };
}

interface Leftover {
  path: string;
  /** The owner's pid, or null for a pre-lock leftover. */
  pid: number | null;
  /** The previous site, moved aside by a swap. */
  old: boolean;
}

function leftoversOf(outputDir: string): Leftover[] {
  const prefix = basename(outputDir);
  const found: Leftover[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(outputDir));
  } catch {
    return [];
  }
  for (const name of names) {
    if (!name.startsWith(`${prefix}.build-`)) continue;
    const rest = name.slice(prefix.length);
    const path = join(dirname(outputDir), name);
    let m: RegExpExecArray | null;
    if ((m = OWNED.exec(rest))) found.push({ path, pid: Number(m[1]), old: m[2] !== undefined });
    else if ((m = LOCK_TEMP.exec(rest))) found.push({ path, pid: Number(m[1]), old: false });
    else if ((m = LEGACY.exec(rest))) found.push({ path, pid: null, old: m[1] !== undefined });
  }
  return found;
}

function isDead(leftover: Leftover): boolean {
  if (ours.has(leftover.path)) return false;
  if (leftover.pid === null) {
    try {
      return Date.now() - lstatSync(leftover.path).mtimeMs > LEGACY_GRACE_MS;
    } catch {
      return false;
    }
  }
  // Our own pid on a name we are not using: a build earlier in this process, long finished (or a recycled pid).
  return leftover.pid === process.pid || !isAlive(leftover.pid);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * If `outputDir` is missing because a build was killed in the instant between moving the old site aside and moving
 * the new one in, moves the old site back (the newest such, of a build no longer running) and returns where it
 * came from. The old site is the one that was whole and published; the dead build's new one is never trusted.
 * Call it holding the lock.
 */
export function recoverOutput(outputDir: string): string | null {
  if (exists(outputDir)) return null;
  const candidates = leftoversOf(outputDir)
    .filter((l) => l.old && (l.pid !== null ? isDead(l) : true))
    .map((l) => ({ ...l, mtime: statSync(l.path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  const newest = candidates[0];
  if (!newest) return null;
  renameSync(newest.path, outputDir);
  return newest.path;
}

/**
 * Deletes the scratch folders, set-aside old sites and half-written locks of builds that are no longer running.
 * Returns what it removed and what it could not (a warning, never a failure). Call it holding the lock.
 */
export function sweepLeftovers(outputDir: string): { removed: string[]; failed: string[] } {
  const removed: string[] = [];
  const failed: string[] = [];
  for (const leftover of leftoversOf(outputDir)) {
    if (!isDead(leftover)) continue;
    try {
      rmSync(leftover.path, { recursive: true, force: true, maxRetries: 3 });
      removed.push(leftover.path);
    } catch {
      failed.push(leftover.path);
    }
  }
  return { removed, failed };
}
