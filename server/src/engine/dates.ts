/**
 * Reading dates the way UK council plans write them.
 *
 * A date is an ISO calendar date string (`2026-03-31`): comparable as text and free of time zones.
 * General forms go through chrono-node's British (day-first) parser; UK financial quarters and
 * years, which chrono does not know, are read here.
 */
import * as chrono from 'chrono-node';
import { memoByText } from './memo.js';

export type IsoDate = string;

export type DateReading =
  | { kind: 'date'; date: IsoDate; /** The part of the text that was read as the date. */ index: number; length: number }
  | { kind: 'vague'; phrase: string; index: number }
  | { kind: 'relative'; index: number; length: number }
  | { kind: 'no-year'; index: number; length: number }
  | { kind: 'unreadable' };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function todayIso(now = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Month and year of a date, for grouping: `2026-03`. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** Words that promise no date at all. */
const VAGUE = /\b(ongoing|on-going|on going|tbc|tbd|tba|asap|as soon as possible|continuous(?:ly)?|immediate(?:ly)?|rolling|as required|as needed|when needed|next inspection|in due course|to be confirmed|to be agreed)\b|^\s*(?:n\/a|-+|\?+)\s*$/i;

// `Q3 2025/26`, `Q3 2025-26`, `Q3 FY2025/26`: the UK financial year runs from April to March.
const QUARTER = /\bQ([1-4])\s*(?:FY\s*)?(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})\b/i;
// `end of the financial year 2025/26`, `financial year 2025-26`, `FY 2025/26`: 31 March of the second year.
const FINANCIAL_YEAR = /\b(?:(?:end of (?:the )?)?financial year|FY)\s*(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})\b/i;
// A bare `2025/26` in a council plan is a financial year too; read only when nothing else is a date.
const BARE_FINANCIAL_YEAR = /(?<![\d/.\-\u2013])(\d{4})[/\-\u2013](\d{2})(?![\d/.\-\u2013])/;

function secondYearMatches(first: number, second: string): boolean {
  const value = Number(second);
  return second.length === 2 ? value === (first + 1) % 100 : value === first + 1;
}

/** The last day of a UK financial quarter: Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. */
export function endOfFinancialQuarter(quarter: number, firstYear: number): IsoDate {
  const month = [6, 9, 12, 3][quarter - 1]!;
  const year = quarter === 4 ? firstYear + 1 : firstYear;
  return isoDate(year, month, lastDayOfMonth(year, month));
}

/** The first day of a UK financial quarter. */
export function startOfFinancialQuarter(quarter: number, firstYear: number): IsoDate {
  return isoDate(quarter === 4 ? firstYear + 1 : firstYear, [4, 7, 10, 1][quarter - 1]!, 1);
}

/**
 * Reads a due date. Month-only dates mean the end of that month; a range means its end.
 * With `boundary: 'first'` (a Start date) they mean the first day of the month, quarter or
 * financial year, and a range means its start.
 * `reference` anchors chrono's reading (it is only used to reject relative dates).
 */
// chrono takes tens of microseconds a date: thousands of actions re-read on every keystroke add up.
// One cache per reference date and boundary, looked up by the text itself: a field's text is the same
// string object from one parse to the next, so the lookup does not even hash it again.
const readers = new Map<string, (text: string) => DateReading>();

export function readDate(text: string, reference: IsoDate = todayIso(), boundary: 'first' | 'last' = 'last'): DateReading {
  const key = boundary === 'first' ? `first ${reference}` : reference;
  let reader = readers.get(key);
  if (!reader) {
    if (readers.size >= 16) readers.clear();
    readers.set(key, (reader = memoByText((dateText) => readDateUncached(dateText, reference, boundary))));
  }
  return reader(text);
}

function readDateUncached(text: string, reference: IsoDate, boundary: 'first' | 'last'): DateReading {
  const first = boundary === 'first';
  const quarter = QUARTER.exec(text);
  if (quarter && secondYearMatches(Number(quarter[2]), quarter[3]!)) {
    const date = (first ? startOfFinancialQuarter : endOfFinancialQuarter)(Number(quarter[1]), Number(quarter[2]));
    return { kind: 'date', date, index: quarter.index, length: quarter[0].length };
  }
  const year = FINANCIAL_YEAR.exec(text);
  if (year && secondYearMatches(Number(year[1]), year[2]!)) {
    const date = first ? isoDate(Number(year[1]), 4, 1) : isoDate(Number(year[1]) + 1, 3, 31);
    return { kind: 'date', date, index: year.index, length: year[0].length };
  }

  const reading = readPlainDate(text, first) ?? readDateWithChrono(text, reference, first);
  if (reading) return reading;

  const bare = BARE_FINANCIAL_YEAR.exec(text);
  if (bare && secondYearMatches(Number(bare[1]), bare[2]!)) {
    const date = first ? isoDate(Number(bare[1]), 4, 1) : isoDate(Number(bare[1]) + 1, 3, 31);
    return { kind: 'date', date, index: bare.index, length: bare[0].length };
  }
  const vague = VAGUE.exec(text);
  if (vague) return { kind: 'vague', phrase: vague[0].trim(), index: vague.index };
  return { kind: 'unreadable' };
}

