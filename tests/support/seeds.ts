// The seed bulletins as the parser reads them: the truth the built site is checked against.
import { basename } from 'node:path';
import { loadContent } from '../../src/load.js';
import type { ArticleRecord, ParsedBulletin } from '../../src/types.js';

export interface SeedRecord {
  record: ArticleRecord;
  bulletin: ParsedBulletin;
  /** `/YYYY/MM/DD/<id>/`, derived here from the record alone. */
  path: string;
  /** `/issues/<file name without .txt>/`: seed files are named by issue date and slug. */
  issuePath: string;
  /** Records of the same bulletin in reading order. */
  siblings: ArticleRecord[];
}

export function loadSeeds(contentDir = 'content') {
  const loaded = loadContent(contentDir);
  if (loaded.errors.length) throw new Error(loaded.errors.map(String).join('\n'));
  const bulletins = loaded.bulletins;
  const records: SeedRecord[] = bulletins.flatMap((bulletin) => {
    const siblings = [...bulletin.records].sort((a, b) => a.order - b.order);
    return siblings.map((record) => ({
      record,
      bulletin,
      path: `/${record.date.replace(/-/g, '/')}/${record.id}/`,
      issuePath: issuePathOf(bulletin),
      siblings,
    }));
  });
  return { bulletins, records };
}

export function issuePathOf(bulletin: ParsedBulletin): string {
  return `/issues/${basename(bulletin.meta.file, '.txt')}/`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** How a reader should see a date, worked out independently of the site's code. */
export function expectedDate(isoDate: string, approx: boolean, dateEnd: string | null = null): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (approx) return `${y}年${m}月`;
  if (dateEnd && dateEnd !== isoDate) {
    const [ey, em, ed] = dateEnd.split('-').map(Number) as [number, number, number];
    return `${y}年${m}月${d}日至${ey !== y ? `${ey}年${em}月` : em !== m ? `${em}月` : ''}${ed}日`;
  }
  return `${y}年${m}月${d}日 ${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}
