// The end of a range of days, shared by the forms that can open one: `11月27日至28日`, `5月16至17日` (the
// first day without 日), `9月8-9日`, `9月8日—9日`, `10月22日～24日`, `11月30日至12月2日`,
// `2023年10月25日至27日`, `2025年12月30日至2026年1月2日`. The first day dates the report; the end is kept.
import { chineseNumber, NUMBER_SOURCE, RANGE_JOINER_SOURCE, YEAR_SOURCE } from './constants.js';

/** Joiner, then the last day with its own month or year when they change; three capture groups. */
export const RANGE_TAIL_SOURCE = `${RANGE_JOINER_SOURCE}(?:(${YEAR_SOURCE})年)?(?:(${NUMBER_SOURCE})月)?(${NUMBER_SOURCE})[日号]`;

/**
 * The first day of a stated date followed by an optional range tail: a first day without `日` only counts
 * when a tail follows (`5月16至17日`), so `5月16至17时` is no date at all. Groups: day, then the tail's three.
 */
export const DAY_AND_RANGE_SOURCE = `(${NUMBER_SOURCE})(?:[日号]?${RANGE_TAIL_SOURCE}|[日号])`;

export interface RangeEnd {
  endYear: number | null;
  endMonth: number | null;
  endDay: number | null;
}

/** Reads the three tail groups starting at `first` in a match of a pattern built with RANGE_TAIL_SOURCE. */
export function rangeEnd(m: RegExpExecArray, first: number): RangeEnd {
  const year = m[first];
  const month = m[first + 1];
  const day = m[first + 2];
  return {
    endYear: year ? chineseNumber(year) : null,
    endMonth: month ? chineseNumber(month) : null,
    endDay: day ? chineseNumber(day) : null,
  };
}