/** Reads a date that must be written exactly, as in front matter (`2025-06-28` or any form readDate accepts). */
export function readExactDate(text: string, boundary: 'first' | 'last' = 'last'): IsoDate | undefined {
  const reading = readDate(text, todayIso(), boundary);
  return reading.kind === 'date' ? reading.date : undefined;
}

// Written out: asking Intl for them loads its locale data at start-up (about 25 ms of a cold start).
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A readable form for messages: `31 March 2026`. */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** The month of a date, for messages: `March 2026`. */
export function formatMonth(date: IsoDate): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * chrono's "3 months ago" and "6 weeks later" parsers each hold a huge regular expression that V8
 * compiles to machine code on its second use: about 0.15 s each, on some keystroke. They match only
 * text with one of these words at a word's end, so other text goes to a parser without them.
 */
const AGO_OR_LATER_WORD = /(?:ago|before|earlier|later|after|from now|henceforth|forward|out)(?=\W|$)/i;
const isAgoOrLaterParser = (parser: chrono.Parser): boolean =>
  'innerPattern' in parser &&
  /\(\?:(?:ago\|before\|earlier|later\|after\|from now)/.test(String((parser as { innerPattern: (context: unknown) => RegExp }).innerPattern({ option: {} })));
const chronoWithoutAgoOrLater = ((): chrono.Chrono => {
  const parser = chrono.en.GB.clone();
  parser.parsers = parser.parsers.filter((each) => !isAgoOrLaterParser(each));
  return parser;
})();

/** How many of chrono's parsers the usual reading leaves out (a test checks it is exactly those two). */
export const CHRONO_PARSERS_LEFT_OUT = chrono.en.GB.parsers.length - chronoWithoutAgoOrLater.parsers.length;

/**
 * chrono-node's reading of a date in any form it knows; the reference for readPlainDate. `everyParser`
 * (tests) skips leaving out the parsers that cannot match.
 */
export function readDateWithChrono(text: string, reference: IsoDate, first: boolean, everyParser = false): DateReading | undefined {
  const parser = everyParser || AGO_OR_LATER_WORD.test(text) ? chrono.en.GB : chronoWithoutAgoOrLater;
  const [result] = parser.parse(text, new Date(`${reference}T12:00:00Z`));
  if (!result) return undefined;
  const { index } = result;
  const { length } = result.text;
  // "next week" and "within 3 months" mean something else every week; a plan is read for years.
  const tags = [...result.tags()];
  if (tags.some((tag) => tag === 'result/relativeDate' || tag.startsWith('casualReference'))) return { kind: 'relative', index, length };
  const last = result.end ?? result.start;
  const component = first ? result.start : last;
  // A month with no year ("September", "end of March") lacks its year; other words ("Friday") are relative.
  const monthWithoutYear = component.isCertain('month') && !last.isCertain('year');
  if (!/\d/.test(result.text) && !monthWithoutYear) return { kind: 'relative', index, length };
  if (!last.isCertain('year')) return { kind: 'no-year', index, length };
  const m = component.get('month')!;
  // A range such as "1 April - 30 June 2026" writes the year once, at its end.
  let y = component.isCertain('year') ? component.get('year')! : last.get('year')!;
  if (!component.isCertain('year') && m > last.get('month')!) y -= 1;
  const d = component.isCertain('day') ? component.get('day')! : first ? 1 : lastDayOfMonth(y, m);
  return { kind: 'date', date: isoDate(y, m, d), index, length };
}

const MONTHS = new Map(
  MONTH_NAMES.map((name) => name.toLowerCase()).flatMap((name, index) => [
    [name, index + 1],
    [name.slice(0, 3), index + 1],
  ]),
);

const FULL_MONTH_NAMES = new Set(MONTH_NAMES.map((name) => name.toLowerCase()));
/** Whether a lower-case word names a month, in full: "march", "may". */
export const isMonthName = (word: string): boolean => FULL_MONTH_NAMES.has(word);
/** Whether a lower-case word names a month, in full or cut short: "march", "nov", "sept". */
export const isMonthWord = (word: string): boolean => MONTHS.has(word) || word === 'sept';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]+) (\d{4})$/;

/**
 * The forms most plans use (`2026-03-31`, `31/03/2026`, `31 March 2026`, `March 2026`), read
 * without chrono: its first call takes a quarter of a second, most of a server's cold start. Gives
 * what chrono gives (a test checks); undefined for anything else, or an impossible date.
 */
export function readPlainDate(text: string, first: boolean): DateReading | undefined {
  let y: number;
  let m: number | undefined;
  let d: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = ISO_DATE.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = SLASH_DATE.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = DAY_MONTH_YEAR.exec(text))) [d, m, y] = [Number(match[1]), MONTHS.get(match[2]!.toLowerCase()), Number(match[3])];
  else if ((match = MONTH_YEAR.exec(text))) [m, y] = [MONTHS.get(match[1]!.toLowerCase()), Number(match[2])];
  else return undefined;
  if (m === undefined || m < 1 || m > 12 || y < 1900 || y > 2200) return undefined;
  if (d !== undefined && (d < 1 || d > lastDayOfMonth(y, m))) return undefined;
  return { kind: 'date', date: isoDate(y, m, d ?? (first ? 1 : lastDayOfMonth(y, m))), index: 0, length: text.length };
}
