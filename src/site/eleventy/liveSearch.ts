// Under `npm start`, re-indexes search in the background after each rebuild that changed the bulletins
// (src/search/liveIndex.ts), so the dev server's /search/ finds what it serves. `npm run build` indexes on its own
// (src/build.ts) and never emits the event.
import { LiveSearchIndex } from '../../search/liveIndex.js';
import { LIVE_BUILD_EVENT, type LiveBuild } from './siteData.js';

// One per process, not per plugin call: Eleventy runs the config again when .eleventy.ts changes, and two
// indexers would write the same folder.
const liveIndex = new LiveSearchIndex();

export default function liveSearch(eleventyConfig: any): void {
  eleventyConfig.on(LIVE_BUILD_EVENT, ({ contentDir, outputDir, contentFingerprint }: LiveBuild) => {
    liveIndex.update({ contentDir, siteDir: outputDir, contentFingerprint });
  });
}
