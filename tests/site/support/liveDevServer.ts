// Starts the real `npm start` (scripts/serve.ts) on a copy of the seed bulletins, for tests that change the content
// while it runs and look at what it serves with plain HTTP requests.
//
// The copy lives in the system's temporary folder, not under tests/.output: Eleventy's watcher skips git-ignored
// paths, so edits there would never be seen.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LiveDevServer {
  port: number;
  /** The scratch folder: `content/` (a copy of the seeds) and `_site/`. */
  root: string;
  content: string;
  bulletins: string;
  output: string;
  /** Everything the server printed so far. */
  log: () => string;
  exited: () => boolean;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SpawnedDevServer {
  port: number;
  child: ChildProcess;
  /** Everything the server printed so far. */
  log: () => string;
  exited: () => boolean;
  stop: () => Promise<void>;
}

/**
 * Starts scripts/serve.ts with `args` and waits for "Server at …" (the port it really took). The server runs in its
 * own process group, so `stop` also ends the search indexer it forks and Pagefind; `cleanup` runs after it stopped.
 */
export async function spawnDevServer(args: string[], cleanup: () => void = () => undefined): Promise<SpawnedDevServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(await freePort()), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  let exited = false;
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const closed = new Promise<void>((resolve) => child.on('close', () => ((exited = true), resolve())));
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
      await Promise.race([closed, sleep(5_000)]);
      if (!exited) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
        await Promise.race([closed, sleep(2_000)]);
      }
    }
    cleanup();
  };
  const started = Date.now();
  while (!/Server at \S+:(\d+)/.test(text)) {
    if (exited || Date.now() - started > 60_000) {
      const why = exited ? 'it exited' : 'no "Server at" in 60 s';
      await stop();
      throw new Error(`the dev server did not start (${why}):\n${text}`);
    }
    await sleep(50);
  }
  const port = Number(/Server at \S+:(\d+)/.exec(text)![1]);
  return { port, child, log: () => text, exited: () => exited, stop };
}

/**
 * Copies the seeds into a fresh scratch folder, lets `prepare` change them (or fill the output folder), starts the
 * dev server on a free port; `stop` also removes the scratch folder.
 */
export async function startLiveDevServer(name: string, prepare: (bulletins: string, output: string) => void = () => undefined): Promise<LiveDevServer> {
  const root = mkdtempSync(join(tmpdir(), `bulletins-${name}-`));
  const content = join(root, 'content');
  const bulletins = join(content, 'bulletins');
  const output = join(root, '_site');
  cpSync('content', content, { recursive: true });
  prepare(bulletins, output);
  const server = await spawnDevServer(['--content', content, '--output', output], () => rmSync(root, { recursive: true, force: true }));
  return { port: server.port, root, content, bulletins, output, log: server.log, exited: server.exited, stop: server.stop };
}

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A plain GET, as a browser navigating to the page would send it (`Accept: text/html` unless told otherwise). */
export function get(port: number, path: string, headers: Record<string, string> = { accept: 'text/html' }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** Polls until `check` holds (returns true) or `timeoutMs` passes; returns whether it held. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await sleep(everyMs);
  }
}

/** Until the terminal shows `pattern` `times` times in all (the search index, a rebuild…). */
export function printed(server: LiveDevServer, pattern: RegExp, times = 1, timeoutMs = 30_000): Promise<boolean> {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return eventually(() => (server.log().match(global)?.length ?? 0) >= times, timeoutMs, 100);
}
