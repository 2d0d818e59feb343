// `npm start [-- --content DIR --port N]`: Eleventy's dev server with live reload. The same data pipeline as the build
// (src/site/eleventy/siteData.ts parses content/ on every rebuild); edits to bulletins or templates rebuild the site.
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    port: { type: 'string', default: '8080' },
  },
});

process.env.BULLETIN_CONTENT_DIR = values.content;
const eleventy = new Eleventy('templates', values.output, { configPath: '.eleventy.ts', runMode: 'serve', source: 'script', quietMode: true });
await eleventy.init();
await eleventy.watch();
await eleventy.serve(Number(values.port));
