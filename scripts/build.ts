// `npm run build [-- --content DIR --output DIR --pathprefix /archive/]`: content/ → _site/. Exit 1 on any error.
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    pathprefix: { type: 'string', default: '/' },
    quiet: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

const started = performance.now();
const result = await buildSite({
  contentDir: values.content!,
  outputDir: values.output!,
  pathPrefix: values.pathprefix,
  quiet: values.quiet,
});
if (result.ok && !values.quiet) process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(result.ok ? 0 : 1);
