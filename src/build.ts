// `buildSite`: parse → page models → Eleventy into a fresh folder → Pagefind → swap into place. It fails closed: bad
// bulletins stop the build before anything is written, and a build that fails later leaves the old output untouched.
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { formatProblem, githubAnnotation } from './cli/format.js';
import { OutputError } from './errors.js';
import { loadContent } from './load.js';
import { preparePhotos, publishPhotos, type PhotoCheck } from './photos/index.js';
import { lockOutput, recoverOutput, releaseScratchPath, scratchPathFor, sweepLeftovers, type OutputLock } from './outputLock.js';
import { indexSite } from './search/indexSite.js';
import { replaceFolder } from './replaceFolder.js';
import { searchRecordsOf } from './search/searchRecords.js';
import { provideSiteModel } from './site/eleventy/siteData.js';
import { ensureTypeScriptImports } from './site/eleventy/typescriptLoader.js';
import { buildModel, type SiteModel } from './site/model.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES_DIR = join(ROOT, 'templates');
const CONFIG_FILE = join(ROOT, '.eleventy.ts');

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  pathPrefix?: string;
  /** Progress lines and warnings off; errors are always printed. */
  quiet?: boolean;
  /** How long to wait for another build into the same output folder before failing; default 15 s. */
  lockWaitMs?: number;
}

export interface BuildResult {
  ok: boolean;
  errors: string[];
  warnings: string[];
  pages: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const report = new Report(options.quiet);
  const outputDir = resolve(options.outputDir);
  const interrupted = new InterruptCleanup(outputDir);
  let lock: OutputLock | undefined;
  interrupted.arm();
  try {
    checkOutputDir(outputDir);
    lock = await lockOutput(outputDir, {
      waitMs: options.lockWaitMs,
      onWait: (holder) => report.say(`waiting for the build with pid ${holder.pid} to finish writing ${options.outputDir}…`),
    });
    interrupted.lock = lock;
    const restored = recoverOutput(outputDir);
    if (restored) report.warn(`${options.outputDir} was missing: a build was killed while swapping; put back the previous site from ${basename(restored)}`);
    const swept = sweepLeftovers(outputDir);
    for (const path of swept.failed) report.warn(`could not delete ${path}, left by a build that is no longer running`);
  } catch (error) {
    interrupted.disarm();
    lock?.release();
    report.errors.push(outputProblem(error, options.outputDir));
    return report.failed();
  }

