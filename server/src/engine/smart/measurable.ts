/**
 * Whether a Measure has something observable in it: a count or percentage, a threshold or baseline,
 * a named indicator, or an artefact that will exist (published, signed off, reported to the
 * board). A pure function of the measure's text, memoised.
 */
import { ARTEFACTS, NON_MEASURES, NUMBER_WORDS, THRESHOLDS } from '../lexicon.js';
import { isCount } from './specific.js';
import { findPhrase, tokenise, type Token } from './tokens.js';
import { memoByText } from '../memo.js';

export interface MeasureReading {
  observable: boolean;
  /** The aim it states instead, when it has one ("improved outcomes"), as written. */
  aim?: string;
}

// Evidence a reader can check on its own: counts, thresholds and artefacts that exist or do not.
const STRONG = [...NUMBER_WORDS, ...THRESHOLDS, ...ARTEFACTS.filter((phrase) => !WEAK_ARTEFACT(phrase))];
// Sources that can be checked, but which a hope such as "improved practice evident in audits" does not turn into a measure.
const WEAK = ARTEFACTS.filter(WEAK_ARTEFACT);

function WEAK_ARTEFACT(phrase: string): boolean {
  return /^(?:audits?|audited|audit findings|dip[ -]samples?|inspection|surveys?|surveyed|completed|delivered|trained|held|recorded|on file|in use|ofsted|reports?|paper|briefing|produced|board|agreed|sent to|updated|filled|received|logged)$/.test(phrase);
}

export const readMeasure: (text: string) => MeasureReading = memoByText((text) => computeReading(text));

const has = (words: readonly Token[], list: readonly string[]): boolean => list.some((phrase) => findPhrase(words, phrase) >= 0);

function computeReading(text: string): MeasureReading {
  const { words } = tokenise(text);
  // The aim that comes first in the text, and the longest one there.
  const aimAt = NON_MEASURES.map((phrase) => ({ phrase, at: findPhrase(words, phrase) }))
    .filter(({ at }) => at >= 0)
    .sort((x, y) => x.at - y.at || y.phrase.length - x.phrase.length)[0];
  const aim = aimAt ? text.slice(words[aimAt.at]!.start, words[aimAt.at + aimAt.phrase.split(' ').length - 1]!.end) : undefined;
  // A one-word aim ("better") is worth naming in a message only as part of a phrase.
  const named = aimAt && aimAt.phrase.includes(' ') ? aim : undefined;
  if (words.some((_, index) => isCount(words, index)) || /%/.test(text)) return { observable: true };
  if (has(words, STRONG)) return { observable: true };
  // "post filled (HR record)": the record that shows it, named in brackets at the end.
  if (!aim && /\([^()]*\b(?:record|log|minutes|note|decision|rota|report|register|system|tracker|letter)s?\)\s*[.;]?\s*$/i.test(text)) return { observable: true };
  // "Audit", "Audit evidence": where evidence would come from, not what it will show.
  const sourceAlone = /^(?:audits?|surveys?)$/.test(words[0]?.lower ?? '') && (words.length === 1 || (words.length === 2 && /^(?:outcomes?|evidence|findings|results|activity)$/.test(words[1]!.lower)));
  if (!aim && !sourceAlone && has(words, WEAK)) return { observable: true };
  return named ? { observable: false, aim: named } : { observable: false };
}
