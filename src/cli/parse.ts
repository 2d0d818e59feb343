// `npm run --silent parse -- FILE...`: records as JSON on stdout, warnings on stderr, non-zero exit on bad input.
import { loadBulletins } from '../load.js';
import { formatProblem } from './format.js';

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent parse -- FILE...\n');
  process.exit(2);
}
const { bulletins, warnings, errors } = loadBulletins(files);
for (const warning of warnings) process.stderr.write(`${formatProblem('warning', warning)}\n`);
for (const error of errors) process.stderr.write(`${formatProblem('error', error)}\n`);
if (errors.length > 0) process.exit(1);
process.stdout.write(`${JSON.stringify(bulletins.flatMap((b) => b.records), null, 2)}\n`);
