// Puts the site model into Eleventy's global data as `siteModel`. `buildSite` parses once and hands its model in
// (Eleventy's `config` callback runs before this file). `npm start` has none, so this plugin parses `content/`
// itself on every rebuild, incrementally: unchanged bulletins are not parsed again, and only pages whose inputs
// changed are handed to Eleventy (the others are already in the output folder from the build before).
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { formatProblem } from '../../cli/format.js';
import type { BulletinError } from '../../errors.js';
import { bulletinFilesIn, bulletinSha1, contentFingerprint, loadBulletins } from '../../load.js';
import type { PhotoCheck } from '../../photos/index.js';
import type { ArticleRecord, ParsedBulletin } from '../../types.js';
import { buildModel, type Feed, type IssuePage, type RecordPage, type SiteModel, type SourcePage } from '../model.js';
import { PAGE_TYPES, type PaginatedKey } from '../pageTypes.js';

export const SITE_MODEL_KEY = 'siteModel';

/**
 * Emitted under `npm start` after each rebuild Eleventy finished (a `LiveBuild`). What follows the pages but is not
 * built by Eleventy (the search index, liveSearch.ts) listens.
 */
export const LIVE_BUILD_EVENT = 'bulletins.liveBuild';
export interface LiveBuild {
  contentDir: string;
  outputDir: string;
  /** Of the bulletins' bytes the served pages were built from: equal fingerprints, equal records. */
  contentFingerprint: string;
}

/**
 * Eleventy deep-copies plain objects in global data for every paginated template; wrapping the model in a class
 * instance makes it pass by reference, so a 10,000-record model is never copied.
 */
export class SiteModelData {
  constructor(model: SiteModel) {
    Object.assign(this, model);
  }
}
export interface SiteModelData extends SiteModel {}

export function provideSiteModel(eleventyConfig: any, model: SiteModel): void {
  eleventyConfig.addGlobalData(SITE_MODEL_KEY, new SiteModelData(model));
}

export interface SiteDataOptions {
  contentDir?: string;
  pathPrefix?: string;
  siteUrl?: string;
}

export default function siteData(eleventyConfig: any, options: SiteDataOptions = {}): void {
  if (eleventyConfig.globalData?.[SITE_MODEL_KEY] !== undefined) return;
  const contentDir = options.contentDir ?? 'content';
  const live = new LiveModel(contentDir, options);
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addGlobalData(SITE_MODEL_KEY, () => live.nextWithPhotos());
  // Where the pages are, so a page whose file is gone (`rm -rf _site`) is rendered again, and a page no longer in the
  // model (its bulletin deleted or renamed) is removed: Eleventy itself never deletes an output file.
  eleventyConfig.on('eleventy.before', ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === 'serve' || runMode === 'watch') live.outputDir = directories.output;
  });
  // A page counts as written only once Eleventy finished; a change outside content/ (a template, the stylesheet)
  // may change any page, so the next build renders all of them.
  eleventyConfig.on('eleventy.after', async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    live.commit();
    // Encoded once (cached by content); only links or copies here.
    if (live.photos) (await import('../../photos/index.js')).publishPhotos(live.photos, directories.output);
    // A one-off `eleventy` run without buildSite parses content/ too, but nothing should follow it in the background.
    if (runMode !== 'serve' && runMode !== 'watch') return;
    if (live.servedFingerprint === undefined) return;
    const build: LiveBuild = { contentDir, outputDir: directories.output, contentFingerprint: live.servedFingerprint };
    await eleventyConfig.emit(LIVE_BUILD_EVENT, build);
  });
  eleventyConfig.on('eleventy.beforeWatch', (changed: string[] = []) => {
    const content = resolve(contentDir);
    if (changed.some((file) => !resolve(file).startsWith(content))) live.forgetRendered();
  });
}

