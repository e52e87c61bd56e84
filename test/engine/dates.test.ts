import assert from 'node:assert/strict';
import { endOfFinancialQuarter, readDate } from '../../server/src/engine/dates.js';

const dateOf = (text: string) => {
  const reading = readDate(text, '2025-11-01');
  return reading.kind === 'date' ? reading.date : reading.kind;
};

describe('reading due dates', () => {
  const cases: [string, string][] = [
    ['2026-03-31', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['01/04/2026', '2026-04-01'], // day first, as in the UK
    ['31 March 2026', '2026-03-31'],
    ['31st March 2026', '2026-03-31'],
    ['March 2026', '2026-03-31'], // a month means its end
    ['February 2028', '2028-02-29'],
    ['end of March 2026', '2026-03-31'],
    ['Sept 2026', '2026-09-30'],
    ['December 2025 - March 2026', '2026-03-31'], // a span means its end
    ['by 31 March 2026 (subject to funding)', '2026-03-31'],
    ['Q1 2025/26', '2025-06-30'],
    ['Q2 2025/26', '2025-09-30'],
    ['Q3 2025/26', '2025-12-31'],
    ['Q4 2025/26', '2026-03-31'],
    ['Q3 2025-2026', '2025-12-31'],
    ['end of the financial year 2025/26', '2026-03-31'],
    ['FY 2026/27', '2027-03-31'],
    ['ongoing', 'vague'],
    ['Ongoing - reviewed monthly', 'vague'],
    ['TBC', 'vague'],
    ['ASAP', 'vague'],
    ['by the next inspection', 'vague'],
    ['next week', 'relative'],
    ['31 March', 'no-year'],
    ['soon-ish', 'unreadable'],
    ['Q3 2025/27', 'unreadable'], // the years of a financial year follow each other
    ['31/13/2026', 'unreadable'],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected}`, () => assert.equal(dateOf(text), expected));
  }

  it('says where in the value the date or the vague phrase is', () => {
    assert.deepEqual(readDate('by 31 March 2026', '2025-11-01'), { kind: 'date', date: '2026-03-31', index: 3, length: 13 });
    assert.deepEqual(readDate('Due: ongoing', '2025-11-01'), { kind: 'vague', phrase: 'ongoing', index: 5 });
  });

  it('computes the end of each UK financial quarter', () => {
    assert.deepEqual([1, 2, 3, 4].map((q) => endOfFinancialQuarter(q, 2027)), ['2027-06-30', '2027-09-30', '2027-12-31', '2028-03-31']);
  });
});
