// One headless Debian Chromium per test file; no tool may download a browser.
import { chromium, type Browser } from 'playwright-core';

/** `extraArgs`, e.g. `--js-flags=--expose-gc`, so a test can collect garbage when it chooses. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}