/** The data Eleventy paginates over (src/site/pageTypes.ts); each item renders one output file, or two (a source). */
export const PAGINATED = [
  ...new Set(Object.values(PAGE_TYPES).flatMap((type) => (type.paginated && type.data ? [type.data as PaginatedKey] : []))),
];

export class LiveModel {
  private parsed = new Map<string, { hash: string; bulletin: ParsedBulletin }>();
  private rendered = new Map<string, string>();
  private pending = new Map<string, string>();
  /** The output files (relative to `outputDir`) of each page of the last build Eleventy finished, and of the next. */
  private published = new Map<string, string[]>();
  private pendingFiles = new Map<string, string[]>();
  private modelGiven = false;
  /** Set under `npm start`: pages whose files are missing there are rendered again, pages gone are removed. */
  outputDir: string | undefined;
  private latestFingerprint: string | undefined;
  /** Of the bulletins behind the last build Eleventy finished. */
  servedFingerprint: string | undefined;
  /** The photos of the latest model, for the output folder once Eleventy has written the pages. */
  photos: PhotoCheck | undefined;

  constructor(
    private readonly contentDir: string,
    private readonly options: SiteDataOptions,
  ) {}

  next(): SiteModelData {
    return this.modelOf(this.load());
  }

  /** `next` with each photo checked and encoded (once: the cache keeps it), as Eleventy's data under `npm start`. */
  async nextWithPhotos(): Promise<SiteModelData> {
    const loaded = this.load();
    // Imported here, not at the top: sharp's native library is loaded only by what needs it.
    const { preparePhotos } = await import('../../photos/index.js');
    const photos = await preparePhotos(loaded.bulletins, { contentDir: this.contentDir });
    for (const warning of photos.warnings) console.warn(formatProblem('warning', warning));
    if (photos.errors.length) throw contentError(photos.errors);
    this.photos = photos;
    return this.modelOf(loaded);
  }

  private modelOf({ bulletins, hashes, fingerprint }: { bulletins: ParsedBulletin[]; hashes: Map<string, string>; fingerprint: string }): SiteModelData {
    this.latestFingerprint = fingerprint;
    // An address that would vanish is a warning here, while the editor is at work; `npm run build` refuses it.
    const built = buildModel(bulletins, { ...this.options, vanishedUrls: 'warn' });
    if (!built.model) throw contentError(built.errors);
    for (const warning of built.warnings ?? []) console.warn(formatProblem('warning', warning));
    const model = built.model;
    // A record stands for its bulletin's hash (same bytes, same record); everything else in a page model is small
    // and is compared as it is. Shallow copies keep JSON.stringify native (a replacer function is several times slower).
    const token = (page: RecordPage) => ({ ...page, record: `${hashes.get(page.record.source.file)}#${page.record.id}${photosToken(page.record)}` });
    // Other pages (lists, redirects) hold only small values and links, compared as they are.
    const fingerprints: Partial<Record<PaginatedKey, (entry: any) => string>> = {
      records: (page: RecordPage) => JSON.stringify(token(page)),
      issues: (issue: IssuePage) => JSON.stringify({ ...issue, briefs: issue.briefs.map(token) }),
      sources: (source: SourcePage) => JSON.stringify({ ...source, text: hashes.get(source.file) }),
      feeds: (feed: Feed) => JSON.stringify({ ...feed, entries: feed.entries.map((e) => ({ ...e, page: token(e.page) })) }),
    };
    this.pending = new Map();
    this.pendingFiles = new Map();
    const outputDir = this.outputDir;
    const changed = (entries: object[], kind: PaginatedKey) =>
      entries.filter((entry, i) => {
        const key = `${kind}:${(entry as { permalink?: string; textPermalink?: string }).permalink ?? (entry as { textPermalink: string }).textPermalink ?? i}`;
        const print = (fingerprints[kind] ?? JSON.stringify)(entry);
        const files = outputFilesOf(entry);
        this.pending.set(key, print);
        this.pendingFiles.set(key, files);
        return this.rendered.get(key) !== print || (outputDir !== undefined && files.some((file) => !existsSync(join(outputDir, file))));
      });
    const partial: SiteModel = { ...model };
    for (const kind of PAGINATED) (partial[kind] as object[]) = changed(model[kind], kind);
    this.modelGiven = true;
    return new SiteModelData(partial);
  }

