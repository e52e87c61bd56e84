/** Content words for comparing an action with recommendations: lower case, light stemming, no stop words. */

import { memoByText } from './memo.js';

// Function words, and words so common in children's services plans that sharing them says nothing.
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being between both but by can could did do does
  doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself
  just more most no nor not now of off on once only or other our out over own same she should so some such than that the their
  them then there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your
  child children young people person family families social work worker workers service services plan plans planning
  ensure improve improvement quality effective effectively consistent consistently timely appropriate good better
  practice practitioner practitioners across level levels including make made use using well within new local authority council
  action actions recommendation recommendations`.split(/\s+/),
);

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ments', 'ment', 'ness', 'ies', 'ed', 'es', 'ly', 's'];

export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      return word.slice(0, -suffix.length) + (suffix === 'ies' ? 'y' : '');
    }
  }
  return word;
}

/** The content words of a text, stemmed; remembered, as every action is compared on every keystroke. The set is shared: do not change it. */
export const contentWords: (text: string) => ReadonlySet<string> = memoByText((text) => computeContentWords(text));

function computeContentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}]+(?:['\u2019][\p{L}]+)*/gu)) {
    const word = match[0].replace(/['\u2019]s$/, '');
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const stemmed = stem(word);
    if (!STOP_WORDS.has(stemmed)) words.add(stemmed);
  }
  return words;
}
