/** Recognising recommendation and action IDs, in headings and in Links values. */

export interface IdMatch {
  /** Normalised: `R1`, `P2`, `A1.2`. */
  id: string;
  /** Length of the ID as written at the start of the text. */
  length: number;
}

// An ID ends at white space, punctuation or the end; `R1x` and `A1.2.` followed by a digit are not IDs.
const END = String.raw`(?![\p{L}\p{N}_]|\.\d)`;
const RECOMMENDATION = new RegExp(String.raw`^(?:([RP])(\d+)|(recommendation|priority action)[ \t]+(\d+))${END}`, 'iu');
const ACTION = new RegExp(String.raw`^(?:A(\d+(?:\.\d+)*)|action[ \t]+(\d+(?:\.\d+)*))${END}`, 'iu');

/** Leading zeros are not part of an ID's identity: `R01` is `R1`. */
const normaliseNumber = (dotted: string): string =>
  dotted.split('.').map((part) => String(Number.parseInt(part, 10))).join('.');

export function matchRecommendationId(text: string): IdMatch | undefined {
  const match = RECOMMENDATION.exec(text);
  if (!match) return undefined;
  const [whole, letter, number, word, wordNumber] = match;
  // Single-letter forms must be capitals: "r1" in prose is not an ID.
  if (letter !== undefined && letter !== letter.toUpperCase()) return undefined;
  const prefix = letter ?? (word!.toLowerCase() === 'recommendation' ? 'R' : 'P');
  return { id: prefix + normaliseNumber(number ?? wordNumber!), length: whole.length };
}

export function matchActionId(text: string): IdMatch | undefined {
  const match = ACTION.exec(text);
  if (!match) return undefined;
  const [whole, number, wordNumber] = match;
  if (number !== undefined && !whole.startsWith('A')) return undefined;
  return { id: 'A' + normaliseNumber(number ?? wordNumber!), length: whole.length };
}

/** After an ID: an optional separator (`.`, `:`, `-`, en or em dash) and white space. */
export function separatorLength(text: string): number {
  return /^[ \t]*[.:\-\u2013\u2014]?[ \t]*/u.exec(text)![0].length;
}
