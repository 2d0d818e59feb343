// The dev server behind `npm start`: Eleventy's own (@11ty/eleventy-dev-server 2.1), made safe to leave running.
//
// - It listens on 127.0.0.1 unless told otherwise (`--host`); upstream always listens on every interface
//   (11ty/dev-server#128), which on a café or campus network publishes the editor's work in progress.
// - A request whose path cannot be decoded or leaves the site (`/%`, `//`, `/..%2f..%2fetc%2fpasswd`) is answered
//   400 before upstream sees it: upstream throws on them outside any handler, which ended the whole process
//   (11ty/dev-server#150). Anything else upstream throws while answering becomes a 500, never an exit.
// - The live-reload WebSocket only accepts pages served by this server (Origin = this server, reached by a loopback
//   name, an IP address or the `--host` name). It carries build errors with absolute paths and stack traces, and
//   any page open in the browser could otherwise connect and read them, also through DNS rebinding.
// - While the last build failed (a bulletin that cannot be parsed, at start or later), a page request is answered
//   with a page that says what is wrong, file and line (`BuildStatus`), instead of the last good page; upstream only
//   logs the error in DevTools' console. Pages open in the browser reload to show it, and reload again once a save
//   fixes it. Like the WebSocket, it names files only to the names a stranger's page cannot use (DNS rebinding).
//
// Eleventy 3.1 loads a custom server module only by package name from node_modules, so `useLocalDevServer` hands it
// ours at the one place it loads one (EleventyServe#getServerModule), which also serves its restarts.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { escapeHtml } from './site/escape.js';

export const DEFAULT_HOST = '127.0.0.1';

/** The dev server Eleventy itself depends on, whichever version that is. */
const UpstreamDevServer = createRequire(import.meta.resolve('@11ty/eleventy'))('@11ty/eleventy-dev-server') as new (
  name: string,
  dir: string,
  options: Record<string, unknown>,
) => any;

/** Why a request path is refused with 400, or null when it may be served. Exported for tests. */
export function badPathReason(url: string | undefined): string | null {
  let pathname: string;
  try {
    // As upstream parses it (mapUrlToFilePath); `//` alone is not a URL at all.
    pathname = new URL(url ?? '/', 'http://localhost/').pathname;
  } catch {
    return 'not a valid URL';
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'malformed percent-encoding';
  }
  if (/[\0\\]/.test(decoded)) return 'NUL or backslash in the path';
  // The URL parser resolves literal and %2e dot segments; an encoded slash (`..%2f`) leaves them for the decode.
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return 'the path leaves the site';
  return null;
}

/** `[::1]` → `::1`: hostnames as the URL parser gives them, compared without IPv6 brackets. */
const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/** Whether the last build failed, and how; shared by every server instance Eleventy makes (it makes new ones on restart). */
export class BuildStatus {
  error: Error | undefined;

  failed(error: unknown): void {
    this.error = error instanceof Error ? error : new Error(String(error));
  }

  succeeded(): void {
    this.error = undefined;
  }

  /** The messages of the error and of the errors it wraps, without stack traces or the working folder's path. */
  describe(): string {
    const messages: string[] = [];
    for (let error: any = this.error; error && messages.length < 5; error = error.originalError ?? error.cause) {
      const message = String(error.message ?? error).trim();
      if (message && !messages.some((seen) => seen.includes(message))) messages.push(message);
    }
    return messages.join('\n\n').split(process.cwd() + sep).join('');
  }
}

/** A request for a page (not for a stylesheet, script, image or the search index's files). */
function isPageRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = new URL(req.url ?? '/', 'http://localhost/').pathname;
  if (path.startsWith('/pagefind/') || path.startsWith('/.11ty/')) return false;
  const accept = req.headers.accept ?? '';
  return req.headers['sec-fetch-mode'] === 'navigate' || accept.includes('text/html') || /(\/|\.html)$/.test(path);
}

