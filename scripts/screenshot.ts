// `npx tsx scripts/screenshot.ts [SITE_DIR] [OUT_DIR]`: full-page PNGs of each page type at desktop and phone widths,
// in Debian's Chromium, for a person to look at. Serves SITE_DIR on a local port; no network.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const siteDir = process.argv[2] ?? '_site';
const outDir = process.argv[3] ?? 'tests/.output/screenshots';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

function firstMatch(dir: string, re: RegExp, sub = ''): string | null {
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      const found = firstMatch(dir, re, path);
      if (found) return found;
    } else if (re.test(path)) return path;
  }
  return null;
}

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(siteDir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': TYPES['.html']! });
    res.end(existsSync(join(siteDir, '404.html')) ? readFileSync(join(siteDir, '404.html')) : 'not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const article = process.env.ARTICLE ?? firstMatch(siteDir, /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/);
const issue = firstMatch(siteDir, /^issues\/[^/]+\/index\.html$/);
const pages: Record<string, string> = {
  home: '/',
  article: `/${article!.replace(/index\.html$/, '')}`,
  issue: `/${issue!.replace(/index\.html$/, '')}`,
  archive: '/archive/',
  column: '/columns/',
  search: '/search/?q=劳模',
  // One character is answered from the character index, not Pagefind (src/search/characterIndex.ts).
  'search-character': '/search/?q=赛',
  // A brief's excerpt starts in its title and runs on into its body, across the part separator.
  'search-brief': '/search/?q=近日',
};
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [device, viewport] of Object.entries(widths)) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: scheme, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      for (const [name, path] of Object.entries(pages)) {
        if (scheme === 'dark' && name !== 'article' && name !== 'home') continue;
        await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
        const file = join(outDir, `${name}-${device}${scheme === 'dark' ? '-dark' : ''}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        console.log(`${file}  ${path}${overflow > 0 ? `  horizontal overflow ${overflow}px` : ''}`);
      }
      if (problems.length) console.log(`console errors (${device}, ${scheme}):\n  ${problems.join('\n  ')}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
