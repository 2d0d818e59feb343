// The floor: the least work any generator must do to write the site — the same pages, at the same paths and of
// the same sizes as the real build wrote, made with template literals and writeFileSync. No parser, no
// templates engine, no index. Our render phase is judged by its ratio to this.
//   node --import tsx bench/floor.ts '{"manifest": "pages.json", "contentDir": "…", "outputDir": "…"}'
// The manifest is a JSON array of [relativePath, bytes] for every HTML page of the real build.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reportResult } from './lib/measure.js';

interface FloorOptions {
  manifest: string;
  contentDir: string;
  outputDir: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeFloor({ manifest, contentDir, outputDir }: FloorOptions): { pages: number; bytes: number; workS: number; workCpuS: number } {
  const pages = JSON.parse(readFileSync(manifest, 'utf8')) as [string, number][];
  const bulletinDir = join(contentDir, 'bulletins');
  // Real bulletin text as filler, so the pages hold Chinese text of the real build's size.
  const paragraphs = readdirSync(bulletinDir)
    .slice(0, 200)
    .flatMap((name) => readFileSync(join(bulletinDir, name), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const started = performance.now();
  const cpu = process.cpuUsage();
  rmSync(outputDir, { recursive: true, force: true });
  let bytes = 0;
  let next = 0;
  const madeDirs = new Set<string>();
  for (const [path, size] of pages) {
    const title = escapeHtml(paragraphs[next % paragraphs.length]!.slice(0, 30));
    const head = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><header><a href="/">重庆市总工会</a></header>
<main><h1>${title}</h1>
`;
    const tail = `</main>
<footer>重庆市总工会</footer></body></html>
`;
    let body = '';
    let used = Buffer.byteLength(head) + Buffer.byteLength(tail);
    while (used < size) {
      const paragraph = `<p>${escapeHtml(paragraphs[next++ % paragraphs.length]!)}</p>\n`;
      const length = Buffer.byteLength(paragraph);
      // Chinese characters are 3 bytes in UTF-8; cut by characters so the page ends within a few bytes of the target.
      body += used + length <= size ? paragraph : `<p>${paragraph.slice(3, 3 + Math.max(0, Math.floor((size - used - 8) / 3)))}</p>\n`;
      used += used + length <= size ? length : size - used;
    }
    const html = `${head}${body}${tail}`;
    const file = join(outputDir, path);
    const dir = dirname(file);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(file, html);
    bytes += Buffer.byteLength(html);
  }
  const used = process.cpuUsage(cpu);
  return { pages: pages.length, bytes, workS: (performance.now() - started) / 1000, workCpuS: (used.user + used.system) / 1e6 };
}

if (process.argv[2]) reportResult({ ...writeFloor(JSON.parse(process.argv[2]) as FloorOptions) });
