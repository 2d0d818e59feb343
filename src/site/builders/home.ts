// The home page: the latest issue, then the newest articles of the issues before it.
import { HOME_RECENT, type IssuePage, type RecordLink } from '../model.js';
import type { BuildContext } from './context.js';
import { issuePages } from './issues.js';

export interface HomeData {
  latest: IssuePage | null;
  recent: RecordLink[];
}

export function homePage(ctx: BuildContext): HomeData {
  const latest = ctx.once(issuePages).at(-1) ?? null;
  const recent = ctx.newest
    .filter((p) => p.record.kind === 'article' && p.issue.key !== latest?.ref.key)
    .slice(0, HOME_RECENT)
    .map(ctx.link);
  return { latest, recent };
}
