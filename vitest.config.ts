import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the seed site into tests/.output/ once for every test file that reads it.
    globalSetup: ['tests/global-setup.ts'],
    // Building the site and driving Chromium are slow on 2 cores; unit tests stay fast regardless.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
