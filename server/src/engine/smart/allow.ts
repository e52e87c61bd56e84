/**
 * The SMART allow list (`improvementPlan.smart.allow`, `.planrc` `smart: { allow: [...] }`): words
 * and phrases a council uses on purpose. A SMART finding about an allowed phrase is not reported,
 * and an allowed phrase in a Measure counts as something observable (a local indicator's name).
 */
import { memoByText } from '../memo.js';

/** Lower case, apostrophes straightened, one space between words, no full stop at the end. */
export function normalisePhrase(phrase: string): string {
  const words = phrase.toLowerCase().replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim();
  // Trailing full stops by hand: a regex anchored at the end rescans long runs from every start.
  let end = words.length;
  while (end > 0 && (words[end - 1] === '.' || words[end - 1] === ' ')) end--;
  return words.slice(0, end);
}

export class AllowList {
  private readonly phrases: readonly string[];

  constructor(entries: readonly string[] = []) {
    this.phrases = [...new Set(entries.map(normalisePhrase).filter((entry) => entry !== ''))];
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Whether a flagged phrase is allowed: it is an entry, or has one as whole words, or is part of one. */
  allows(phrase: string): boolean {
    if (this.phrases.length === 0) return false;
    const flagged = ` ${normalisePhrase(phrase)} `;
    return this.phrases.some((entry) => flagged.includes(` ${entry} `) || ` ${entry} `.includes(flagged));
  }

  /** Whether a text has an allowed phrase in it, as whole words. */
  occursIn(text: string): boolean {
    if (this.phrases.length === 0) return false;
    const words = ` ${normalisePhrase(text).replace(/[^\p{L}\p{N}'%-]+/gu, ' ')} `;
    return this.phrases.some((entry) => words.includes(` ${entry.replace(/[^\p{L}\p{N}'%-]+/gu, ' ')} `));
  }
}

const allowListByKey = memoByText((key) => new AllowList(key === '' ? [] : key.split('\u0000')), 100);

/** One AllowList per distinct list of entries, so rules can share it within and across analyses. */
export function allowListOf(entries: readonly string[] | undefined): AllowList {
  return allowListByKey((entries ?? []).join('\u0000'));
}

/** Reads an untrusted allow list: an array of strings. Anything else is a problem, described. */
export function readAllowList(value: unknown, where: string): { allow: string[]; problems: string[] } {
  if (value === undefined || value === null) return { allow: [], problems: [] };
  if (!Array.isArray(value)) return { allow: [], problems: [`${where} should be a list of words or phrases, such as ["support", "embed"].`] };
  const allow: string[] = [];
  const problems: string[] = [];
  for (const entry of value) {
    if (typeof entry === 'string' && entry.trim() !== '') allow.push(entry.slice(0, 200));
    else problems.push(`${where}: ${JSON.stringify(entry) ?? String(entry)} is not a word or phrase, and is ignored.`);
  }
  return { allow, problems };
}
