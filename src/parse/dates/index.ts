// Finds the date in a lede and settles it against the issue date: stated parts are kept, missing parts are
// implied from the issue, and a December event in a January issue belongs to the year before.
import { DateTime } from 'luxon';
import type { DateOrigin } from '../../types.js';
import { fullDateParser } from './fullDate.js';
import { monthDayParser } from './monthDay.js';
import { monthPartParser } from './monthPart.js';
import { relativeParser } from './relative.js';
import type { DateMention, DateParser } from './types.js';
import { SHANGHAI } from './zone.js';

export const DATE_PARSERS: DateParser[] = [fullDateParser, monthDayParser, monthPartParser, relativeParser];

/** Ledes state the date in their opening words (`11月2日，`, `近日，在…`), not deep inside the sentence. */
const LEDE_WINDOW = 40;
const NEWS_LEDE_MAX_INDEX = 15;
/** Reports cover the past; a same-year date this far after the issue must be last year's. */
const ROLLOVER_DAYS = 62;
const DAY_MS = 24 * 60 * 60 * 1000;

export function findLedeDate(lede: string): DateMention | null {
  const sentenceEnd = lede.search(/[。！？]/u);
  const window = lede.slice(0, Math.min(LEDE_WINDOW, sentenceEnd < 0 ? lede.length : sentenceEnd));
  let best: DateMention | null = null;
  for (const parser of DATE_PARSERS) {
    const found = parser.find(window);
    if (found && (best === null || found.index < best.index)) best = found;
  }
  return best;
}

/** A paragraph that opens like a news report: a day-precise or "recently" date in its first words. */
export function opensWithNewsDate(paragraph: string): boolean {
  const found = findLedeDate(paragraph);
  return found !== null && found.newsLede && found.index <= NEWS_LEDE_MAX_INDEX;
}

export interface IssueContext {
  issueDate: string;
  issueDayKnown: boolean;
}

export interface ResolvedDate {
  date: string;
  dateApprox: boolean;
  dateText: string | null;
  dateEnd: string | null;
  dateOrigin: { year: DateOrigin; month: DateOrigin; day: DateOrigin };
}

export function issueDateFallback(issue: IssueContext): ResolvedDate {
  return {
    date: issue.issueDate,
    dateApprox: true,
    dateText: null,
    dateEnd: null,
    dateOrigin: { year: 'issue', month: 'issue', day: issue.issueDayKnown ? 'issue' : 'default' },
  };
}

export function resolveMention(mention: DateMention | null, issue: IssueContext): ResolvedDate {
  if (mention === null || mention.month === null) {
    const fallback = issueDateFallback(issue);
    return mention ? { ...fallback, dateText: mention.text } : fallback;
  }
  const issueDay = DateTime.fromISO(issue.issueDate, { zone: SHANGHAI });
  const latestIssueDay = issue.issueDayKnown ? issueDay : issueDay.endOf('month').startOf('day');
  let year = mention.year ?? issueDay.year;
  let yearOrigin: DateOrigin = mention.year === null ? 'issue' : 'stated';
  const day = mention.day ?? 1;
  let start = DateTime.fromObject({ year, month: mention.month, day }, { zone: SHANGHAI });
  if (!start.isValid) return { ...issueDateFallback(issue), dateText: mention.text };
  if (mention.year === null && (start.toMillis() - latestIssueDay.toMillis()) / DAY_MS > ROLLOVER_DAYS) {
    year -= 1;
    yearOrigin = 'issue-previous-year';
    start = start.set({ year });
  }
  let dateEnd: string | null = null;
  if (mention.endDay) {
    let end = DateTime.fromObject({ year, month: mention.endMonth ?? mention.month, day: mention.endDay }, { zone: SHANGHAI });
    if (end.isValid && end < start) end = end.plus({ years: 1 });
    if (end.isValid) dateEnd = end.toISODate();
  }
  return {
    date: start.toISODate()!,
    dateApprox: mention.day === null,
    dateText: mention.text,
    dateEnd,
    dateOrigin: { year: yearOrigin, month: 'stated', day: mention.day === null ? 'default' : 'stated' },
  };
}
