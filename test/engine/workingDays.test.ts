/** Bank holidays in England and Wales, and counting working days with them. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BANK_HOLIDAYS_FROM, BANK_HOLIDAYS_TO, bankHolidayOn, ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../server/src/engine/bankHolidays.js';
import { addWorkingDays, isCovered, isWorkingDay, workingDaysBetween } from '../../server/src/engine/workingDays.js';

const iso = (time: number): string => new Date(time).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Easter Sunday (the anonymous Gregorian algorithm), independent of the table. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

const DAY = 86_400_000;
const firstMonday = (year: number, month: number): number => {
  let time = utc(year, month, 1);
  while (new Date(time).getUTCDay() !== 1) time += DAY;
  return time;
};
const lastMonday = (year: number, month: number): number => {
  let time = utc(year, month + 1, 0);
  while (new Date(time).getUTCDay() !== 1) time -= DAY;
  return time;
};

/** The usual pattern of a year's bank holidays, with substitute days for weekends. */
function usualPattern(year: number): string[] {
  const newYear = utc(year, 1, 1);
  const newYearDay = new Date(newYear).getUTCDay();
  const christmasDay = new Date(utc(year, 12, 25)).getUTCDay();
  // Christmas on a Friday: Boxing Day moves to Monday 28th; on a Saturday: Monday 27th and Tuesday 28th;
  // on a Sunday: Boxing Day stays on Monday 26th and Christmas moves to Tuesday 27th.
  const christmas = christmasDay === 6 || christmasDay === 0 ? [27] : [25];
  const boxing = christmasDay === 5 || christmasDay === 6 ? [28] : [26];
  return [
    iso(newYearDay === 6 ? newYear + 2 * DAY : newYearDay === 0 ? newYear + DAY : newYear),
    iso(easter(year) - 2 * DAY),
    iso(easter(year) + DAY),
    iso(firstMonday(year, 5)),
    iso(lastMonday(year, 5)),
    iso(lastMonday(year, 8)),
    ...[...christmas, ...boxing].map((day) => iso(utc(year, 12, day))),
  ].sort();
}

describe('bank holidays in England and Wales', () => {
  it('knows dates announced on gov.uk, including one-off holidays and substitute days', () => {
    for (const [date, name] of [
      ['2020-05-08', /VE day/],
      ['2022-06-03', /Platinum Jubilee/],
      ['2022-09-19', /State Funeral/],
      ['2023-05-08', /coronation/],
      ['2021-12-27', /Christmas Day \(substitute day\)/],
      ['2026-12-28', /Boxing Day \(substitute day\)/],
      ['2027-03-26', /Good Friday/],
    ] as const) {
      assert.match(bankHolidayOn(date)?.name ?? 'none', name, date);
    }
    // Moved holidays are not on their usual days.
    for (const date of ['2020-05-04', '2022-05-30', '2026-12-26', '2025-12-24']) assert.equal(bankHolidayOn(date), undefined, date);
  });

  it('has every year from 2018 to 2030, sorted, without repeats and never at a weekend', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date);
    assert.deepEqual(dates, [...new Set(dates)].sort());
    assert.deepEqual([...new Set(dates.map((date) => Number(date.slice(0, 4))))], Array.from({ length: 13 }, (_, n) => 2018 + n));
    for (const date of dates) assert.ok(weekday(date) !== 0 && weekday(date) !== 6, `${date} is at a weekend`);
    assert.equal(dates[0]! >= BANK_HOLIDAYS_FROM && dates.at(-1)! <= BANK_HOLIDAYS_TO, true);
  });

  it('follows the usual pattern in every year, apart from the holidays gov.uk moved or added', () => {
    const oneOffs = new Map<number, { added: string[]; removed: string[] }>([
      [2020, { added: ['2020-05-08'], removed: ['2020-05-04'] }],
      [2022, { added: ['2022-06-02', '2022-06-03', '2022-09-19'], removed: ['2022-05-30'] }],
      [2023, { added: ['2023-05-08'], removed: [] }],
    ]);
    for (let year = 2018; year <= 2030; year++) {
      const table = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`)).map((holiday) => holiday.date);
      const change = oneOffs.get(year) ?? { added: [], removed: [] };
      const expected = [...usualPattern(year).filter((date) => !change.removed.includes(date)), ...change.added].sort();
      assert.deepEqual(table, expected, String(year));
    }
  });
});

describe('working days', () => {
  it('counts from the day after the start, skipping weekends and bank holidays', () => {
    assert.equal(addWorkingDays('2026-06-30', 20), '2026-07-28');
    assert.equal(addWorkingDays('2026-06-30', 70), '2026-10-07'); // past the summer bank holiday, 31 August 2026
    assert.equal(addWorkingDays('2025-12-02', 20), '2026-01-02'); // past Christmas, Boxing Day and New Year's Day
    assert.equal(addWorkingDays('2025-07-22', 20), '2025-08-19');
    assert.equal(addWorkingDays('2026-04-02', 1), '2026-04-07'); // over Good Friday and Easter Monday
    assert.equal(addWorkingDays('2026-07-04', 1), '2026-07-06'); // from a Saturday
    assert.equal(addWorkingDays('2026-07-04', 0), '2026-07-04');
  });

  it('tells working days from weekends and bank holidays', () => {
    assert.equal(isWorkingDay('2026-07-28'), true);
    assert.equal(isWorkingDay('2026-07-25'), false);
    assert.equal(isWorkingDay('2026-08-31'), false);
  });

  it('counts the working days between two dates, negative when the second is earlier', () => {
    assert.equal(workingDaysBetween('2026-07-03', '2026-07-06'), 1); // Friday to Monday
    assert.equal(workingDaysBetween('2026-07-06', '2026-07-03'), -1);
    assert.equal(workingDaysBetween('2026-07-04', '2026-07-05'), 0); // Saturday to Sunday
    assert.equal(workingDaysBetween('2026-07-05', '2026-07-04'), 0);
    assert.equal(workingDaysBetween('2025-12-19', '2026-01-02'), 7);
  });

  it('gives no answer outside the bank holiday table, or for what is not a date', () => {
    assert.equal(addWorkingDays('2017-12-29', 1), undefined);
    assert.equal(addWorkingDays('2030-12-20', 20), undefined);
    assert.equal(addWorkingDays('2030-12-20', 5), '2030-12-31');
    assert.equal(addWorkingDays('2026-07-01', -1), undefined);
    assert.equal(addWorkingDays('2026-07-01', 1.5), undefined);
    assert.equal(addWorkingDays('2026-13-45', 1), undefined);
    assert.equal(addWorkingDays('30 June 2026', 1), undefined);
    assert.equal(workingDaysBetween('2026-07-01', '2031-01-01'), undefined);
    assert.equal(isCovered('2018-01-01') && isCovered('2030-12-31') && !isCovered('2031-01-01'), true);
  });

  it('agrees with itself: n working days after a date are n working days from it, and end on a working day', () => {
    const start = Date.parse('2018-01-01T00:00:00Z');
    const days = (Date.parse('2030-06-30T00:00:00Z') - start) / DAY;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: days }), fc.integer({ min: 0, max: 70 }), (offset, n) => {
        const from = iso(start + offset * DAY);
        const to = addWorkingDays(from, n)!;
        assert.equal(workingDaysBetween(from, to), n);
        assert.equal(workingDaysBetween(to, from), n === 0 ? 0 : -n);
        if (n > 0) assert.ok(isWorkingDay(to), `${to} is a working day`);
      }),
    );
  });
});