  const scratch = scratchPathFor(outputDir);
  try {
    // The lock is held from before the first bulletin is read, so a build that waited publishes what is there now.
    const prepared = await prepareModel(options, report);
    if (!prepared) return report.failed();
    const { model, photos } = prepared;
    makeDir(scratch);
    interrupted.scratch = scratch;
    const pages = await renderModel(model, scratch, options.quiet);
    publishPhotos(photos, scratch);
    const indexed = await indexSite(scratch, searchRecordsOf(model.records));
    if (indexed.errors.length > 0) {
      report.errors.push(...indexed.errors.map((e) => `search index: ${e}`));
      return report.failed(scratch);
    }
    const aside = `${scratch}-old`;
    interrupted.aside = aside;
    // Between replaceFolder's two renames, for a few microseconds, `outputDir` does not exist. Why that is acceptable:
    // - Both renames run in one synchronous call. Node runs signal handlers (Ctrl-C, SIGTERM) between event-loop
    //   turns, never inside a call, so an interrupted build always finds the swap either not begun or complete.
    // - Only SIGKILL, a crash or a power cut can land inside it. Then the old, complete site sits at `aside`, named with
    //   the dead build's pid, and the next build moves it back before anything else (`recoverOutput`, under the lock),
    //   so even a build that then fails leaves the previous site in place. (`npm start` renders straight into its
    //   output folder and creates it if missing.)
    // - The ways without a window were weighed: Linux's renameat2(RENAME_EXCHANGE) and macOS's renamex_np(RENAME_SWAP)
    //   swap two folders atomically but Node has no binding for either; making `_site` a symbolic link flipped by an
    //   atomic rename would change what deploy tools copy (`rsync -a _site`, Pages' artifact) and is exactly the output
    //   we refuse (`checkOutputDir`).
    replaceFolder(scratch, outputDir, aside);
    interrupted.scratch = undefined;
    try {
      rmSync(aside, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      report.warn(`could not delete the previous site ${aside}; the next build will try again`);
    }
    report.say(`built ${pages} pages into ${options.outputDir}`);
    return report.succeeded(pages);
  } catch (error) {
    report.errors.push(outputProblem(error, options.outputDir));
    return report.failed(scratch);
  } finally {
    interrupted.disarm();
    releaseScratchPath(scratch);
    lock.release();
  }
}

/**
 * Parse and render only, straight into `outputDir`, without the search index or the swap: for measuring the render
 * phase (bench/) and for callers that index on their own.
 */
export async function renderSite(options: BuildOptions): Promise<BuildResult> {
  const report = new Report(options.quiet);
  const prepared = await prepareModel(options, report);
  if (!prepared) return report.failed();
  try {
    const pages = await renderModel(prepared.model, resolve(options.outputDir), options.quiet);
    publishPhotos(prepared.photos, resolve(options.outputDir));
    return report.succeeded(pages);
  } catch (error) {
    report.errors.push(`build failed: ${describe(error)}`);
    return report.failed();
  }
}

/**
 * Parses every bulletin, checks and encodes its photos, and builds the page models; on any error, reports all of
 * them and returns null.
 */
async function prepareModel(options: BuildOptions, report: Report): Promise<{ model: SiteModel; photos: PhotoCheck } | null> {
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  let loaded;
  try {
    loaded = loadContent(options.contentDir);
  } catch (error) {
    report.errors.push(String(error));
    return null;
  }
  for (const warning of loaded.warnings) {
    report.warn(formatProblem('warning', warning));
    if (annotate) report.warn(githubAnnotation('warning', warning));
  }
  // Photos are checked even beside a bad bulletin, so one run lists every bad file.
  const photos = await preparePhotos(loaded.bulletins, { contentDir: options.contentDir });
  if (photos.encoded > 0) report.say(`photos: ${photos.encoded} encoded; the others came from the cache`);
  for (const warning of photos.warnings) {
    report.warn(formatProblem('warning', warning));
    if (annotate) report.warn(githubAnnotation('warning', warning));
  }
  const bad = [...loaded.errors, ...photos.errors];
  const built = bad.length === 0 ? buildModel(loaded.bulletins, { pathPrefix: options.pathPrefix, siteUrl: process.env.SITE_URL }) : null;
  const problems = built ? built.errors : bad;
  for (const problem of problems) {
    report.errors.push(formatProblem('error', problem));
    if (annotate) report.errors.push(githubAnnotation('error', problem));
  }
  return problems.length === 0 && built?.model ? { model: built.model, photos } : null;
}

/** Renders every page of `model` into `outputDir`; returns the number of HTML pages written. */
async function renderModel(model: SiteModel, outputDir: string, quiet?: boolean): Promise<number> {
  ensureTypeScriptImports();
  const eleventy = new Eleventy(relative(process.cwd(), TEMPLATES_DIR) || '.', outputDir, {
    configPath: CONFIG_FILE,
    pathPrefix: model.site.prefix === '' ? '/' : `${model.site.prefix}/`,
    quietMode: true,
    config: (eleventyConfig: unknown) => provideSiteModel(eleventyConfig, model),
  });
  // Quiet builds (tests, benchmarks) drop Eleventy's progress lines but keep its warnings and errors.
  if (quiet) eleventy.logger.overrideLogger({ log() {}, info() {}, warn: console.warn, error: console.error });
  const written = await eleventy.write();
  return countPages(written);
}

class Report {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly quiet?: boolean) {}

  say(line: string): void {
    if (!this.quiet) process.stderr.write(`${line}\n`);
  }

  /** Warnings are for editors: shown, never fatal. */
  warn(line: string): void {
    this.warnings.push(line);
    this.say(line);
  }

  succeeded(pages: number): BuildResult {
    return { ok: true, errors: this.errors, warnings: this.warnings, pages };
  }

  /** Errors print even when quiet: a failed build must always say why (`--quiet` in CI once hid every one). */
  failed(scratch?: string): BuildResult {
    if (scratch) rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    for (const line of this.errors) process.stderr.write(`${line}\n`);
    const count = this.errors.filter((e) => !e.startsWith('::')).length;
    process.stderr.write(`build failed: ${count} error(s); the output folder was not changed\n`);
    return { ok: false, errors: this.errors, warnings: this.warnings, pages: 0 };
  }
}

/** Eleventy wraps errors a few levels deep (`originalError`); every level's message helps. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: any = error; e instanceof Error && messages.length < 5; e = (e as { originalError?: unknown }).originalError ?? e.cause) {
    messages.push(e.message);
  }
  return messages.length ? messages.join(': ') : String(error);
}

/** Eleventy's `write()` resolves to the written templates; only HTML files count as pages. */
function countPages(written: unknown): number {
  const results = (Array.isArray(written) ? written.flat(Infinity) : []) as { outputPath?: unknown }[];
  return results.filter((r) => typeof r?.outputPath === 'string' && r.outputPath.endsWith('.html')).length;
}

