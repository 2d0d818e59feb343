// `npx tsx scripts/measure-page-weight.ts [SITE_DIR]`: bytes a reader's browser fetches to render each page type,
// HTML plus the stylesheets it links (uncompressed, and gzip for reference). Goal for an article: under 30 KB.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const siteDir = process.argv[2] ?? '_site';
const GOAL = 30 * 1024;

function htmlFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(dir, path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function weigh(file: string) {
  const html = readFileSync(join(siteDir, file));
  const prefix = /<link rel="stylesheet" href="([^"]+)"/g;
  const sheets = [...html.toString('utf8').matchAll(prefix)].map((m) => m[1]!);
  const css = sheets.map((href) => {
    const local = href.replace(/^.*?\/assets\//, 'assets/');
    return readFileSync(join(siteDir, local));
  });
  const raw = html.length + css.reduce((n, b) => n + b.length, 0);
  const gzip = gzipSync(html).length + css.reduce((n, b) => n + gzipSync(b).length, 0);
  return { file, html: html.length, css: css.reduce((n, b) => n + b.length, 0), raw, gzip, requests: 1 + sheets.length };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const files = htmlFiles(siteDir);
const kinds: [string, RegExp][] = [
  ['article', /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/],
  ['issue', /^issues\/[^/]+\/index\.html$/],
  ['home', /^index\.html$/],
  ['archive', /^archive\/index\.html$/],
  ['year list', /^archive\/\d{4}\/(page\/\d+\/)?index\.html$/],
  ['column list', /^columns\/[^/]+\/(page\/\d+\/)?index\.html$/],
  ['source view', /^issues\/[^/]+\/source\/index\.html$/],
];
console.log(`page weight in ${siteDir} (HTML + linked CSS; uncompressed, gzip in brackets)`);
for (const [kind, re] of kinds) {
  const weights = files.filter((f) => re.test(f)).map(weigh).sort((a, b) => a.raw - b.raw);
  if (weights.length === 0) continue;
  const median = weights[Math.floor(weights.length / 2)]!;
  const max = weights[weights.length - 1]!;
  console.log(
    `${kind.padEnd(12)} n=${String(weights.length).padStart(4)}  median ${kib(median.raw)} (${kib(median.gzip)})  max ${kib(max.raw)} (${kib(max.gzip)}) ${max.file}  requests ${max.requests}`,
  );
  if (kind === 'article') {
    const over = weights.filter((w) => w.raw > GOAL);
    console.log(`article      CSS ${kib(median.css)}; HTML median ${kib(median.html)}; ${over.length} of ${weights.length} over the ${kib(GOAL)} goal`);
  }
}
console.log(`total site ${kib(files.reduce((n, f) => n + statSync(join(siteDir, f)).size, 0))} of HTML in ${files.length} pages`);
