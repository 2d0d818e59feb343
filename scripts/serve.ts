// `npm start [-- --content DIR --port N --host ADDRESS]`: Eleventy's dev server with live reload. The same data pipeline
// as the build (src/site/eleventy/siteData.ts parses content/ on every rebuild); edits to bulletins or templates
// rebuild the site. It listens on 127.0.0.1 only; `--host 0.0.0.0` opens it to the network (src/devServer.ts).
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';
import { DEFAULT_HOST, useLocalDevServer } from '../src/devServer.js';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: DEFAULT_HOST },
  },
});

process.env.BULLETIN_CONTENT_DIR = values.content;
const eleventy = new Eleventy('templates', values.output, { configPath: '.eleventy.ts', runMode: 'serve', source: 'script', quietMode: true });
await eleventy.init();
useLocalDevServer(eleventy, { host: values.host! });
await eleventy.watch();
await eleventy.serve(Number(values.port));
