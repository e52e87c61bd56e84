/**
 * Calendar facts for people reading and writing due dates: weekdays, days left, and the ends of
 * the current month, UK financial quarter and financial year (April to March).
 */
import { daysBetween, endOfFinancialQuarter, formatDate, isoDate, lastDayOfMonth, type IsoDate } from './dates.js';

const parts = (date: IsoDate): [number, number, number] => date.split('-').map(Number) as [number, number, number];

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `Tuesday` for 2026-03-31. */
export function weekdayOf(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return WEEKDAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** `Tuesday 31 March 2026`. */
export const formatDateWithWeekday = (date: IsoDate): string => `${weekdayOf(date)} ${formatDate(date)}`;

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = parts(date);
  return isoDate(y, m, lastDayOfMonth(y, m));
}

/** The first year of the UK financial year containing `date`: 2025 for any day from 1 April 2025 to 31 March 2026. */
function financialYearOf(date: IsoDate): number {
  const [y, m] = parts(date);
  return m >= 4 ? y : y - 1;
}

export function endOfFinancialQuarterContaining(date: IsoDate): IsoDate {
  const [, m] = parts(date);
  // April to June is Q1, ..., January to March is Q4.
  const quarter = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4;
  return endOfFinancialQuarter(quarter, financialYearOf(date));
}

export const endOfFinancialYearContaining = (date: IsoDate): IsoDate => isoDate(financialYearOf(date) + 1, 3, 31);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How a due date stands against `asOf`: `in 23 days`, `today` or `overdue by 5 days`. */
export function describeDue(due: IsoDate, asOf: IsoDate): string {
  const days = daysBetween(asOf, due);
  if (days === 0) return 'today';
  return days > 0 ? `in ${plural(days, 'day')}` : `overdue by ${plural(-days, 'day')}`;
}
