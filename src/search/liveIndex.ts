// Keeps the dev server's search index in step with what it serves. `npm start` re-renders pages on every save but
// would otherwise leave `pagefind/` as the last `npm run build` wrote it, so an editor searching for the article
// they just added would not find it. After each rebuild that changed the bulletins, the content is indexed again in
// the background, into a scratch folder swapped in only when the whole index is written: a failed or half-done run
// never replaces the index being searched, and no request the dev server answers finds no index (`replaceIndex`).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceFolder } from '../replaceFolder.js';
import { preloadIndexOnSearchPage } from './searchPagePreloads.js';

export interface ContentIndexResult {
  errors: string[];
  /** Of the bulletin bytes actually indexed (load.ts contentFingerprint), when the indexer read them itself. */
  contentFingerprint?: string;
}

/** Indexes the bulletins in `contentDir` into `<siteDir>/pagefind/`, as `npm run build` would. */
export type ContentIndexer = (contentDir: string, siteDir: string) => Promise<ContentIndexResult>;

export interface LiveIndexRequest {
  contentDir: string;
  siteDir: string;
  /** Changes exactly when the bulletins' bytes do (load.ts contentFingerprint). */
  contentFingerprint: string;
}

export class LiveSearchIndex {
  private wanted: LiveIndexRequest | undefined;
  private indexed: string | undefined;
  private draining = false;
  private running: Promise<void> = Promise.resolve();
  private swept = new Set<string>();

  constructor(
    private readonly log: (line: string) => void = (line) => console.log(line),
    private readonly index: ContentIndexer = indexInChildProcess,
  ) {}

  /**
   * Asks for the content to be searchable in `siteDir`. Returns at once. Saves that arrive while an index is being
   * written are folded into one more run; content unchanged since the last index written (a template edit) starts
   * no run at all.
   */
  update(request: LiveIndexRequest): void {
    this.wanted = { ...request, contentDir: resolve(request.contentDir), siteDir: resolve(request.siteDir) };
    if (this.draining) return;
    this.draining = true;
    this.running = this.drain();
  }

  /** Settles once no run is under way or asked for. */
  async idle(): Promise<void> {
    while (this.draining) await this.running;
  }

