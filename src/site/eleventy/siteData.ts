// Puts the site model into Eleventy's global data as `siteModel`. `buildSite` parses once and hands its model in
// (Eleventy's `config` callback runs before this file); `npm start` has none, so this plugin parses `content/` itself
// on every rebuild and watches it.
import { loadContent } from '../../load.js';
import { formatProblem } from '../../cli/format.js';
import { buildModel, type SiteModel } from '../model.js';

export const SITE_MODEL_KEY = 'siteModel';

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
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addGlobalData(SITE_MODEL_KEY, () => {
    const loaded = loadContent(contentDir);
    for (const warning of loaded.warnings) console.warn(formatProblem('warning', warning));
    const built = loaded.errors.length === 0 ? buildModel(loaded.bulletins, options) : { model: null, errors: loaded.errors };
    if (!built.model) {
      throw new Error(`the bulletins cannot be built:\n${built.errors.map((e) => formatProblem('error', e)).join('\n')}`);
    }
    return new SiteModelData(built.model);
  });
}
