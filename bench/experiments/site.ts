// Writes the record pages of a generated archive with the site's own renderer (src/site), without Eleventy, so
// Pagefind experiments can run on real article HTML while the Eleventy build is elsewhere in progress.
//   node --import tsx bench/experiments/site.ts <contentDir> <siteDir>
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadContent } from '../../src/load.js';
import { buildModel } from '../../src/site/model.js';
import { renderArticle } from '../../src/site/pages/article.js';
import { reportResult } from '../lib/measure.js';

export interface ExperimentPage {
  /** Relative to the site folder, e.g. `2023/11/02/ab12cd34/index.html`. */
  file: string;
  url: string;
  year: string;
  html: string;
}

export function recordPages(contentDir: string): ExperimentPage[] {
  const { bulletins, errors } = loadContent(contentDir);
  if (errors.length > 0) throw new Error(`the generated archive does not parse: ${errors.slice(0, 3).join('; ')}`);
  const { model, errors: modelErrors } = buildModel(bulletins);
  if (!model) throw new Error(`no site model: ${modelErrors.slice(0, 3).join('; ')}`);
  return model.records.map((page) => ({
    file: join(page.path.replace(/^\//, ''), 'index.html'),
    url: page.url,
    year: page.record.date.slice(0, 4),
    html: renderArticle(page, model.site),
  }));
}

if (process.argv[3]) {
  const [contentDir, siteDir] = process.argv.slice(2) as [string, string];
  rmSync(siteDir, { recursive: true, force: true });
  const pages = recordPages(contentDir);
  let bytes = 0;
  for (const page of pages) {
    const file = join(siteDir, page.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page.html);
    bytes += Buffer.byteLength(page.html);
  }
  writeFileSync(join(siteDir, 'pages.json'), JSON.stringify(pages.map(({ file, url, year }) => ({ file, url, year }))));
  reportResult({ pages: pages.length, bytes });
}
