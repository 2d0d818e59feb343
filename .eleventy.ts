// Eleventy configuration: a table of contents. Each plugin is a small file in src/site/eleventy/.
// Records are parsed and turned into page models in TypeScript (src/site/model.ts) and reach Eleventy as global data;
// the pages in templates/ are TypeScript render functions paginated over that data, one output file per item. Which
// pages there are is one table, src/site/pageTypes.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import liveSearch from './src/site/eleventy/liveSearch.js';
import publishedUrls from './src/site/eleventy/publishedUrls.js';
import searchPage from './src/site/eleventy/searchPage.js';
import siteData from './src/site/eleventy/siteData.js';
import staticAssets from './src/site/eleventy/staticAssets.js';
import textIsData from './src/site/eleventy/textIsData.js';
import typescriptTemplates from './src/site/eleventy/typescriptTemplates.js';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), 'templates');

export default function (eleventyConfig: any) {
  // Parsed bulletins as `siteModel` (given by `buildSite`, or parsed from content/ and watched under `npm start`).
  eleventyConfig.addPlugin(siteData, { contentDir: process.env.BULLETIN_CONTENT_DIR ?? 'content', siteUrl: process.env.SITE_URL });
  // `*.11ty.ts` pages.
  eleventyConfig.addPlugin(typescriptTemplates);
  // Markdown and HTML never pass through a template language.
  eleventyConfig.addPlugin(textIsData);
  // templates/assets/ → /assets/.
  eleventyConfig.addPlugin(staticAssets, { templatesDir });
  // /search/ from templates/search.ts, in the site's layout.
  eleventyConfig.addPlugin(searchPage, { templatesDir });
  // Under `npm start`, the search index follows each rebuild, in the background.
  eleventyConfig.addPlugin(liveSearch);
  // `npm run build` records the addresses it published in content/published-urls.json.
  eleventyConfig.addPlugin(publishedUrls);

  return {
    // Markdown and HTML are never run through Liquid or Nunjucks, so `{{ }}` / `{% %}` stay literal.
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    // Input (templates/) and output are given by whoever runs Eleventy (src/build.ts, scripts/serve.ts): a config-file
    // `output` would override the build's fresh scratch folder and write into the live site.
    dir: { includes: '_includes' },
  };
}
