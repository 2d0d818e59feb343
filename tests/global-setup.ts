// Builds the seed bulletins, plain and under the path prefix /archive/, into tests/.output/, so the site, search and
// gate tests read the same real output instead of building their own. Only the vitest projects whose tests read
// that output list this file (vitest.config.ts), so a parser or unit test run builds nothing.

const SEED_SITES = [
  { outputDir: 'tests/.output/site', pathPrefix: '/' },
  { outputDir: 'tests/.output/site-prefixed', pathPrefix: '/archive/' },
] as const;

// Vitest sets up each project with a module runner of its own, so a module-level flag here would be one per project
// and the sites would be built once for each. The process is shared (projects are set up one after another in it),
// so the one build of this run is kept on globalThis.
const THIS_RUN = Symbol.for('cqftu-bulletin-archive/tests/seed-sites');

export default async function buildSeedSitesOnce(): Promise<void> {
  const run = globalThis as { [THIS_RUN]?: Promise<void> };
  run[THIS_RUN] ??= buildSeedSites();
  await run[THIS_RUN];
}

async function buildSeedSites(): Promise<void> {
  // Imported here, not at the top: the build pulls in Eleventy and Pagefind, which only the first project needs.
  const { buildSite } = await import('../src/build.js');
  for (const build of SEED_SITES) {
    const result = await buildSite({ contentDir: 'content', ...build, quiet: true });
    if (!result.ok) {
      throw new Error(`tests/global-setup.ts could not build the seed site into ${build.outputDir}:\n${result.errors.join('\n')}`);
    }
  }
}
