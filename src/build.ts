// `buildSite`: parse → page models → Eleventy into a fresh folder → Pagefind → swap into place. It fails closed: bad
// bulletins stop the build before anything is written, and a build that fails later leaves the old output untouched.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { formatProblem, githubAnnotation } from './cli/format.js';
import { loadContent } from './load.js';
import { indexSite } from './search/indexSite.js';
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
  quiet?: boolean;
}

export interface BuildResult {
  ok: boolean;
  errors: string[];
  warnings: string[];
  pages: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const report = new Report(options.quiet);
  const model = prepareModel(options, report);
  if (!model) return report.failed();

  const outputDir = resolve(options.outputDir);
  // The scratch folder sits beside the output so the final rename stays on one file system; on a fresh clone
  // (`--output tests/.output/site`, `dist/site`) that parent may not exist yet.
  mkdirSync(dirname(outputDir), { recursive: true });
  const scratch = makeScratchDir(join(dirname(outputDir), `${basename(outputDir)}.build-`));
  try {
    const pages = await renderModel(model, scratch, options.quiet);
    const indexed = await indexSite(scratch, searchRecordsOf(model.records));
    if (indexed.errors.length > 0) {
      report.errors.push(...indexed.errors.map((e) => `search index: ${e}`));
      return report.failed(scratch);
    }
    swapIntoPlace(scratch, outputDir);
    report.say(`built ${pages} pages into ${options.outputDir}`);
    return report.succeeded(pages);
  } catch (error) {
    report.errors.push(`build failed: ${describe(error)}`);
    return report.failed(scratch);
  }
}

/**
 * Parse and render only, straight into `outputDir`, without the search index or the swap: for measuring the render
 * phase (bench/) and for callers that index on their own.
 */
export async function renderSite(options: BuildOptions): Promise<BuildResult> {
  const report = new Report(options.quiet);
  const model = prepareModel(options, report);
  if (!model) return report.failed();
  try {
    return report.succeeded(await renderModel(model, resolve(options.outputDir), options.quiet));
  } catch (error) {
    report.errors.push(`build failed: ${describe(error)}`);
    return report.failed();
  }
}

/** Parses every bulletin and builds the page models; on any error, reports all of them and returns null. */
function prepareModel(options: BuildOptions, report: Report): SiteModel | null {
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
  const built =
    loaded.errors.length === 0 ? buildModel(loaded.bulletins, { pathPrefix: options.pathPrefix, siteUrl: process.env.SITE_URL }) : null;
  const problems = built ? built.errors : loaded.errors;
  for (const problem of problems) {
    report.errors.push(formatProblem('error', problem));
    if (annotate) report.errors.push(githubAnnotation('error', problem));
  }
  return problems.length === 0 && built?.model ? built.model : null;
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

  failed(scratch?: string): BuildResult {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    for (const line of this.errors) this.say(line);
    const count = this.errors.filter((e) => !e.startsWith('::')).length;
    this.say(`build failed: ${count} error(s); the output folder was not changed`);
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
 * A fresh, uniquely named folder, like `mkdtemp` but with the usual mode (0777 less the umask, so 0755) instead of
 * 0700: the scratch folder becomes the output folder, and the site must stay readable by a web server running as
 * another user (`rsync -a _site/ /var/www/…` copies the mode too).
 */
function makeScratchDir(prefix: string): string {
  for (let attempt = 1; ; attempt++) {
    const dir = `${prefix}${randomBytes(6).toString('hex')}`;
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
    }
  }
}

/**
 * Renames, never copies, so the output folder holds either the whole old site or the whole new one. If the new one
 * cannot be moved in, the old one is moved back.
 */
function swapIntoPlace(fresh: string, outputDir: string): void {
  const old = existsSync(outputDir) ? `${fresh}-old` : null;
  if (old) renameSync(outputDir, old);
  try {
    renameSync(fresh, outputDir);
  } catch (error) {
    if (old) renameSync(old, outputDir);
    throw error;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}
