// `npm run report [-- FILE...]`: what the parser made of each bulletin, at a glance, for the editor who just
// added one: every record with its date, column, title and size, then every warning with its line.
import { bulletinFilesIn, loadBulletins } from '../load.js';
import { markdownToPlainText } from '../parse/markdown.js';
import { formatProblem } from './format.js';

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
import type { ArticleRecord } from '../types.js';

const args = process.argv.slice(2);
const files = args.length > 0 ? args : bulletinFilesIn('content');
const { bulletins, errors } = loadBulletins(files);

for (const { meta, records, warnings, notes } of bulletins) {
  const articles = records.filter((r) => r.kind === 'article').length;
  console.log(`\n${meta.file}  issue ${meta.issue} (${meta.issueDateFrom}, ${meta.encoding})  ${articles} articles, ${records.length - articles} briefs`);
  for (const record of records) console.log(`  ${row(record)}`);
  if (warnings.length === 0) console.log('  no warnings');
  for (const warning of warnings) console.log(`  ${formatProblem('warning', warning)}`);
  // Readings taken on weak evidence: each names the line prefix that settles it (README, "Marks").
  for (const note of notes) console.log(`  ${formatProblem('unsure', note)}; if that is wrong, start the line with 「${note.mark}」`);
}
for (const error of errors) console.log(formatProblem('error', error));
if (errors.length > 0) process.exitCode = 1;

function row(record: ArticleRecord): string {
  const date = `${record.date}${record.dateApprox ? '≈' : ' '}`;
  const column = (record.column ?? '—').padEnd(5, '　');
  const chars = markdownToPlainText(record.body).replace(/\s/g, '').length;
  const lines = `L${record.source.startLine}-${record.source.endLine}`.padEnd(9);
  const kind = record.kind === 'brief' ? '◆' : ' ';
  const kicker = record.kicker ? `〔${record.kicker}〕` : '';
  const subtitle = record.subtitle ? ` —— ${record.subtitle}` : '';
  const extras = [record.byline ? `byline ${record.byline}` : '', record.captions.length ? `${record.captions.length} caption(s)` : '']
    .filter(Boolean)
    .join(', ');
  return `${date} ${lines} ${column} ${kind}${kicker}${record.title}${subtitle}  (${chars} chars${extras ? `; ${extras}` : ''})`;
}
