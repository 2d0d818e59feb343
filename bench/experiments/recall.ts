// Does a cheaper index still find what the current one finds? Runs the same one-character-token queries (as the
// search page sends them) against several Pagefind indexes of the same pages in Chromium, and counts results
// against the truth computed from the pages' token text.
//   tsx bench/experiments/recall.ts <siteDir> <index dir name> …   e.g. exp-site-1000 pagefind-dir-zh pagefind-dir-en
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../tests/support/browser.js';
import { serveStatic } from '../../tests/support/server.js';
import { mulberry32 } from '../generate.js';

const [siteDir, ...indexes] = process.argv.slice(2);
if (!siteDir || indexes.length === 0) throw new Error('usage: recall.ts <siteDir> <index dir> …');

const TOKEN_BLOCK = /<div class="search-tokens" hidden data-pagefind-body>([\s\S]*?)<\/div>/;
const pages = (JSON.parse(readFileSync(join(siteDir, 'pages.json'), 'utf8')) as { file: string; url: string }[])
  .map((p) => ({ url: p.url, tokens: ` ${TOKEN_BLOCK.exec(readFileSync(join(siteDir, p.file), 'utf8'))?.[1] ?? ''} ` }));

// Queries: runs of 1–4 Han characters from random pages, plus names and words readers search for.
const random = mulberry32(11);
const queries = new Set(['协 商', '工 匠', '劳 模', '刘 颖', '黔 江', '新 重 庆', '赛', '职 工 之 家', '篮 球 赛', '女 职 工', '遂 宁', '无 人 机']);
while (queries.size < 60) {
  const page = pages[Math.floor(random() * pages.length)]!;
  const runs = page.tokens.match(/(?:\p{Script=Han} )+/gu) ?? [];
  const run = runs[Math.floor(random() * runs.length)]?.trim().split(' ') ?? [];
  if (run.length === 0) continue;
  const length = 1 + Math.floor(random() * Math.min(4, run.length));
  const start = Math.floor(random() * (run.length - length + 1));
  queries.add(run.slice(start, start + length).join(' '));
}
const truth = (q: string) => pages.filter((p) => p.tokens.includes(` ${q} `)).length;

writeFileSync(join(siteDir, 'blank.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head><body></body></html>');
const server = await serveStatic(siteDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}blank.html`);
  const counts: Record<string, Record<string, number>> = {};
  for (const index of indexes) {
    counts[index] = await page.evaluate(
      async ({ index, queries }) => {
        const pagefind = await import(`/${index}/pagefind.js`);
        await pagefind.options({ excerptLength: 1 });
        await pagefind.init();
        const out: Record<string, number> = {};
        for (const q of queries) {
          // As the search page asks: one character as a prefix word, more as a quoted phrase.
          const found = await pagefind.search(q.includes(' ') ? `"${q}"` : q);
          out[q] = found.results.length;
        }
        return out;
      },
      { index, queries: [...queries] },
    );
  }
  let rows = 0;
  const recall: Record<string, number> = Object.fromEntries(indexes.map((i) => [i, 0]));
  console.log(`| query | truth | ${indexes.join(' | ')} |\n|---|--:|${indexes.map(() => '--:').join('|')}|`);
  for (const q of queries) {
    const t = truth(q);
    if (t === 0) continue;
    rows++;
    for (const i of indexes) recall[i]! += Math.min(1, counts[i]![q]! / t);
    if (indexes.some((i) => counts[i]![q] !== t) || rows <= 12) console.log(`| ${q.replace(/ /g, '')} | ${t} | ${indexes.map((i) => counts[i]![q]).join(' | ')} |`);
  }
  console.log(`\nmean recall over ${rows} queries (results ÷ pages containing the phrase, capped at 1): ${indexes.map((i) => `${i} ${recall[i]! / rows}`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
