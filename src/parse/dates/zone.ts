// Every date in the archive is a calendar date in Chongqing's zone; naming it once keeps UTC out by accident.
import { FixedOffsetZone } from 'luxon';

/** The zone's name, for formatting and for anything that shows a time to a reader. */
export const SHANGHAI_ZONE_NAME = 'Asia/Shanghai';

/**
 * The parser only does calendar arithmetic (which day, how many days apart), never converts an instant, so a
 * fixed UTC+8 offset gives exactly Asia/Shanghai's calendar dates without an Intl time-zone lookup per date,
 * which was the parser's single hottest call.
 */
export const SHANGHAI = FixedOffsetZone.instance(8 * 60);
