// `npm run build` records the addresses it published in content/published-urls.json, once Eleventy has written every
// page (a build that fails before that records nothing). Other builds (tests, CI's checks, benchmarks) and the dev
// server only read the file: src/site/publishedUrls.ts says which. The file is replaced whole, never half written.
import { renameSync, writeFileSync } from 'node:fs';
import { recordsPublishedUrls } from '../publishedUrls.js';
import { SITE_MODEL_KEY, SiteModelData } from './siteData.js';

export default function recordPublishedUrls(eleventyConfig: any): void {
  eleventyConfig.on('eleventy.after', ({ runMode }: { runMode: string }) => {
    if (runMode !== 'build' || !recordsPublishedUrls()) return;
    const model = eleventyConfig.globalData?.[SITE_MODEL_KEY];
    if (!(model instanceof SiteModelData) || !model.publishedUrls?.changed) return;
    const { file, text, added, moved } = model.publishedUrls;
    const scratch = `${file}.${process.pid}.tmp`;
    writeFileSync(scratch, text);
    renameSync(scratch, file);
    const what = [added ? `${added} new address(es)` : '', moved ? `${moved} moved address(es)` : ''].filter(Boolean).join(' and ');
    process.stderr.write(`recorded ${what || 'the published addresses'} in ${file}: commit it with the bulletins\n`);
  });
}
