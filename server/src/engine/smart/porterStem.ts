import { stemmer } from 'stemmer';
import { memoByText } from '../memo.js';

/**
 * The Porter stem of a lower-case word (the `stemmer` package), remembered: a plan uses a few
 * hundred words thousands of times, and the stemmer runs a dozen regular expressions on each.
 */
export const porterStem: (word: string) => string = memoByText(stemmer, 50_000);
