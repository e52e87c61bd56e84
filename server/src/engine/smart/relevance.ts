/**
 * How well an action's words fit each recommendation of the plan: Okapi BM25 over the
 * recommendations' words, stemmed (Porter, the `stemmer` package), with the plan's
 * abbreviations spelt out and words every plan uses left out. The index is built once per set of
 * recommendations and reused while they do not change; scoring an action reads only its own words.
 */
import type { Recommendation } from '../model.js';
import { ABBREVIATIONS, RELEVANCE_STOP_WORDS, TOPICS } from '../lexicon.js';
import { porterStem } from './porterStem.js';
import { memoByText } from '../memo.js';

const STOP_STEMS = new Set(RELEVANCE_STOP_WORDS.map((word) => porterStem(word)));
const STOP_WORDS = new Set(RELEVANCE_STOP_WORDS);
// Each topic is a term of its own ("#placements"), which no word's stem can equal.
const TOPIC_OF = new Map(Object.entries(TOPICS).flatMap(([topic, words]) => words.map((word) => [word, `#${topic}`] as const)));

// The usual BM25 constants: term frequency saturates at k1; b weighs the length of the recommendation.
const K1 = 1.2;
const B = 0.75;

/** The stemmed content words of a text, in order, with repeats. The array is shared: do not change it. */
export const termsOf: (text: string) => readonly string[] = memoByText((text) => computeTerms(text));

function computeTerms(text: string): string[] {
  const terms: string[] = [];
  const add = (word: string): void => {
    if (word.length < 3 || STOP_WORDS.has(word)) return;
    const stem = porterStem(word);
    if (!STOP_STEMS.has(stem)) terms.push(stem);
  };
  // Only the first few thousand characters: a pasted report must not slow every keystroke.
  for (const match of text.slice(0, 8000).toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu)) {
    const word = match[0].replace(/['\u2019]s$/, '');
    const expansion = ABBREVIATIONS[word];
    const parts = expansion ? expansion.split(' ') : word.includes('-') ? word.split('-') : [word];
    for (const part of parts) add(part);
    // The word's topic, once, whether the word, its spelt-out form or a part of it names it.
    const topic = [word, ...parts].map((part) => TOPIC_OF.get(part)).find((found) => found !== undefined);
    if (topic) terms.push(topic);
  }
  return terms;
}

export interface Fit {
  /** The recommendation's ID (the index outlives the plan objects it was built from). */
  id: string;
  score: number;
  /** How many distinct action terms the recommendation has. */
  shared: number;
}

export class RelevanceIndex {
  private readonly ids: string[];
  /** For each term, the recommendations that use it (by position) and its BM25 weight in each. */
  private readonly postings = new Map<string, { document: number; weight: number }[]>();

  constructor(recommendations: readonly Recommendation[]) {
    this.ids = recommendations.map((recommendation) => recommendation.id);
    const documents = recommendations.map((recommendation) => {
      const terms = termsOf(`${recommendation.title.text} ${recommendation.text}`);
      const frequencies = new Map<string, number>();
      for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      return { frequencies, length: terms.length };
    });
    const n = documents.length;
    const averageLength = documents.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n) || 1;
    const documentFrequency = new Map<string, number>();
    for (const { frequencies } of documents) for (const term of frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    // Each term's contribution to each recommendation is fixed: work it out once, not per action.
    documents.forEach(({ frequencies, length }, document) => {
      for (const [term, tf] of frequencies) {
        const df = documentFrequency.get(term)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const weight = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ document, weight });
      }
    });
    this.distinctiveWeight = Math.log(1 + (n - 0.5) / 1.5);
  }

  /**
   * The weight (IDF) of a word only one recommendation uses: what one distinctive shared word adds
   * to a score. Scores grow with the number of recommendations, so thresholds are multiples of it.
   */
  readonly distinctiveWeight: number;

  /** Every recommendation's fit to the text, in plan order. */
  fits(text: string): Fit[] {
    const scores = new Array<number>(this.ids.length).fill(0);
    const shared = new Array<number>(this.ids.length).fill(0);
    for (const term of new Set(termsOf(text))) {
      for (const { document, weight } of this.postings.get(term) ?? []) {
        scores[document]! += weight;
        shared[document]!++;
      }
    }
    return this.ids.map((id, document) => ({ id, score: scores[document]!, shared: shared[document]! }));
  }
}

// Keyed by the recommendations' IDs and texts, which change rarely; the index keeps the elements it was built from.
const indexes = new Map<string, RelevanceIndex>();

/** The index of a set of recommendations, shared while their texts are the same. */
export function relevanceIndexOf(recommendations: readonly Recommendation[]): RelevanceIndex {
  const key = recommendations.map((r) => `${r.id}\u0001${r.title.text}\u0001${r.text}`).join('\u0000');
  const index = indexes.get(key) ?? new RelevanceIndex(recommendations);
  if (indexes.size >= 50) indexes.clear();
  indexes.set(key, index);
  return index;
}
