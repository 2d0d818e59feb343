// Settles a mention against the issue date: stated parts are kept, missing parts are implied from the issue,
// and a December event in a January issue belongs to the year before. A date that is not on the calendar
// (`2月30日`, `13月45日`) falls back to the issue date, and says why so the caller can warn with the line.
import type { ArticleRecord, DateOrigin } from '../../types.js';
import { addDays, calendarDay, daysInMonth, dayNumber, isoDay, parseIsoDay, type CalendarDay } from './calendar.js';
import type { DateMention } from './types.js';

/** Reports cover the past; a same-year date this far after the issue must be last year's. */
const ROLLOVER_DAYS = 62;

export interface IssueContext {
  issueDate: string;
  issueDayKnown: boolean;
}

/** The date fields of an article record, as a date form settles them. */
export type ResolvedDate = Pick<ArticleRecord, 'date' | 'dateApprox' | 'dateText' | 'dateEnd' | 'dateOrigin'>;

export interface CheckedDate {
  date: ResolvedDate;
  /** Why the stated date could not be used (`date "2月30日" does not exist`), else null. */
  problem: string | null;
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
  return resolveMentionChecked(mention, issue).date;
}

/** resolveMention, plus the reason when a stated date is impossible and the issue date was used instead. */
export function resolveMentionChecked(mention: DateMention | null, issue: IssueContext): CheckedDate {
  if (mention === null) return { date: issueDateFallback(issue), problem: null };
  const issueDay = parseIsoDay(issue.issueDate);
  if (mention.month === null) return resolveAgainstIssueDay(mention, issue, issueDay);

  const latestIssueDay = issue.issueDayKnown ? issueDay : { ...issueDay, day: daysInMonth(issueDay.year, issueDay.month) };
  let yearOrigin: DateOrigin = mention.year === null ? 'issue' : 'stated';
  const day = mention.day ?? mention.defaultDay ?? 1;
  let start = calendarDay(mention.year ?? issueDay.year, mention.month, day);
  if (start !== null && mention.year === null && dayNumber(start) - dayNumber(latestIssueDay) > ROLLOVER_DAYS) {
    yearOrigin = 'issue-previous-year';
    start = calendarDay(start.year - 1, start.month, start.day);
  }
  if (start === null) return { date: { ...issueDateFallback(issue), dateText: mention.text }, problem: `date "${mention.text}" does not exist` };

  let dateEnd: string | null = null;
  let problem: string | null = null;
  if (mention.endDay) {
    let end = calendarDay(mention.endYear ?? start.year, mention.endMonth ?? start.month, mention.endDay);
    // `12月30日至1月2日` runs into the next year; without a month of its own the end cannot come first.
    if (end !== null && dayNumber(end) < dayNumber(start) && mention.endYear == null && mention.endMonth != null) {
      end = calendarDay(end.year + 1, end.month, end.day);
    }
    if (end === null) problem = `date range "${mention.text}" ends on a day that does not exist`;
    else if (dayNumber(end) < dayNumber(start)) problem = `date range "${mention.text}" ends before it starts`;
    else dateEnd = isoDay(end);
  }
  return {
    date: {
      date: isoDay(start),
      dateApprox: mention.day === null,
      dateText: mention.text,
      dateEnd,
      dateOrigin: { year: yearOrigin, month: 'stated', day: mention.day === null ? 'default' : 'stated' },
    },
    problem,
  };
}

/** `今（15）日` (a stated day of the issue month), `今日`/`昨日` (from the issue day), `近日` (the issue, roughly). */
function resolveAgainstIssueDay(mention: DateMention, issue: IssueContext, issueDay: CalendarDay): CheckedDate {
  const approx = { ...issueDateFallback(issue), dateText: mention.text };
  if (mention.day !== null) {
    const date = calendarDay(issueDay.year, issueDay.month, mention.day);
    if (date === null) {
      return { date: approx, problem: `date "${mention.text}" does not exist in the issue month ${issue.issueDate.slice(0, 7)}` };
    }
    const dateOrigin = { year: 'issue', month: 'issue', day: 'stated' } as const;
    return { date: { date: isoDay(date), dateApprox: false, dateText: mention.text, dateEnd: null, dateOrigin }, problem: null };
  }
  if (mention.relativeDays !== undefined && issue.issueDayKnown) {
    const date = addDays(issueDay, mention.relativeDays);
    const year: DateOrigin = date.year === issueDay.year ? 'issue' : 'issue-previous-year';
    return {
      date: { date: isoDay(date), dateApprox: false, dateText: mention.text, dateEnd: null, dateOrigin: { year, month: 'issue', day: 'issue' } },
      problem: null,
    };
  }
  return { date: approx, problem: null };
}
