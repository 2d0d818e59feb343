// Runs one benchmark phase in its own process and measures it from the outside, so each phase's peak memory
// is its own and the CPU of the processes it spawns (Pagefind's Rust binary) is counted.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  wallS: number;
  /** User + system CPU of the process and every child it waited for (from wait4 via /usr/bin/time). */
  cpuS: number;
  /** Largest single process's peak RSS (ru_maxrss), in MB. */
  maxRssMB: number;
  /** Largest sum of RSS over the whole process tree, sampled every 50 ms, in MB: what the machine had to hold. */
  treeRssMB: number;
  /** One-minute load average when the phase started, to judge how noisy the numbers are. */
  loadBefore: number;
  /** The JSON the phase printed on its last stdout line. */
  result: Record<string, unknown>;
  exitCode: number;
  stderr: string;
}

const TIME = '/usr/bin/time';
const PAGE_BYTES = 4096;

/** Runs a TypeScript file with node + tsx's loader (one process, unlike the tsx CLI, which adds a wrapper). */
export function runTs(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measurement> {
  return runMeasured(process.execPath, ['--import', 'tsx', script, ...args], options);
}

export async function runMeasured(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Measurement> {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime ? [TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  const loadBefore = loadavg()[0]!;
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let treePeak = 0;
  const sampler = setInterval(() => {
    if (child.pid) treePeak = Math.max(treePeak, treeRssBytes(child.pid));
  }, 50);
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(sampler);
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  let cpuS = Number.NaN;
  let maxRssMB = Number.NaN;
  if (useTime && existsSync(timeFile)) {
    // time writes "Command exited with non-zero status N" first when the command failed.
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    cpuS = last[1]! + last[2]!;
    maxRssMB = last[3]! / 1024;
    rmSync(timeFile, { force: true });
  }
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  let result: Record<string, unknown> = {};
  try {
    result = JSON.parse(lastLine) as Record<string, unknown>;
  } catch {
    result = {};
  }
  // Without /usr/bin/time the phase reports its own resource usage (its children's CPU is then missing).
  if (!useTime && typeof result.selfCpuS === 'number') cpuS = result.selfCpuS;
  if (!useTime && typeof result.selfMaxRssMB === 'number') maxRssMB = result.selfMaxRssMB;
  return { wallS, cpuS, maxRssMB, treeRssMB: treePeak / 2 ** 20, loadBefore, result, exitCode, stderr };
}

/** Sum of resident memory of a process and all its descendants, read from /proc. */
export function treeRssBytes(rootPid: number): number {
  const children = new Map<number, number[]>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const name of pids) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses; fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Pids of this process's direct children, zombies included. */
export function childPids(parent = process.pid): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) pids.push(Number(name));
    } catch {
      // Gone already.
    }
  }
  return pids;
}

/**
 * Waits until every child (the Pagefind service) has exited and been reaped. Only a reaped child's CPU is
 * added to ours, and so to what /usr/bin/time reports; exiting earlier would make indexing look free.
 */
export async function awaitChildrenExit(timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (childPids().length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** What a phase child prints last, so the parent can read results without parsing logs. */
export function reportResult(result: Record<string, unknown>): void {
  const usage = process.resourceUsage();
  process.stdout.write(
    `\n${JSON.stringify({ ...result, selfCpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6, selfMaxRssMB: usage.maxRSS / 1024 })}\n`,
  );
}

export interface TreeSize {
  files: number;
  bytes: number;
  htmlFiles: number;
  htmlBytes: number;
}

export function treeSize(dir: string): TreeSize {
  const size: TreeSize = { files: 0, bytes: 0, htmlFiles: 0, htmlBytes: 0 };
  if (!existsSync(dir)) return size;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) {
        const bytes = statSize(path);
        size.files++;
        size.bytes += bytes;
        if (entry.name.endsWith('.html')) {
          size.htmlFiles++;
          size.htmlBytes += bytes;
        }
      }
    }
  }
  return size;
}

function statSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
