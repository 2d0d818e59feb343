// Record ids: a short hash of the issue, kind and title, so a URL survives edits to the body and to other articles.
import { createHash } from 'node:crypto';

export function recordId(issue: string, kind: string, key: string, taken: Set<string>, seen: Map<string, number>): string {
  // Repeated titles in one issue get the next attempt number directly, so ids stay linear to compute.
  const seenKey = `${kind}\u0000${key}`;
  const first = seen.get(seenKey) ?? 0;
  for (let attempt = first; ; attempt++) {
    const id = createHash('sha1').update(`${issue}\u0000${kind}\u0000${key}\u0000${attempt}`).digest('hex').slice(0, 8);
    if (!taken.has(id)) {
      taken.add(id);
      seen.set(seenKey, attempt + 1);
      return id;
    }
  }
}
