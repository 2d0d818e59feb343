import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Building the site and driving Chromium are slow on 2 cores; unit tests stay fast regardless.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
