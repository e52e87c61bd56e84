/** Correcting a Status that is not one of the dialect's values. */
import type { Field } from '../model.js';
import { withoutTrailing } from '../owners.js';
import { STATUS_LABELS, type Status } from '../status.js';
import { editDistance } from './distance.js';
import { fillFieldEdit } from './fields.js';
import type { Fix } from './types.js';

const ALL: readonly Status[] = ['not started', 'red', 'amber', 'green', 'blue'];

/**
 * Words boards use for RAG values. One value: a clear answer, which "fix all" applies. Two: the
 * author chooses.
 */
export const STATUS_SYNONYMS: Readonly<Record<string, readonly Status[]>> = {
  r: ['red'],
  a: ['amber'],
  g: ['green'],
  b: ['blue'],
  'off track': ['red'],
  'off-track': ['red'],
  'at risk': ['amber'],
  'at-risk': ['amber'],
  'on track': ['green'],
  'on-track': ['green'],
  ontrack: ['green'],
  finished: ['blue'],
  closed: ['blue'],
  achieved: ['blue'],
  delivered: ['blue'],
  'not yet started': ['not started'],
  'not begun': ['not started'],
  'not commenced': ['not started'],
  'not-started': ['not started'],
  notstarted: ['not started'],
  'in progress': ['green', 'amber'],
  'in-progress': ['green', 'amber'],
  ongoing: ['green', 'amber'],
  started: ['green', 'amber'],
  slipping: ['amber', 'red'],
  delayed: ['amber', 'red'],
  behind: ['amber', 'red'],
  'red/amber': ['red', 'amber'],
  'amber/red': ['amber', 'red'],
  'amber/green': ['amber', 'green'],
  'green/amber': ['green', 'amber'],
};

// The words a Status may be written as, for spelling: the values and the other words for Blue.
const SPELLINGS: readonly [string, Status][] = [...ALL.map((status) => [status, status] as [string, Status]), ['complete', 'blue'], ['completed', 'blue'], ['done', 'blue']];

const collapse = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/');
const normalise = (text: string): string => withoutTrailing(collapse(text), '.!').trim();

/** The values `head` is probably meant to be: a synonym, or values within a slip of the keyboard. */
function suggestionsFor(head: string): Status[] {
  const word = normalise(head);
  if (word === '') return [];
  const synonyms = STATUS_SYNONYMS[word];
  if (synonyms) return [...synonyms];
  if (word.length < 3) return [];
  let best = Infinity;
  let found: Status[] = [];
  for (const [spelling, status] of SPELLINGS) {
    // The distance is at least the difference in length: no need to compute it for a long value.
    if (Math.abs(word.length - spelling.length) > 2) continue;
    const distance = editDistance(word, spelling);
    if (distance > (spelling.length <= 5 ? 1 : 2) || distance > best) continue;
    if (distance < best) {
      best = distance;
      found = [];
    }
    if (!found.includes(status)) found.push(status);
  }
  return found;
}

/**
 * Where a comment after the value starts: at the white space before a dash, or before `:;,(`, or at
 * a full stop. What `/\s+[-–—]|\s*[:;,(]|\.(?:\s|$)/` finds, without retrying a long run of white
 * space from each of its characters (its time grew with the square of the run).
 */
function commentStart(value: string): number | undefined {
  const match = /\s[-\u2013\u2014]|[:;,(]|\.(?:\s|$)/.exec(value);
  if (!match) return undefined;
  let at = match.index;
  if (match[0][0] !== '.') while (at > 0 && /\s/.test(value[at - 1]!)) at--;
  return at;
}

/**
 * Fixes for an invalid Status: the value it is a synonym or a misspelling of (only the first word
 * or phrase is changed, so a comment after it stays), or every value when nothing is near.
 */
export function statusFixes(text: string, field: Field): Fix[] {
  if (field.valueText === '') {
    return ALL.map((status) => ({
      title: `Set the Status to ${STATUS_LABELS[status]}`,
      edits: [fillFieldEdit(text, field, STATUS_LABELS[status])],
      safe: false,
      preferred: false,
    }));
  }
  const value = field.value.text;
  // The whole value, then the part before a comment ("On track - waiting for sign-off").
  const heads = [value.trimEnd()];
  const comment = commentStart(value);
  if (comment !== undefined && comment > 0) heads.push(value.slice(0, comment));
  const dash = /[-\u2013\u2014]/.exec(value);
  if (dash && dash.index > 0) heads.push(value.slice(0, dash.index));
  for (const head of heads) {
    const found = suggestionsFor(head);
    if (found.length === 0) continue;
    const range = { start: field.value.range.start, end: field.value.range.start + head.length };
    return found.map((status) => ({
      title: `Change "${head.replace(/\s+/g, ' ').trim()}" to ${STATUS_LABELS[status]}`,
      edits: [{ range, newText: STATUS_LABELS[status] }],
      safe: found.length === 1,
      preferred: found.length === 1,
    }));
  }
  return ALL.map((status) => ({
    title: `Change "${field.valueText}" to ${STATUS_LABELS[status]}`,
    edits: [{ range: field.value.range, newText: STATUS_LABELS[status] }],
    safe: false,
    preferred: false,
  }));
}
