// Dates are calendar dates in Chongqing. Weekday names come from a table, not from ICU, so output never depends on the machine.
import { DateTime } from 'luxon';
import { SHANGHAI } from '../parse/dates/zone.js';

const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export function calendarDate(isoDate: string): DateTime {
  const date = DateTime.fromISO(isoDate, { zone: SHANGHAI });
  if (!date.isValid) throw new Error(`not a calendar date: ${isoDate}`);
  return date;
}

/** Thousands of records share a few thousand dates; each is worked out once. */
function memo(format: (isoDate: string) => string): (isoDate: string) => string {
  const cache = new Map<string, string>();
  return (isoDate) => {
    let shown = cache.get(isoDate);
    if (shown === undefined) cache.set(isoDate, (shown = format(isoDate)));
    return shown;
  };
}

/** `2023年11月2日 星期四` */
export const chineseDate = memo((isoDate) => {
  const d = calendarDate(isoDate);
  return `${d.year}年${d.month}月${d.day}日 ${WEEKDAYS[d.weekday - 1]}`;
});

/** `2023年11月` */
export const chineseMonth = memo((isoDate) => {
  const d = calendarDate(isoDate);
  return `${d.year}年${d.month}月`;
});

/** A record's date as readers see it: approximate dates only claim the month; a range (`11月27日至28日`) shows both ends. */
export function displayDate(record: { date: string; dateApprox: boolean; dateEnd?: string | null }): string {
  if (record.dateApprox) return chineseMonth(record.date);
  if (record.dateEnd && record.dateEnd !== record.date) return chineseRange(record.date, record.dateEnd);
  return chineseDate(record.date);
}

/** `2024年11月27日至28日`, `2024年11月30日至12月2日`, `2024年12月30日至2025年1月2日` */
function chineseRange(startIso: string, endIso: string): string {
  const start = calendarDate(startIso);
  const end = calendarDate(endIso);
  const endText =
    end.year !== start.year ? `${end.year}年${end.month}月${end.day}日` : end.month !== start.month ? `${end.month}月${end.day}日` : `${end.day}日`;
  return `${start.year}年${start.month}月${start.day}日至${endText}`;
}

/** Midnight in Chongqing with its offset, for feeds and schema.org: `2023-11-02T00:00:00+08:00`. */
export const isoDateTime = memo((isoDate) => calendarDate(isoDate).startOf('day').toISO({ suppressMilliseconds: true })!);

/** What a record's date claims, machine-readable. */
interface DatedRecord {
  date: string;
  dateApprox: boolean;
}
/** The issue a record came from: its date (`YYYY-MM-DD`, the 1st when only the month is known) and whether its day is known. */
interface DatedIssue {
  date: string;
  dayKnown: boolean;
}

/**
 * What is known of a record's date, for `<time datetime>`: `2024-12-03`, or `2024-12` when the bulletin never stated the
 * day (then `date` holds a day the parser filled in, which must not be claimed). Reads the same as `displayDate`.
 */
export function knownDate(record: DatedRecord): string {
  return record.dateApprox ? record.date.slice(0, 7) : record.date;
}

/** An issue's date as far as it is known: `2024-01-05`, or `2024-12` for a month-only issue. */
export function knownIssueDate(issue: DatedIssue): string {
  return issue.dayKnown ? issue.date : issue.date.slice(0, 7);
}

/**
 * For JSON-LD `datePublished` and `article:published_time`: midnight in Chongqing of the stated day; for a record whose
 * day is unknown, the issue's own date when the issue has one (the day it was published), else only the month (`2024-12`).
 */
export function publishedDate(record: DatedRecord, issue: DatedIssue): string {
  if (!record.dateApprox) return isoDateTime(record.date);
  return issue.dayKnown ? isoDateTime(issue.date) : record.date.slice(0, 7);
}

/** Same, for an issue (schema.org `PublicationIssue`). */
export function issuePublishedDate(issue: DatedIssue): string {
  return issue.dayKnown ? isoDateTime(issue.date) : issue.date.slice(0, 7);
}

/** For feeds, which need a full timestamp: the stated day, else the issue date. */
export function feedDateTime(record: DatedRecord, issue: DatedIssue): string {
  return isoDateTime(record.dateApprox ? issue.date : record.date);
}
