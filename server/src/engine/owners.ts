/** Comparing owners with each other and with the register. */
import { memoByText } from './memo.js';

// Values that stand in for an owner without naming one.
const PLACEHOLDER = /^(?:tbc|tbd|tba|\?+|n\/?a|-+|none|unknown|to be confirmed|to be agreed|various|all)\.?$/i;

export const isPlaceholderOwner = (owner: string): boolean => PLACEHOLDER.test(owner.trim());

/** The form two owners are compared in: case, spacing and trailing punctuation do not matter. */
// Read for every action on every keystroke (owner load), so remembered by the owner's text.
export const ownerKey = memoByText((owner: string): string => withoutTrailing(owner.replace(/\s+/g, ' '), '.;,').trim().toLowerCase());

/**
 * `text` without the run of `chars` at its end. A loop, not `/[.;,]+$/`: that regex retries the run
 * from each of its characters when something follows it, which takes seconds on a long run.
 */
export function withoutTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