  /** Never rejects: nothing awaits it under the dev server, where a rejection would end the process. */
  private async drain(): Promise<void> {
    try {
      while (this.wanted) {
        const request = this.wanted;
        this.wanted = undefined;
        // Unless the index is gone since (`rm -rf _site`): the pages come back on the next rebuild, so must search.
        if (keyOf(request) === this.indexed && existsSync(join(request.siteDir, 'pagefind'))) continue;
        const started = performance.now();
        const result = await this.replaceIndex(request);
        if (result.errors.length > 0) {
          this.log(`search index not updated, the previous one is still served:\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
          continue;
        }
        this.indexed = keyOf({ ...request, contentFingerprint: result.contentFingerprint ?? request.contentFingerprint });
        // An open search page keeps the index it loaded until it is reloaded.
        this.log(`search index updated in ${((performance.now() - started) / 1000).toFixed(1)} s (reload /search/ to use it)`);
      }
    } catch (error) {
      this.log(`search index not updated: ${(error as Error).message}`);
    } finally {
      this.draining = false;
    }
  }

  /**
   * The fresh index goes in with `replaceFolder`: two renames, and between them no index is served. They are
   * synchronous, one right after the other, on the thread that answers the dev server's requests (this module runs
   * in the dev server's process; only Pagefind's writing runs in another): no request is answered in between, and
   * every request for /pagefind/… finds the old index whole or the new one whole. The dev server reads the files it
   * serves synchronously too (@11ty/eleventy-dev-server: existsSync, then readFileSync), so a request begun before the
   * swap is answered from the old index. With `await rename()` each rename ran on libuv's thread pool while the event
   * loop went on answering requests: one that came in between got 404 for /pagefind/pagefind.js.
   *
   * Not versioned folders behind a symbolic link switched with one rename (`pagefind` → `pagefind.<n>/`): on Windows
   * (package.json keeps Pagefind's Windows binary for editors) making a link needs privileges and a link cannot be
   * renamed over another; the `pagefind/` that `npm run build` leaves is a real folder, so the first switch would take
   * two renames anyway; and `_site/` would no longer be a plain copy of what the build writes. Nor versioned URLs: the
   * search page asks for `pagefind/pagefind.js`, and Pagefind's runtime finds its files beside itself.
   */
  private async replaceIndex({ contentDir, siteDir }: LiveIndexRequest): Promise<ContentIndexResult> {
    const scratchPrefix = `${basename(siteDir)}.search-`;
    let scratch: string | undefined;
    try {
      // Beside the site, so the swap is a rename on one file system.
      await mkdir(dirname(siteDir), { recursive: true });
      await this.sweepLeftovers(dirname(siteDir), scratchPrefix);
      scratch = await mkdtemp(join(dirname(siteDir), scratchPrefix));
      const result = await this.index(contentDir, scratch);
      if (result.errors.length > 0) return result;
      await mkdir(siteDir, { recursive: true });
      replaceFolder(join(scratch, 'pagefind'), join(siteDir, 'pagefind'), join(scratch, 'replaced'));
      // The scratch folder has no search page; the served one still names the previous index's files.
      await preloadIndexOnSearchPage(siteDir);
      return result;
    } catch (error) {
      return { errors: [`pagefind: ${(error as Error).message}`] };
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Scratch folders of a dev server stopped mid-run, once per folder and session. */
  private async sweepLeftovers(parent: string, prefix: string): Promise<void> {
    if (this.swept.has(parent)) return;
    this.swept.add(parent);
    for (const name of await readdir(parent)) {
      if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

function keyOf({ contentDir, siteDir, contentFingerprint }: LiveIndexRequest): string {
  return `${contentDir}\0${siteDir}\0${contentFingerprint}`;
}

/**
 * Indexing a 1,000-bulletin archive takes about 20 CPU-s. In the dev server's own process, building the records
 * and cutting their text into pairs shared its one thread with Eleventy (handing 10,000 records over alone blocked
 * it for 0.6 s), and Pagefind took the other core. So a child process parses the content itself and indexes it at
 * low priority, which Pagefind's process inherits: the rebuild a reader waits for comes first.
 */
const INDEXER_NICENESS = 15;
/**
 * If Pagefind's process dies mid-run, its promises never settle and the worker would never answer; no archive
 * takes this long (5,000 bulletins: about 2 minutes).
 */
export const INDEXER_TIMEOUT_MS = 15 * 60_000;
let indexer: ChildProcess | undefined;
let lastRequestId = 0;

function startIndexer(): ChildProcess {
  const child = fork(fileURLToPath(new URL('./liveIndexWorker.ts', import.meta.url)), {
    // The worker is TypeScript, like the dev server that starts it.
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('error', () => undefined); // reported to the request it fails, below
  try {
    setPriority(child.pid!, INDEXER_NICENESS);
  } catch {
    // Not allowed here: indexing still works, only at the dev server's priority.
  }
  return child;
}

export function indexInChildProcess(contentDir: string, siteDir: string, timeoutMs = INDEXER_TIMEOUT_MS): Promise<ContentIndexResult> {
  if (!indexer?.connected) indexer = startIndexer();
  const child = indexer;
  const id = ++lastRequestId;
  return new Promise((resolveResult) => {
    const finish = (result: ContentIndexResult) => {
      clearTimeout(timer);
      child.off('message', answered);
      child.off('exit', exited);
      child.off('error', failed);
      resolveResult(result);
    };
    const stop = (reason: string) => {
      if (indexer === child) indexer = undefined;
      child.kill();
      finish({ errors: [reason] });
    };
    const answered = (message: ContentIndexResult & { id: number }) => {
      if (message.id !== id) return;
      finish({ errors: message.errors, contentFingerprint: message.contentFingerprint });
    };
    const exited = (code: number | null, signal: string | null) => stop(`the search indexer stopped (${signal ?? `exit code ${code}`})`);
    const failed = (error: Error) => stop(`the search indexer failed: ${error.message}`);
    const timer = setTimeout(() => stop(`the search indexer gave no answer in ${timeoutMs / 1000} s`), timeoutMs);
    child.on('message', answered);
    child.once('exit', exited);
    child.once('error', failed);
    child.send({ id, contentDir, siteDir }, (error) => {
      if (error) failed(error);
    });
  });
}

/** Ends the indexer process, if one runs (tests; the dev server's ends with it). */
export function stopIndexerProcess(): void {
  indexer?.kill();
  indexer = undefined;
}
