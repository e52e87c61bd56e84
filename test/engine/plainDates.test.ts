/**
 * Common date forms are read without chrono (its first call is slow); they must read exactly as
 * chrono reads them, and anything else must be left to chrono.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readDateWithChrono, readPlainDate } from '../../server/src/engine/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number): string => String(n).padStart(2, '0');

const written = fc
  .tuple(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.nat(6), fc.boolean())
  .map(([y, m, d, form, short]) => {
    const month = short ? MONTHS[m - 1]!.slice(0, 3) : MONTHS[m - 1]!;
    return [`${y}-${pad(m)}-${pad(d)}`, `${pad(d)}/${pad(m)}/${y}`, `${d}/${m}/${y}`, `${d} ${month} ${y}`, `${d}th ${month.toLowerCase()} ${y}`, `${month} ${y}`, `${month.toUpperCase()} ${y}`][form]!;
  });

describe('plain date forms', () => {
  it('read exactly as chrono reads them, at either end of a month', () => {
    fc.assert(
      fc.property(written, fc.boolean(), (text, first) => {
        const plain = readPlainDate(text, first);
        if (plain) assert.deepStrictEqual(plain, readDateWithChrono(text, '2025-11-01', first), text);
      }),
      { numRuns: 2000 },
    );
  });

  it('leave impossible dates and other forms to chrono', () => {
    for (const text of ['31 February 2026', '2026-13-01', '00/03/2026', 'end of March 2026', 'by 31 March 2026', 'Q3 2025/26', 'next week', 'Marchy 2026']) {
      assert.equal(readPlainDate(text, false), undefined, text);
    }
    assert.deepEqual(readPlainDate('March 2026', false), { kind: 'date', date: '2026-03-31', index: 0, length: 10 });
    assert.deepEqual(readPlainDate('March 2026', true), { kind: 'date', date: '2026-03-01', index: 0, length: 10 });
  });
});
