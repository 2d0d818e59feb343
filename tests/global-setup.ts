// Builds the seed bulletins once per test run, plain and under the path prefix /archive/, so every test file
// (site, search, quality gates) reads the same real output instead of building its own.
import { buildSite } from '../src/build.js';

export default async function buildSeedSites(): Promise<void> {
  const builds = [
    { outputDir: 'tests/.output/site', pathPrefix: '/' },
    { outputDir: 'tests/.output/site-prefixed', pathPrefix: '/archive/' },
  ];
  for (const build of builds) {
    const result = await buildSite({ contentDir: 'content', ...build, quiet: true });
    if (!result.ok) {
      throw new Error(`tests/global-setup.ts could not build the seed site into ${build.outputDir}:\n${result.errors.join('\n')}`);
    }
  }
}
