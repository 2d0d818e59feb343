// The dev server's search indexer, in a process of its own (liveIndex.ts `indexInChildProcess`): one request at a
// time, `{ contentDir, siteDir }` in, `{ errors }` out. It parses the bulletins as the build does, so the dev
// server never hands it the records. It leaves when the dev server does.
import { formatProblem } from '../cli/format.js';
import { loadContent } from '../load.js';
import { buildModel } from '../site/model.js';
import { indexSite, type IndexResult } from './indexSite.js';
import { searchRecordsOf } from './searchRecords.js';

async function indexContent(contentDir: string, siteDir: string): Promise<IndexResult> {
  const loaded = loadContent(contentDir);
  // The dev server reports the bulletins' problems on its own rebuild; here they only stop the index.
  if (loaded.errors.length > 0) return { errors: loaded.errors.map((e) => formatProblem('error', e)) };
  const { model, errors } = buildModel(loaded.bulletins);
  if (!model) return { errors: errors.map((e) => formatProblem('error', e)) };
  return indexSite(siteDir, searchRecordsOf(model.records));
}

process.on('message', ({ contentDir, siteDir }: { contentDir: string; siteDir: string }) => {
  indexContent(contentDir, siteDir)
    .catch((error: Error) => ({ errors: [`pagefind: ${error.message}`] }))
    .then((result) => process.send!({ errors: result.errors }));
});
process.on('disconnect', () => process.exit(0));
