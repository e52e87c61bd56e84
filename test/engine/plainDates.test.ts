/**
 * Common date forms are read without chrono (its first call is slow); they must read exactly as
 * chrono reads them, and anything else must be left to chrono. Likewise, text without "ago" or
 * "later" words goes to chrono without the two parsers that need them (their patterns are slow to
 * compile), and must read as with every parser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CHRONO_PARSERS_LEFT_OUT, readDateWithChrono, readPlainDate } from '../../server/src/engine/dates.js';

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

describe('chrono without its "ago" and "later" parsers', () => {
  const corpus = JSON.parse(readFileSync(new URL('../fixtures/smart/corpus.json', import.meta.url), 'utf8')) as { actions: { start: string | null; due: string | null }[] };
  const written = [
    ...corpus.actions.flatMap((action) => [action.start, action.due]).filter((text): text is string => typeof text === 'string'),
    ...['3 months later', 'two weeks ago', '6 months after the launch', '1 year from now', '2 weeks before the board', 'a month earlier', 'three months out', 'within 3 months', 'by the end of next week', 'ongoing', 'Q3 2025/26'],
  ];
  const wordy = fc.array(fc.constantFrom('3', 'two', 'months', 'weeks', 'ago', 'later', 'after', 'before', 'out', 'from now', 'March', '2026', 'next', 'by', 'end of', 'within', ','), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

  it('leaves out exactly those two', () => {
    assert.equal(CHRONO_PARSERS_LEFT_OUT, 2);
  });

  it('reads dates as chrono with every parser does', () => {
    assert.ok(written.length > 1000);
    for (const text of written) for (const first of [false, true]) assert.deepStrictEqual(readDateWithChrono(text, '2025-11-01', first), readDateWithChrono(text, '2025-11-01', first, true), text);
    fc.assert(fc.property(wordy, (text) => assert.deepStrictEqual(readDateWithChrono(text, '2025-11-01', false), readDateWithChrono(text, '2025-11-01', false, true), text)), { numRuns: 500 });
  });
});
