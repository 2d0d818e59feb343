// Gate: `npm start` (scripts/serve.ts, Eleventy's dev server) is safe to leave running. It listens on 127.0.0.1 unless
// `--host` says otherwise; a malformed or escaping path gets 400 and the server keeps answering (one request used
// to end it: 11ty/dev-server#150); and its live-reload WebSocket, which carries build errors with paths and stack
// traces, refuses pages of any other origin. Each is checked on the real server, with raw requests.
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badPathReason } from '../../src/devServer.js';
import { spawnDevServer, type SpawnedDevServer } from '../site/support/liveDevServer.js';
import { scratchDir } from '../support/fsSnapshot.js';

type DevServer = SpawnedDevServer & { output: () => string };

/** Starts `npm start`'s script on the seeds, into a scratch output folder, with `args`. */
async function startDevServer(name: string, args: string[] = []): Promise<DevServer> {
  const output = join(scratchDir('dev-server', name), '_site');
  const server = await spawnDevServer(['--content', 'content', '--output', output, ...args]);
  return { ...server, output: server.log };
}

/** Sends `request` as is and returns everything the server sends back before closing (or `timeoutMs`). */
function rawExchange(host: string, port: number, request: string, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let response = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      response += chunk.toString('latin1');
      // A WebSocket that was accepted stays open: the status line is all we need.
      if (response.startsWith('HTTP/1.1 101') && response.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (response) resolve(response);
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(response);
    });
  });
}

const get = (port: number, path: string, host = '127.0.0.1') => rawExchange(host, port, `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`);
const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

function upgrade(port: number, headers: { host: string; origin?: string }): Promise<string> {
  const lines = [
    'GET / HTTP/1.1',
    `Host: ${headers.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...(headers.origin ? [`Origin: ${headers.origin}`] : []),
  ];
  return rawExchange('127.0.0.1', port, `${lines.join('\r\n')}\r\n\r\n`);
}

/** Whether a TCP connection to host:port is accepted (127.0.0.2 is loopback too, but not the address 127.0.0.1). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

describe('the dev server', () => {
  let server: DevServer;

  beforeAll(async () => {
    server = await startDevServer('default');
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('starts in reasonable time and says where it listens', () => {
    expect(server.output()).toMatch(new RegExp(`Server at http://127\\.0\\.0\\.1:${server.port}/`));
  });

  it('listens on 127.0.0.1 only, by default', async () => {
    expect(await accepts('127.0.0.1', server.port)).toBe(true);
    // Another address of this machine: a server listening on every interface accepts here.
    expect(await accepts('127.0.0.2', server.port)).toBe(false);
  });

  it.each([
    ['/%', 'malformed percent-encoding'],
    ['/..%2f..%2fetc%2fpasswd', 'the path leaves the site'],
    ['/..%2F..%2F..%2F..%2Fetc%2Fpasswd', 'the path leaves the site'],
    ['/assets/%2e%2e%2f%2e%2e%2f..%2fetc%2fpasswd', 'the path leaves the site'],
    ['//', 'not a valid URL'],
    ['/%00', 'NUL or backslash in the path'],
  ])('answers %s with 400 and keeps serving', async (path, reason) => {
    const response = await get(server.port, path);
    expect(statusOf(response), response || `no answer; the server ${server.exited() ? 'exited' : 'is silent'}:\n${server.output()}`).toBe(400);
    expect(response).toContain(reason);
    expect(response).not.toContain('root:x:0:0');
    expect(server.exited(), server.output()).toBe(false);
    expect(statusOf(await get(server.port, '/'))).toBe(200);
  });

  it('still serves ordinary paths, encoded ones included', async () => {
    expect(statusOf(await get(server.port, '/archive/'))).toBe(200);
    expect(statusOf(await get(server.port, '/%61rchive/'))).toBe(200);
    expect(statusOf(await get(server.port, '/no-such-page/'))).toBe(404);
  });

  it('accepts live-reload connections from its own pages', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const response = await upgrade(server.port, { host, origin: `http://${host}` });
      expect(statusOf(response), `${host}: ${response}`).toBe(101);
    }
  });

  it.each<[string, { host: string; origin?: string }]>([
    ['another site', { host: '127.0.0.1:PORT', origin: 'https://evil.example' }],
    ['another port of this machine', { host: '127.0.0.1:PORT', origin: 'http://127.0.0.1:1' }],
    ['no Origin at all', { host: '127.0.0.1:PORT' }],
    ['a stranger’s domain pointed at 127.0.0.1 (DNS rebinding)', { host: 'rebind.example:PORT', origin: 'http://rebind.example:PORT' }],
  ])('refuses live-reload connections from %s', async (_, headers) => {
    const fill = (s?: string) => s?.replace('PORT', String(server.port));
    const response = await upgrade(server.port, { host: fill(headers.host)!, origin: fill(headers.origin) });
    expect(statusOf(response), response).toBe(403);
    expect(server.exited()).toBe(false);
  });
});

describe('the dev server with --host', () => {
  let server: DevServer;

  beforeAll(async () => {
    server = await startDevServer('host', ['--host', '127.0.0.2']);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('listens on the address given instead', async () => {
    expect(server.output()).toMatch(new RegExp(`Server at http://127\\.0\\.0\\.2:${server.port}/`));
    expect(await accepts('127.0.0.2', server.port)).toBe(true);
    expect(await accepts('127.0.0.1', server.port)).toBe(false);
    expect(statusOf(await get(server.port, '/', '127.0.0.2'))).toBe(200);
  });
});

describe('which request paths the dev server refuses', () => {
  it.each(['/', '/archive/2024/', '/assets/site.css', '/issues/2024-12/source.txt', '/%E6%90%9C%E7%B4%A2/', '/search/?q=%E5%B7%A5%E4%BC%9A', '/a..b/', '/..hidden/'])(
    'serves %s',
    (path) => expect(badPathReason(path)).toBeNull(),
  );

  it.each(['/%', '/%E6%90', '//', '/..%2f', '/a/..%2F..%2Fb', '/a%5c..%5c..%5cb', '/a%00b', '/.%2f..%2f'])('refuses %s', (path) => {
    expect(badPathReason(path)).not.toBeNull();
  });
});
