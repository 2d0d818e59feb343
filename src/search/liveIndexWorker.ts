// The dev server's search indexer, in a process of its own (liveIndex.ts `indexInChildProcess`): `{ id, contentDir,
// siteDir }` in, `{ id, errors, contentFingerprint }` out. It parses the bulletins as the build does, so the dev
// server never hands it the records, and names the bytes it read, which may be newer than those the dev server
// asked about. It leaves when the dev server does.
import { formatProblem } from '../cli/format.js';
import { bulletinFilesIn, bulletinSha1, contentFingerprint, loadContent } from '../load.js';
import { buildModel } from '../site/model.js';
import { indexSite } from './indexSite.js';
import type { ContentIndexResult } from './liveIndex.js';
import { searchRecordsOf } from './searchRecords.js';

async function indexContent(contentDir: string, siteDir: string): Promise<ContentIndexResult> {
  // Hashed before parsing: a save in between makes the fingerprint older than what was indexed, so the next
  // rebuild's differs and indexes again, never the other way round.
  const fingerprint = contentFingerprint(contentDir, new Map(bulletinFilesIn(contentDir).map((file) => [file, bulletinSha1(file)])));
  const loaded = loadContent(contentDir);
  // The dev server reports the bulletins' problems on its own rebuild; here they only stop the index.
  if (loaded.errors.length > 0) return { errors: loaded.errors.map((e) => formatProblem('error', e)) };
  // As the dev server's own model (siteData.ts): an address the editor's change would retire is a warning there, so
  // a deleted or renamed bulletin leaves the index too instead of stopping it.
  const { model, errors } = buildModel(loaded.bulletins, { vanishedUrls: 'warn' });
  if (!model) return { errors: errors.map((e) => formatProblem('error', e)) };
  const indexed = await indexSite(siteDir, searchRecordsOf(model.records));
  return { errors: indexed.errors, contentFingerprint: fingerprint };
}

// One at a time: every run closes the process's one Pagefind service when it ends.
let queue = Promise.resolve();
process.on('message', ({ id, contentDir, siteDir }: { id: number; contentDir: string; siteDir: string }) => {
  queue = queue
    .then(() => indexContent(contentDir, siteDir))
    .catch((error: Error): ContentIndexResult => ({ errors: [`pagefind: ${error.message}`] }))
    .then((result) => {
      process.send!({ id, ...result });
    });
});
process.on('disconnect', () => process.exit(0));
