import assert from 'node:assert/strict';
import {
  describeDue,
  endOfFinancialQuarterContaining,
  endOfFinancialYearContaining,
  endOfMonth,
  formatDateWithWeekday,
  weekdayOf,
} from '../../server/src/engine/calendar.js';

describe('calendar', () => {
  it('names weekdays', () => {
    assert.equal(weekdayOf('2026-03-31'), 'Tuesday');
    assert.equal(formatDateWithWeekday('2025-11-01'), 'Saturday 1 November 2025');
  });

  it('finds the end of the month, leap years included', () => {
    assert.equal(endOfMonth('2025-02-10'), '2025-02-28');
    assert.equal(endOfMonth('2024-02-01'), '2024-02-29');
    assert.equal(endOfMonth('2025-12-31'), '2025-12-31');
  });

  it('finds the end of the UK financial quarter and year (April to March)', () => {
    const cases: [string, string, string][] = [
      ['2025-04-01', '2025-06-30', '2026-03-31'],
      ['2025-09-30', '2025-09-30', '2026-03-31'],
      ['2025-11-01', '2025-12-31', '2026-03-31'],
      ['2026-01-15', '2026-03-31', '2026-03-31'],
      ['2026-03-31', '2026-03-31', '2026-03-31'],
    ];
    for (const [date, quarter, year] of cases) {
      assert.equal(endOfFinancialQuarterContaining(date), quarter, date);
      assert.equal(endOfFinancialYearContaining(date), year, date);
    }
  });

  it('says how a due date stands, across a change of clocks', () => {
    assert.equal(describeDue('2026-03-31', '2025-11-01'), 'in 150 days');
    assert.equal(describeDue('2025-11-02', '2025-11-01'), 'in 1 day');
    assert.equal(describeDue('2025-11-01', '2025-11-01'), 'today');
    assert.equal(describeDue('2025-10-31', '2025-11-01'), 'overdue by 1 day');
    assert.equal(describeDue('2025-10-27', '2025-11-01'), 'overdue by 5 days');
  });
});
