/**
 * Bank holidays in England and Wales, 2018 to 2030, as data: working days (priority-action
 * deadlines) leave them out.
 *
 * Source: gov.uk/bank-holidays (the "england-and-wales" division), which lists the years it has
 * announced. The later years follow the usual pattern (New Year's Day, Good Friday, Easter Monday,
 * the first and last Mondays of May, the last Monday of August, Christmas and Boxing Day, with a
 * substitute Monday or Tuesday when one falls at a weekend) until the government announces them;
 * one-off holidays (a jubilee, a coronation, a state funeral) are added when gov.uk lists them.
 * The table is kept as written by people, not computed, so that such one-offs sit in it plainly.
 */
import type { IsoDate } from './dates.js';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/** The first and last days the table covers: outside them, working days are not known. */
export const BANK_HOLIDAYS_FROM: IsoDate = '2018-01-01';
export const BANK_HOLIDAYS_TO: IsoDate = '2030-12-31';

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: '2018-01-01', name: "New Year's Day" },
  { date: '2018-03-30', name: 'Good Friday' },
  { date: '2018-04-02', name: 'Easter Monday' },
  { date: '2018-05-07', name: 'Early May bank holiday' },
  { date: '2018-05-28', name: 'Spring bank holiday' },
  { date: '2018-08-27', name: 'Summer bank holiday' },
  { date: '2018-12-25', name: 'Christmas Day' },
  { date: '2018-12-26', name: 'Boxing Day' },

  { date: '2019-01-01', name: "New Year's Day" },
  { date: '2019-04-19', name: 'Good Friday' },
  { date: '2019-04-22', name: 'Easter Monday' },
  { date: '2019-05-06', name: 'Early May bank holiday' },
  { date: '2019-05-27', name: 'Spring bank holiday' },
  { date: '2019-08-26', name: 'Summer bank holiday' },
  { date: '2019-12-25', name: 'Christmas Day' },
  { date: '2019-12-26', name: 'Boxing Day' },

  { date: '2020-01-01', name: "New Year's Day" },
  { date: '2020-04-10', name: 'Good Friday' },
  { date: '2020-04-13', name: 'Easter Monday' },
  { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  { date: '2020-05-25', name: 'Spring bank holiday' },
  { date: '2020-08-31', name: 'Summer bank holiday' },
  { date: '2020-12-25', name: 'Christmas Day' },
  { date: '2020-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2021-01-01', name: "New Year's Day" },
  { date: '2021-04-02', name: 'Good Friday' },
  { date: '2021-04-05', name: 'Easter Monday' },
  { date: '2021-05-03', name: 'Early May bank holiday' },
  { date: '2021-05-31', name: 'Spring bank holiday' },
  { date: '2021-08-30', name: 'Summer bank holiday' },
  { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2021-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2022-01-03', name: "New Year's Day (substitute day)" },
  { date: '2022-04-15', name: 'Good Friday' },
  { date: '2022-04-18', name: 'Easter Monday' },
  { date: '2022-05-02', name: 'Early May bank holiday' },
  { date: '2022-06-02', name: 'Spring bank holiday' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-08-29', name: 'Summer bank holiday' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2022-12-26', name: 'Boxing Day' },
  { date: '2022-12-27', name: 'Christmas Day (substitute day)' },

  { date: '2023-01-02', name: "New Year's Day (substitute day)" },
  { date: '2023-04-07', name: 'Good Friday' },
  { date: '2023-04-10', name: 'Easter Monday' },
  { date: '2023-05-01', name: 'Early May bank holiday' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
  { date: '2023-05-29', name: 'Spring bank holiday' },
  { date: '2023-08-28', name: 'Summer bank holiday' },
  { date: '2023-12-25', name: 'Christmas Day' },
  { date: '2023-12-26', name: 'Boxing Day' },

  { date: '2024-01-01', name: "New Year's Day" },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-01', name: 'Easter Monday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-08-26', name: 'Summer bank holiday' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },

  { date: '2025-01-01', name: "New Year's Day" },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },

  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },

  // From 2028, the usual pattern: gov.uk has not yet announced these years.
  { date: '2028-01-03', name: "New Year's Day (substitute day)" },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },

  { date: '2029-01-01', name: "New Year's Day" },
  { date: '2029-03-30', name: 'Good Friday' },
  { date: '2029-04-02', name: 'Easter Monday' },
  { date: '2029-05-07', name: 'Early May bank holiday' },
  { date: '2029-05-28', name: 'Spring bank holiday' },
  { date: '2029-08-27', name: 'Summer bank holiday' },
  { date: '2029-12-25', name: 'Christmas Day' },
  { date: '2029-12-26', name: 'Boxing Day' },

  { date: '2030-01-01', name: "New Year's Day" },
  { date: '2030-04-19', name: 'Good Friday' },
  { date: '2030-04-22', name: 'Easter Monday' },
  { date: '2030-05-06', name: 'Early May bank holiday' },
  { date: '2030-05-27', name: 'Spring bank holiday' },
  { date: '2030-08-26', name: 'Summer bank holiday' },
  { date: '2030-12-25', name: 'Christmas Day' },
  { date: '2030-12-26', name: 'Boxing Day' },
];

const byDate = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday]));

/** The bank holiday on `date` in England and Wales, if there is one. */
export const bankHolidayOn = (date: IsoDate): BankHoliday | undefined => byDate.get(date);
