// The one way a finished folder takes the place of the one in use: `npm run build` swaps in the whole site
// (src/build.ts), the dev server a fresh search index (src/search/liveIndex.ts).
import { renameSync } from 'node:fs';

/**
 * Moves `fresh` to `target` by renames only, never copies, so `target` holds the whole old folder or the whole new
 * one, never a mix. A folder cannot be renamed over a folder that has files, so the old one goes to `aside` first
 * (when there is one); if `fresh` then cannot be moved in, the old one is moved back at once. Both renames are
 * synchronous, one right after the other: nothing else in this process runs between them (see the callers for why
 * that is enough). `aside` is left for the caller to delete.
 */
export function replaceFolder(fresh: string, target: string, aside: string): void {
  let movedAside = true;
  try {
    renameSync(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    movedAside = false;
  }
  try {
    renameSync(fresh, target);
  } catch (error) {
    if (movedAside) renameSync(aside, target);
    throw error;
  }
}
