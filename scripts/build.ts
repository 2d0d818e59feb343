// `npm run build [-- --content DIR --output DIR --pathprefix /archive/ --lock-wait SECONDS --quiet]`: content/ → _site/.
// Exit 1 on any error; errors print even with --quiet. Another build into the same output is waited for up to
// --lock-wait seconds (15 by default), then this one fails naming its pid. Ctrl-C leaves the output as it was.
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    output: { type: 'string', default: '_site' },
    pathprefix: { type: 'string', default: '/' },
    quiet: { type: 'boolean', default: false },
    'lock-wait': { type: 'string' },
  },
  allowPositionals: false,
});

const lockWait = values['lock-wait'] === undefined ? undefined : Number(values['lock-wait']);
if (lockWait !== undefined && !(lockWait >= 0)) {
  process.stderr.write(`build failed: --lock-wait takes a number of seconds, not ${JSON.stringify(values['lock-wait'])}\n`);
  process.exit(2);
}

const started = performance.now();
try {
  const result = await buildSite({
    contentDir: values.content!,
    outputDir: values.output!,
    pathPrefix: values.pathprefix,
    quiet: values.quiet,
    lockWaitMs: lockWait === undefined ? undefined : lockWait * 1000,
  });
  if (result.ok && !values.quiet) process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  // buildSite reports every expected failure itself; this is a bug, but still one line rather than a stack.
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
