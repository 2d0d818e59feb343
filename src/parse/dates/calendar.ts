// Calendar-date arithmetic on plain numbers. Dates here are calendar days, never instants, so UTC day counts
// give Asia/Shanghai's calendar exactly, whatever the process time zone, without a date library per lede
// (luxon was most of resolveMention's cost).

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Null when the day is not on the calendar (`2月30日`, `13月45日`). */
export function calendarDay(year: number, month: number, day: number): CalendarDay | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `2024-03-09` → its parts; the day defaults to 1 for `2024-03`. */
export function parseIsoDay(iso: string): CalendarDay {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: iso.length >= 10 ? Number(iso.slice(8, 10)) : 1 };
}

export function dayNumber(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${d.month < 10 ? '0' : ''}${d.month}-${d.day < 10 ? '0' : ''}${d.day}`;
}