/**
 * Creates the scratch folder with the usual mode (0777 less the umask, so 0755), not mkdtemp's 0700: the scratch
 * folder becomes the output folder, and the site must stay readable by a web server running as another user
 * (`rsync -a _site/ /var/www/…` copies the mode too). Its name is unique already (pid and random bytes).
 */
function makeDir(dir: string): void {
  mkdirSync(dir);
}

/**
 * Refuses an output folder the build could not replace cleanly, before anything is read or written.
 * - A symbolic link is refused rather than written through: the swap renames the folder's own entry, so it would
 *   replace the link itself with a real folder (the link's target silently stops being updated), and writing into the
 *   target instead would put the scratch folder beside the link, maybe on another file system, where the final
 *   rename is no longer atomic, and would delete folders next to wherever the link points. Pointing `--output` at
 *   the real folder does what was meant.
 * - A read-only output folder or parent is refused with what to change, not a stack trace after the work is done:
 *   the swap needs to create folders beside the output and to empty the old one.
 */
function checkOutputDir(outputDir: string): void {
  const shown = relative(process.cwd(), outputDir) || outputDir;
  const stat = lstatSync(outputDir, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) {
    let target = '';
    try {
      target = ` (to ${readlinkSync(outputDir)})`;
    } catch {}
    throw new OutputError(
      `the output folder ${shown} is a symbolic link${target}; the build replaces the folder whole and will not replace or write through a link: pass the real folder as --output`,
    );
  }
  if (stat && !stat.isDirectory()) throw new OutputError(`the output folder ${shown} exists and is not a folder; remove it or choose another --output`);
  // The scratch folder sits beside the output so the final rename stays on one file system; on a fresh clone
  // (`--output tests/.output/site`, `dist/site`) that parent may not exist yet.
  const parent = dirname(outputDir);
  mkdirSync(parent, { recursive: true });
  for (const [dir, what] of [
    [parent, `the folder ${relative(process.cwd(), parent) || parent} that holds the output folder`],
    ...(stat ? [[outputDir, `the output folder ${shown}`]] : []),
  ] as const) {
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw new OutputError(
        `${what} is read-only (${(error as NodeJS.ErrnoException).code}): the build writes a new site beside it and swaps it in whole, so it must be writable by this user; make it writable or choose another --output`,
        { cause: error },
      );
    }
  }
}

/** A sentence for an error about the output folder or the disk, instead of a stack trace. */
function outputProblem(error: unknown, output: string): string {
  if (error instanceof OutputError) return `build failed: ${error.message}`;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS') {
    return `build failed: cannot write ${e.path ?? output} (${e.code}); make the output folder and the folder holding it writable, or choose another --output`;
  }
  if (e?.code === 'ENOSPC' || e?.code === 'EDQUOT') return `build failed: the disk holding ${output} is full (${e.code}); the output folder was left as it was`;
  return `build failed: ${describe(error)}`;
}

/**
 * While a build runs, Ctrl-C (SIGINT) or SIGTERM first deletes its scratch folder and its lock, then ends the process
 * as the signal would have. Killed without a chance to clean up (SIGKILL), its leftovers carry its pid and are swept
 * by the next build into the same folder.
 */
class InterruptCleanup {
  scratch?: string;
  aside?: string;
  lock?: OutputLock;
  private cleaning = false;
  private readonly handler = (signal: NodeJS.Signals) => this.onSignal(signal);

  constructor(private readonly outputDir: string) {}

  arm(): void {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }

  disarm(): void {
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }

  private onSignal(signal: NodeJS.Signals): void {
    // Still listening while cleaning up: a second Ctrl-C (a terminal signals tsx and this process alike) must not
    // find the default action back and end the process halfway through the cleanup.
    if (this.cleaning) return;
    this.cleaning = true;
    // The swap is synchronous, so it is never half done here; put the old site back if it somehow is.
    if (this.aside && !existsSync(this.outputDir) && existsSync(this.aside)) renameSync(this.aside, this.outputDir);
    for (const dir of [this.scratch, this.aside]) {
      if (!dir) continue;
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Pagefind may still be writing into it; the next build sweeps it (its pid will be dead).
      }
    }
    this.lock?.release();
    process.stderr.write(`build interrupted (${signal}): the output folder was not changed\n`);
    this.disarm();
    // Other listeners (a test runner, an app embedding the build) decide for themselves; alone, end as the signal would.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
}
