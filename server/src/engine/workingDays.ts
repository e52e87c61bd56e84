/**
 * Working days in England and Wales: Monday to Friday, leaving out bank holidays. Counts are
 * known only where the bank holiday table is (2018 to 2030); outside it they are undefined
 * rather than guessed.
 */
import { BANK_HOLIDAYS_FROM, BANK_HOLIDAYS_TO, bankHolidayOn } from './bankHolidays.js';
import type { IsoDate } from './dates.js';

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const timeOf = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);
const dateOf = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

/** Whether the bank holiday table covers `date`, so that working days around it can be counted. */
export const isCovered = (date: IsoDate): boolean =>
  ISO.test(date) && !Number.isNaN(timeOf(date)) && BANK_HOLIDAYS_FROM <= date && date <= BANK_HOLIDAYS_TO;

export function isWorkingDay(date: IsoDate): boolean {
  const weekday = new Date(timeOf(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && bankHolidayOn(date) === undefined;
}

/**
 * The `count`th working day after `start`, which is not itself counted: 20 working days after
 * Tuesday 30 June 2026 is Tuesday 28 July 2026. Undefined when the count runs outside the table.
 */
export function addWorkingDays(start: IsoDate, count: number): IsoDate | undefined {
  if (!isCovered(start) || !Number.isInteger(count) || count < 0) return undefined;
  let time = timeOf(start);
  let left = count;
  while (left > 0) {
    time += DAY;
    const date = dateOf(time);
    if (!isCovered(date)) return undefined;
    if (isWorkingDay(date)) left--;
  }
  return dateOf(time);
}

/**
 * Working days from `from` to `to`: those after `from`, up to and including `to`. Negative when
 * `to` is earlier, so that "3 working days late" and "3 working days early" come from one count.
 * Undefined when either date is outside the table.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number | undefined {
  if (!isCovered(from) || !isCovered(to)) return undefined;
  const [earlier, later] = to < from ? [to, from] : [from, to];
  let count = 0;
  for (let time = timeOf(earlier) + DAY, end = timeOf(later); time <= end; time += DAY) {
    if (isWorkingDay(dateOf(time))) count++;
  }
  return to < from && count > 0 ? -count : count;
}