export function localDevServerClass(settings: { host: string }, status: BuildStatus = new BuildStatus()) {
  const host = settings.host;

  const trustedName = (hostname: string) => hostname === 'localhost' || isIP(hostname) !== 0 || (!WILDCARD_HOSTS.has(host) && hostname === bare(host));

  return class LocalDevServer extends UpstreamDevServer {
    static getServer(name: string, dir: string, options: Record<string, unknown>): LocalDevServer {
      return new LocalDevServer(name, dir, options);
    }

    _serverListen(port: number): void {
      (this.server as Server).listen({ port, host });
    }

    /** The address printed on start ("Server at …"): where it listens, not `localhost` whatever it listens on. */
    getHosts(): string[] {
      return [this.getServerUrl(isIP(host) === 6 ? `[${host}]` : host)];
    }

    async onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const reason = badPathReason(req.url);
      if (reason) return answer(res, 400, `Bad request: ${reason}\n`);
      if (status.error && isPageRequest(req)) return this.answerBuildError(req, res);
      try {
        await super.onRequestHandler(req, res);
      } catch (error) {
        this.logger.error(`dev server: ${req.method} ${req.url} failed: ${(error as Error).message}`);
        try {
          answer(res, 500, 'Internal error; see the terminal running npm start\n');
        } catch {
          // Upstream had started an answer of its own (its response wrapper holds headers back): cut it off.
          res.destroy();
        }
      }
    }

    /** The page shown while the last build failed: what is wrong, and a live-reload client that reloads once fixed. */
    answerBuildError(req: IncomingMessage, res: ServerResponse): void {
      const details = this.isOwnHost(req)
        ? `<pre>${escapeHtml(status.describe())}</pre>`
        : '<p>The terminal running <code>npm start</code> says why.</p>';
      const page = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网站未能重建 · build failed</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}pre{white-space:pre-wrap;background:#fff3f3;border-left:4px solid #c00;padding:1rem;overflow-wrap:anywhere}</style></head>
<body><main><h1>网站未能重建 · The site could not be rebuilt</h1>
${details}
<p>改正文件并保存后，此页会自动刷新。 Fix the file and save: this page reloads by itself.</p></main></body>
</html>
`;
      const body = req.method === 'HEAD' ? '' : this.augmentContentWithNotifier(page, true);
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    }

    /** After a failed build, open pages reload, and so show the error page instead of the last good page. */
    sendError(event: { error: unknown }): void {
      status.failed(event.error);
      super.sendError(event);
      this.sendUpdateNotification({ type: 'eleventy.reload', files: [], build: { templates: [] } });
    }

    setupReloadNotifier(): void {
      super.setupReloadNotifier();
      // Upstream's WebSocket server takes the HTTP server's upgrades; every one now passes the Origin check first.
      const server = this.server as Server;
      const upgrades = server.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
      server.removeAllListeners('upgrade');
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (!this.isOwnPage(req)) {
          // Node leaves an upgraded socket without an error listener: a reset would otherwise end the process.
          socket.on('error', () => undefined);
          socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 36\r\n\r\nlive reload is for this server only\n');
          return;
        }
        for (const listener of upgrades) listener.call(server, req, socket, head);
      });
    }

    /**
     * A page this server served: its Origin is this server as the browser addressed it (the Host header), and that
     * name cannot be a stranger's domain pointed at 127.0.0.1: a loopback name, an IP address, or `--host`.
     */
    /** Addressed by a name a stranger's page cannot use (a loopback name, an IP address or `--host`). */
    isOwnHost(req: IncomingMessage): boolean {
      let hostname: string;
      try {
        hostname = bare(new URL(`${this._serverProtocol}//${req.headers.host ?? ''}`).hostname);
      } catch {
        return false;
      }
      return trustedName(hostname);
    }

    isOwnPage(req: IncomingMessage): boolean {
      const origin = req.headers.origin;
      const addressed = req.headers.host;
      if (!origin || !addressed || origin.toLowerCase() !== `${this._serverProtocol}//${addressed}`.toLowerCase()) return false;
      let hostname: string;
      try {
        hostname = bare(new URL(origin).hostname);
      } catch {
        return false;
      }
      return trustedName(hostname);
    }
  };
}

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  res.end(body);
}

/**
 * Makes `eleventy.serve()` use the dev server above. Call after `eleventy.init()`, before `serve()`. Returns the
 * build status its pages show: set it from each build's outcome.
 */
export function useLocalDevServer(eleventy: object, settings: { host: string }): BuildStatus {
  const serve = (eleventy as { eleventyServe?: { getServerModule?: (name?: string) => Promise<unknown> } }).eleventyServe;
  if (!serve || typeof serve.getServerModule !== 'function') {
    throw new Error('this Eleventy version has no EleventyServe#getServerModule; the dev server cannot be made local-only');
  }
  const status = new BuildStatus();
  const LocalDevServer = localDevServerClass(settings, status);
  serve.getServerModule = async () => LocalDevServer;
  return status;
}
