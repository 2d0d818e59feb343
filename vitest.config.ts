import { configDefaults, defineConfig } from 'vitest/config';

// One project per test folder, so `npx vitest run tests/parse` (or `--project parse`) starts in seconds: only the
// projects whose tests read the built seed sites in tests/.output/ build them (tests/global-setup.ts, once per run
// however many of them run). `npm test` runs every project.
const WITHOUT_SEED_SITES = ['parse', 'bench', 'places', 'openData'];
const WITH_SEED_SITES = ['site', 'search', 'gates'];
const SEED_SITES_SETUP = ['tests/global-setup.ts'];

export default defineConfig({
  test: {
    // Building the site and driving Chromium are slow on 2 cores; unit tests stay fast regardless.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    projects: [
      ...WITHOUT_SEED_SITES.map((name) => ({
        extends: true as const,
        test: { name, include: [`tests/${name}/**/*.test.ts`] },
      })),
      ...WITH_SEED_SITES.map((name) => ({
        extends: true as const,
        test: { name, include: [`tests/${name}/**/*.test.ts`], globalSetup: SEED_SITES_SETUP },
      })),
      // A test folder not named above still runs in `npm test`; it gets the seed sites, since nobody has said it
      // does without them.
      {
        extends: true,
        test: {
          name: 'other',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...[...WITHOUT_SEED_SITES, ...WITH_SEED_SITES].map((name) => `tests/${name}/**`)],
          globalSetup: SEED_SITES_SETUP,
        },
      },
    ],
  },
});
