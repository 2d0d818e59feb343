// Keeps the dev server's search index in step with what it serves. `npm start` re-renders pages on every save but
// would otherwise leave `pagefind/` as the last `npm run build` wrote it, so an editor searching for the article
// they just added would not find it. After each rebuild that changed the bulletins, the content is indexed again in
// the background, into a scratch folder swapped in only when the whole index is written: a failed or half-done run
// never replaces the index being searched.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexResult } from './indexSite.js';

/** Indexes the bulletins in `contentDir` into `<siteDir>/pagefind/`, as `npm run build` would. */
export type ContentIndexer = (contentDir: string, siteDir: string) => Promise<IndexResult>;

export interface LiveIndexRequest {
  contentDir: string;
  siteDir: string;
  /** Changes exactly when the bulletins' bytes do (siteData.ts). */
  contentFingerprint: string;
}

export class LiveSearchIndex {
  private wanted: LiveIndexRequest | undefined;
  private indexed: string | undefined;
  private running: Promise<void> | undefined;

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
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Settles once no run is under way or asked for. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.wanted) {
      const request = this.wanted;
      this.wanted = undefined;
      const key = `${request.contentDir}\0${request.siteDir}\0${request.contentFingerprint}`;
      if (key === this.indexed) continue;
      const started = performance.now();
      const errors = await this.replaceIndex(request);
      if (errors.length > 0) {
        this.log(`search index not updated, the previous one is still served:\n${errors.map((e) => `  ${e}`).join('\n')}`);
        continue;
      }
      this.indexed = key;
      this.log(`search index updated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  private async replaceIndex({ contentDir, siteDir }: LiveIndexRequest): Promise<string[]> {
    // Beside the site, so the final rename stays on one file system.
    await mkdir(dirname(siteDir), { recursive: true });
    const scratch = await mkdtemp(join(dirname(siteDir), `${basename(siteDir)}.search-`));
    try {
      const { errors } = await this.index(contentDir, scratch);
      if (errors.length > 0) return errors;
      await mkdir(siteDir, { recursive: true });
      const served = join(siteDir, 'pagefind');
      await rename(served, join(scratch, 'replaced')).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(join(scratch, 'pagefind'), served);
      return [];
    } catch (error) {
      return [`pagefind: ${(error as Error).message}`];
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

/**
 * Indexing a 1,000-bulletin archive takes about 20 CPU-s. In the dev server's own process, building the records
 * and cutting their text into pairs shared its one thread with Eleventy (handing 10,000 records over alone blocked
 * it for 0.6 s), and Pagefind took the other core, so a save made meanwhile was served in up to 2.1 s instead of
 * 1.3. So a child process parses the content itself and indexes it at low priority, which Pagefind's process
 * inherits: the rebuild a reader waits for comes first.
 */
const INDEXER_NICENESS = 15;
let indexer: ChildProcess | undefined;

export function indexInChildProcess(contentDir: string, siteDir: string): Promise<IndexResult> {
  if (!indexer?.connected) {
    indexer = fork(fileURLToPath(new URL('./liveIndexWorker.ts', import.meta.url)), {
      // The worker is TypeScript, like the dev server that starts it.
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      setPriority(indexer.pid!, INDEXER_NICENESS);
    } catch {
      // Not allowed here: indexing still works, only at the dev server's priority.
    }
  }
  const child = indexer;
  return new Promise((resolveResult) => {
    const answered = (result: IndexResult) => {
      child.off('exit', exited);
      resolveResult(result);
    };
    const exited = (code: number | null, signal: string | null) => {
      child.off('message', answered);
      resolveResult({ errors: [`the search indexer stopped (${signal ?? `exit code ${code}`})`] });
    };
    child.once('message', answered);
    child.once('exit', exited);
    child.send({ contentDir, siteDir });
  });
}

/** Ends the indexer process, if one runs (tests; the dev server's ends with it). */
export function stopIndexerProcess(): void {
  indexer?.kill();
  indexer = undefined;
}
