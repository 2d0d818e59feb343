// The build CLI (scripts/build.ts) as a real child process that tests can kill, pause and race, with the fault
// injection of buildFaults.ts loaded in front of it. One node process, no tsx wrapper in between, so its pid is the
// build's own and a signal reaches the build itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEED_CONTENT } from './site.js';

export interface Fault {
  at: 'scratch' | 'index' | `rename:${number}`;
  do: 'SIGKILL' | 'SIGINT' | 'SIGTERM' | 'pause';
  /** For `pause`: the build goes on once this file exists. */
  resumeFile?: string;
}

export interface BuildRun {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves when the build has ended. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  /** Resolves when the injected fault has fired (its line on stderr). */
  faulted: Promise<void>;
}

export function startBuild(
  args: { content: string; output: string; extra?: string[] },
  options: { fault?: Fault; uid?: number; gid?: number; detached?: boolean } = {},
): BuildRun {
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: '' };
  if (options.fault) {
    env.BUILD_FAULT_OUTPUT = resolve(args.output);
    env.BUILD_FAULT_AT = options.fault.at;
    env.BUILD_FAULT_DO = options.fault.do;
    if (options.fault.resumeFile) env.BUILD_FAULT_RESUME = resolve(options.fault.resumeFile);
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './tests/support/buildFaults.ts', 'scripts/build.ts', '--content', args.content, '--output', args.output, ...(args.extra ?? [])],
    { env, stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.gid, detached: options.detached },
  );
  let output = '';
  let onFault: () => void = () => {};
  const faulted = new Promise<void>((resolve) => (onFault = resolve));
  const take = (chunk: Buffer) => {
    output += chunk;
    if (output.includes('build-fault:')) onFault();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
  return { child, output: () => output, done, faulted };
}

export async function runBuild(...a: Parameters<typeof startBuild>) {
  return startBuild(...a).done;
}

/** Waits until `check` holds, polling; throws after `ms`. */
export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A small content folder: one seed bulletin, plus `marker` as a bulletin of its own when given, so two versions of
 * the content give two different sites and a test can tell which one was published.
 */
export function smallContent(dir: string, marker?: string): string {
  const content = join(dir, 'content');
  mkdirSync(join(content, 'bulletins'), { recursive: true });
  cpSync(join(SEED_CONTENT, 'bulletins', '2023-11.txt'), join(content, 'bulletins', '2023-11.txt'));
  if (marker) {
    writeFileSync(join(content, 'bulletins', '2024-02.txt'), `${marker}\n\n2月1日，重庆市总工会召开${marker}会议，部署全年工作。\n`);
  }
  return content;
}

/** A bulletin the parser refuses, so a build fails after its start (lock, recovery, sweep) and before any write. */
export function breakContent(content: string): void {
  writeFileSync(join(content, 'bulletins', '2025-01.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
