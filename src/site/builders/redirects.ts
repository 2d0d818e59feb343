// A page at every address the site once published and no longer builds (content/published-urls.json).
import type { RedirectPage } from '../model.js';
import { issuePath, outputFileFor } from '../urls.js';
import type { BuildContext } from './context.js';

export function redirectPages(ctx: BuildContext): RedirectPage[] {
  const recordByPath = new Map(ctx.records.map((p) => [p.path, p]));
  const issueByPath = new Map(ctx.issues.map(({ ref }) => [issuePath(ref.key), ref]));
  return (ctx.plan?.redirects ?? []).map((r) => ({
    permalink: outputFileFor(r.path),
    path: r.path,
    targetPath: r.target,
    targetUrl: ctx.url(r.target),
    targetTitle: recordByPath.get(r.target)?.record.title ?? issueByPath.get(r.target)?.name ?? '往期回顾',
    kind: r.path.startsWith('/issues/') ? 'issue' : 'record',
    reason: r.reason,
  }));
}