  commit(): void {
    for (const [key, print] of this.pending) this.rendered.set(key, print);
    // A page of the build before that this build's model no longer has: its bulletin was deleted or renamed.
    if (this.modelGiven) for (const key of this.rendered.keys()) if (!this.pending.has(key)) this.rendered.delete(key);
    if (this.modelGiven && this.outputDir !== undefined) {
      const kept = new Set([...this.pendingFiles.values()].flat());
      for (const [key, files] of this.published) {
        if (this.pendingFiles.has(key)) continue;
        for (const file of files) if (!kept.has(file)) removeOutputFile(this.outputDir, file);
      }
      this.published = this.pendingFiles;
    }
    this.pending = new Map();
    this.pendingFiles = new Map();
    this.modelGiven = false;
    this.servedFingerprint = this.latestFingerprint;
  }

  forgetRendered(): void {
    this.rendered = new Map();
  }

  /** Parses only bulletins whose bytes changed since the last build; reports every bad file at once. */
  private load(): { bulletins: ParsedBulletin[]; hashes: Map<string, string>; fingerprint: string } {
    const files = bulletinFilesIn(this.contentDir);
    const bulletins: ParsedBulletin[] = [];
    const errors: BulletinError[] = [];
    const hashes = new Map<string, string>();
    const hashByFile = new Map<string, string>();
    const seen = new Set<string>();
    for (const file of files) {
      seen.add(file);
      const hash = bulletinSha1(file);
      hashByFile.set(file, hash);
      let entry = this.parsed.get(file);
      if (entry?.hash !== hash) {
        const loaded = loadBulletins([file]);
        for (const warning of loaded.warnings) console.warn(formatProblem('warning', warning));
        errors.push(...loaded.errors);
        entry = loaded.bulletins[0] ? { hash, bulletin: loaded.bulletins[0] } : undefined;
        if (entry) this.parsed.set(file, entry);
        else this.parsed.delete(file);
      }
      if (entry) {
        bulletins.push(entry.bulletin);
        hashes.set(entry.bulletin.meta.file, hash);
      }
    }
    for (const file of this.parsed.keys()) if (!seen.has(file)) this.parsed.delete(file);
    if (errors.length) throw contentError(errors);
    return { bulletins, hashes, fingerprint: contentFingerprint(this.contentDir, hashByFile) };
  }
}

/** A photo's file can change while its bulletin does not; its published name (a content hash) says when. */
function photosToken(record: ArticleRecord): string {
  return record.photos ? `#${record.photos.map((p) => p.image?.sources.at(-1)?.path ?? '-').join(',')}` : '';
}

/** The files a page renders, relative to the output folder: a source page renders its text and its HTML view. */
function outputFilesOf(entry: object): string[] {
  const { permalink, textPermalink, htmlPermalink } = entry as { permalink?: string; textPermalink?: string; htmlPermalink?: string };
  return [permalink, textPermalink, htmlPermalink].filter((file): file is string => typeof file === 'string');
}

/** Deletes `file` under `outputDir`, then the folders it leaves empty (never `outputDir` itself). */
function removeOutputFile(outputDir: string, file: string): void {
  const root = resolve(outputDir);
  let path = resolve(root, file);
  if (!path.startsWith(root + sep)) return;
  rmSync(path, { force: true });
  for (path = dirname(path); path.startsWith(root + sep); path = dirname(path)) {
    try {
      if (readdirSync(path).length > 0) return;
      rmdirSync(path);
    } catch {
      return;
    }
  }
}

function contentError(errors: BulletinError[]): Error {
  return new Error(`the bulletins cannot be built:\n${errors.map((e) => formatProblem('error', e)).join('\n')}`);
}
