// `npm start [-- --content DIR --port N --host ADDRESS]`: Eleventy's dev server with live reload. The same data pipeline
// as the build (src/site/eleventy/siteData.ts parses content/ on every rebuild); edits to bulletins or templates
// rebuild the site. It listens on 127.0.0.1 only; `--host 0.0.0.0` opens it to the network (src/devServer.ts).
//
// It follows every change, where Eleventy 3.1.7 alone does not:
// - a deleted file rebuilds the site (Eleventy's watcher only logs it), and siteData.ts removes the pages of a
//   deleted or renamed bulletin;
// - a build that fails, even the first, leaves it running: the error is printed, shown in the browser instead of the
//   pages (src/devServer.ts), and the next save that fixes it rebuilds the site. Eleventy would exit when the first
//   build failed, before watching anything.
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
const buildStatus = useLocalDevServer(eleventy, { host: values.host! });

// Every build (Eleventy calls `write` for the first and for each rebuild) tells the dev server whether it failed.
// A failure of the first one is reported by Eleventy (file and line) and then kept from ending `watch()`: it is
// shown like any later failure, and the watcher set up after it rebuilds on the save that fixes the file.
const writer = eleventy as unknown as { write: () => Promise<unknown> };
const write = writer.write.bind(eleventy);
let firstBuild = true;
writer.write = async () => {
  const first = firstBuild;
  firstBuild = false;
  try {
    const written = await write();
    buildStatus.succeeded();
    return written;
  } catch (error) {
    buildStatus.failed(error);
    if (!first) throw error; // Eleventy's watch loop reports it to the terminal and the browser
    console.error('npm start: the site could not be built; fix the file named above and save it: the site is rebuilt then');
    return [[], []];
  }
};
const rebuild = (await eleventy.watch()) as unknown as (path: string) => Promise<void>;
const watcher = (eleventy as unknown as { watcher: { on: (event: string, listener: (path: string) => void) => void } }).watcher;
// Eleventy 3.1.7 logs a deleted file ("File deleted: …") and builds nothing: the deleted bulletin's pages, and every
// list that links them, would be served until some other change.
watcher.on('unlink', (path) => {
  rebuild(path).catch(() => undefined); // reported by Eleventy's own watch loop
});

await eleventy.serve(Number(values.port));
