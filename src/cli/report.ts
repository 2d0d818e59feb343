// `npm run report [-- FILE...]`: what the parser made of each bulletin, at a glance, for the editor who just
// added one: every record with its date, column, title and size, then every warning with its line.
import { bulletinFilesIn, loadBulletins } from '../load.js';
import { markdownToPlainText } from '../parse/markdown.js';
import { captionsWithoutPhoto } from '../photos/markup.js';
import { preparePhotos } from '../photos/index.js';
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
// Checking a photo means decoding it; what this encodes is cached, so the build that follows encodes nothing again.
const photos = await preparePhotos(bulletins, args.length > 0 ? {} : { contentDir: 'content' });

for (const { meta, records, warnings, notes } of bulletins) {
  const articles = records.filter((r) => r.kind === 'article').length;
  console.log(`\n${meta.file}  issue ${meta.issue} (${meta.issueDateFrom}, ${meta.encoding})  ${articles} articles, ${records.length - articles} briefs`);
  for (const record of records) console.log(`  ${row(record)}`);
  photoLines(meta.file, records);
  if (warnings.length === 0) console.log('  no warnings');
  for (const warning of warnings) console.log(`  ${formatProblem('warning', warning)}`);
  // Readings taken on weak evidence: each names the line prefix that settles it (README, "Marks").
  for (const note of notes) console.log(`  ${formatProblem('unsure', note)}; if that is wrong, start the line with 「${note.mark}」`);
}
if (photos.unused.length > 0) {
  console.log('\nphotos never used (not published):');
  for (const { path, why } of photos.unused) console.log(`  ${path}: ${why}`);
}
for (const warning of photos.warnings.filter((w) => w.code !== 'photo-unused')) console.log(formatProblem('warning', warning));
const allErrors = [...errors, ...photos.errors];
for (const error of allErrors) console.log(formatProblem('error', error));
if (allErrors.length > 0) process.exitCode = 1;

/** Which caption got which photo, and the captions that have none (README, "Photos"). */
function photoLines(file: string, records: ArticleRecord[]): void {
  const uses = photos.uses.filter((u) => u.bulletin === file);
  const bare = records.flatMap((r) => captionsWithoutPhoto(r).map((caption) => ({ r, caption })));
  if (uses.length === 0 && bare.length === 0) return;
  for (const { record, photo, path } of uses) {
    const shown = photo.image ? `${photo.image.width}×${photo.image.height}` : 'NOT PUBLISHED, see the error below';
    const caption = photo.caption === null ? 'no caption' : `caption 「${record.captions[photo.caption]}」`;
    const alt = photo.alt ? `; 替代文本 「${photo.alt}」` : '';
    console.log(`  photo L${photo.line} ${path} (${shown}) → ${caption}${alt}; in 「${record.title}」`);
  }
  for (const { r, caption } of bare) console.log(`  caption with no photo: 「${caption}」 in 「${r.title}」`);
}

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
