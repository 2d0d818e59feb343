// `buildSite`: parse → model → Eleventy into a fresh folder → Pagefind → swap into place. It fails closed: bad
// bulletins stop the build before anything is written, and a build that fails later leaves the old output untouched.
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { formatProblem, githubAnnotation } from './cli/format.js';
import { loadContent } from './load.js';
import { indexSite } from './search/indexSite.js';
import { provideSiteModel } from './site/eleventy/siteData.js';
import { ensureTypeScriptImports } from './site/eleventy/typescriptLoader.js';
import { buildModel } from './site/model.js';

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
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  const say = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const errors: string[] = [];
  const warnings: string[] = [];

  let loaded;
  try {
    loaded = loadContent(options.contentDir);
  } catch (error) {
    return fail(errors, [String(error)], warnings, say);
  }
  for (const warning of loaded.warnings) {
    warnings.push(formatProblem('warning', warning));
    if (annotate) warnings.push(githubAnnotation('warning', warning));
  }
  for (const line of warnings) say(line);

  const built = loaded.errors.length === 0 ? buildModel(loaded.bulletins, { pathPrefix: options.pathPrefix, siteUrl: process.env.SITE_URL }) : null;
  const problems = built ? built.errors : loaded.errors;
  if (problems.length > 0 || !built?.model) {
    for (const problem of problems) {
      errors.push(formatProblem('error', problem));
      if (annotate) errors.push(githubAnnotation('error', problem));
    }
    return fail(errors, [], warnings, say);
  }
  const model = built.model;

  const outputDir = resolve(options.outputDir);
  const scratch = mkdtempSync(join(dirname(outputDir), `${basename(outputDir)}.build-`));
  try {
    ensureTypeScriptImports();
    const eleventy = new Eleventy(relative(process.cwd(), TEMPLATES_DIR) || '.', scratch, {
      configPath: CONFIG_FILE,
      pathPrefix: model.site.prefix === '' ? '/' : `${model.site.prefix}/`,
      quietMode: true,
      config: (eleventyConfig: unknown) => provideSiteModel(eleventyConfig, model),
    });
    // Quiet builds (tests, benchmarks) drop Eleventy's progress lines but keep its warnings and errors.
    if (options.quiet) eleventy.logger.overrideLogger({ log() {}, info() {}, warn: console.warn, error: console.error });
    const written = await eleventy.write();
    const pages = countPages(written);

    const indexed = await indexSite(scratch);
    if (indexed.errors.length > 0) return fail(errors, indexed.errors.map((e) => `search index: ${e}`), warnings, say, scratch);

    swapIntoPlace(scratch, outputDir);
    say(`built ${pages} pages from ${loaded.bulletins.length} bulletins into ${options.outputDir}`);
    return { ok: true, errors, warnings, pages };
  } catch (error) {
    return fail(errors, [`build failed: ${describe(error)}`], warnings, say, scratch);
  }
}

/** Eleventy wraps errors a few levels deep; the innermost message is the useful one. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: any = error; e instanceof Error && messages.length < 5; e = (e as { originalError?: unknown }).originalError ?? e.cause) {
    messages.push(e.message);
  }
  return messages.length ? messages.join(': ') : String(error);
}

function fail(errors: string[], more: string[], warnings: string[], say: (line: string) => void, scratch?: string): BuildResult {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  errors.push(...more);
  for (const line of errors) say(line);
  say(`build failed: ${errors.filter((e) => !e.startsWith('::')).length} error(s); the output folder was not changed`);
  return { ok: false, errors, warnings, pages: 0 };
}

/** Eleventy's `write()` resolves to the written templates; only HTML pages count as pages. */
function countPages(written: unknown): number {
  const results = (Array.isArray(written) ? written.flat(Infinity) : []) as { outputPath?: unknown }[];
  return results.filter((r) => typeof r?.outputPath === 'string' && r.outputPath.endsWith('.html')).length;
}

/**
 * Renames, never copies, so readers of the output folder see either the whole old site or the whole new one. If the
 * new one cannot be moved in, the old one is moved back.
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
