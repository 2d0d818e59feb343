// A bulletin framed by ornament lines (★★★ at the top and bottom) once passed the report and then failed the
// build with "pagefind holds 34 pages for 35 records", naming no file. The parser and the build now agree.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../../src/build.js';

test('a bulletin framed by ★★★ lines builds, and every record it has is on the site', async () => {
  const dir = 'tests/.output/site-tests/ornaments';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content', 'bulletins'), { recursive: true });
  writeFileSync(
    join(dir, 'content', 'bulletins', '2024-12.txt'),
    '★★★\n\n市总工会召开全市工会财务工作会议\n\n12月3日，重庆市总工会召开全市工会财务工作会议。\n\n……\n\n# # #\n',
  );
  const result = await buildSite({ contentDir: join(dir, 'content'), outputDir: join(dir, 'site'), quiet: true });
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
}, 120_000);
