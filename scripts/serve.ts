// `npm start [-- --content DIR --port N --host ADDRESS]`: Eleventy's dev server with live reload. The same data pipeline
// as the build (src/site/eleventy/siteData.ts parses content/ on every rebuild); edits to bulletins or templates
// rebuild the site. It listens on 127.0.0.1 only; `--host 0.0.0.0` opens it to the network (src/devServer.ts).
//
// It follows every change, where Eleventy 3.1.7 alone does not:
// - a deleted file rebuilds the site (Eleventy's watcher only logs it), and siteData.ts removes the pages of a
//   deleted or renamed bulletin;
// - a site folder removed while it runs is written again whole by the next build (siteData.ts; Eleventy's memory of
//   which folders exist is kept from lying, below), and at once if it goes while nothing changes;
// - a build that fails, even the first, leaves it running: the error is printed, shown in the browser instead of the
//   pages (src/devServer.ts), and the next save that fixes it rebuilds the site. Eleventy would exit when the first
//   build failed, before watching anything.
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
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

// Eleventy remembers for the whole session whether each path existed when it first looked (TemplateConfig's
// ExistsCache), and makes a page's folder only if it remembers none: after `rm -rf _site`, every page written into a
// folder it remembered failed with ENOENT, and so did every rebuild until a restart. For paths in the output folder
// it now looks each time (one existsSync per page written); its other answers stay remembered.
const outputRoot = resolve(values.output!);
const LOOKS_EACH_TIME = Symbol('output paths looked up each time');
function lookUpOutputPathsEachTime(): void {
  const cache = (eleventy as unknown as { eleventyConfig?: { existsCache?: any } }).eleventyConfig?.existsCache;
  if (!cache || cache[LOOKS_EACH_TIME]) return; // a config reset makes a new one, hence once per build
  const remembered = cache.exists.bind(cache) as (path: string) => boolean;
  cache.exists = (path: string) => {
    const absolute = resolve(path);
    return absolute === outputRoot || absolute.startsWith(outputRoot + sep) ? existsSync(path) : remembered(path);
  };
  cache[LOOKS_EACH_TIME] = true;
}

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
    lookUpOutputPathsEachTime();
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

// `rm -rf _site` while nothing changes: rebuild at once (the model sees which pages' files are gone) rather than
// answering 404 until the next save. Only after a build that succeeded: a failed one has written nothing to check.
const home = join(values.output!, 'index.html');
let restoring: Promise<void> | undefined;
setInterval(() => {
  if (restoring || buildStatus.error || existsSync(home)) return;
  console.log(`npm start: ${values.output} is gone; writing it again`);
  restoring = rebuild(values.content!)
    .catch(() => undefined)
    .finally(() => (restoring = undefined));
}, 1_000).unref();
