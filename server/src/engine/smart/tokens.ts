/**
 * The words of a statement or measure, with their offsets: parse-english (the unified collective's
 * natural-language parser) splits the text, so hyphenated words, apostrophes, numbers and "etc."
 * come out as a reader would see them. Memoised by text: a plan's statements rarely change.
 */
import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import { porterStem } from './porterStem.js';
import type { Nodes } from 'nlcst';
import { memoByText } from '../memo.js';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  /** Porter stem of `lower`. */
  stem: string;
  start: number;
  end: number;
  /** Whether the token has a digit (a number, a percentage, a date). */
  numeric: boolean;
  /** Whether the token is part of a date written in numbers: 31/03/2026, 2026-03-31, 31.03.26. */
  numericDate: boolean;
  /** The punctuation right after this word (before the next word), such as "," or ";", or "" for none. */
  after: string;
}

export interface Tokens {
  text: string;
  words: readonly Token[];
}

const parser = new ParseEnglish();
export const tokenise: (text: string) => Tokens = memoByText((text) => ({ text, words: wordsOf(text) }));

function wordsOf(text: string): Token[] {
  const words: Token[] = [];
  let pending = '';
  const visit = (node: Nodes): void => {
    if (node.type === 'WordNode') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const written = toString(node);
      // "etc." is one word to parse-english; its full stop is not part of the word's meaning.
      const lower = written.toLowerCase().replace(/\u2019/g, "'").replace(/(?<=\p{L})\.$/u, '');
      if (words.length > 0) words[words.length - 1]!.after = pending.trim();
      pending = '';
      const numeric = /\d/.test(written);
      words.push({ text: written, lower, stem: porterStem(lower.replace(/'s$/, '')), start, end, numeric, numericDate: numeric && isNumericDate(text, start, end), after: '' });
      return;
    }
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      pending += node.value;
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  // Statements are short; a huge pasted value is cut so one keystroke never parses a book.
  visit(parser.parse(text.length > 2000 ? text.slice(0, 2000) : text) as Nodes);
  if (words.length > 0) words[words.length - 1]!.after = pending.trim();
  return words;
}

const DATE_CHARACTER = /[\d/.\-]/;
const NUMERIC_DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\.?$/;

/** Whether the characters around a word, digits and date separators only, make a date. */
function isNumericDate(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  // A date is short: stop looking after a few characters, whatever the text holds.
  while (from > 0 && start - from < 10 && DATE_CHARACTER.test(text[from - 1]!)) from--;
  while (to < text.length && to - end < 10 && DATE_CHARACTER.test(text[to]!)) to++;
  return NUMERIC_DATE.test(text.slice(from, to));
}

/** Where a phrase of lower-case words (space separated, `*` for any word) occurs in `words`, from `from`. */
export function findPhrase(words: readonly Token[], phrase: string, from = 0): number {
  const parts = phrase.split(' ');
  outer: for (let i = from; i + parts.length <= words.length; i++) {
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      if (part !== '*' && words[i + j]!.lower !== part) continue outer;
      // A phrase does not run across a full stop, semicolon or comma.
      if (j < parts.length - 1 && /[.;,:]/.test(words[i + j]!.after)) continue outer;
    }
    return i;
  }
  return -1;
}
