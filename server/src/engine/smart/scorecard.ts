/**
 * An action's SMART scorecard: for each letter, passed, failed (with the messages why), or not
 * checked (silenced by a plan-ignore comment, or the rule turned off). Read from the diagnostics
 * of an analysis, so the hover, the code lens and the rules can never disagree.
 */
import type { Action, Range } from '../model.js';
import type { RuleCode } from '../severity.js';

export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

/** Each letter, its name, and the codes that fail it: an action that addresses nothing is not Relevant either. */
export const SMART_LETTERS: readonly { letter: SmartLetter; name: string; codes: readonly RuleCode[] }[] = [
  { letter: 'S', name: 'Specific', codes: ['smart-specific'] },
  { letter: 'M', name: 'Measurable', codes: ['smart-measurable'] },
  { letter: 'A', name: 'Achievable', codes: ['smart-achievable'] },
  { letter: 'R', name: 'Relevant', codes: ['smart-relevant', 'unlinked-action', 'unknown-recommendation'] },
  { letter: 'T', name: 'Time-bound', codes: ['smart-time-bound'] },
];

export interface ScorecardDiagnostic {
  code: string;
  message: string;
  range: Range;
}

export type LetterResult =
  | { letter: SmartLetter; name: string; result: 'passed' }
  | { letter: SmartLetter; name: string; result: 'failed'; messages: string[] }
  | { letter: SmartLetter; name: string; result: 'not checked'; why: 'silenced' | 'off' };

export interface Scorecard {
  letters: LetterResult[];
  passed: number;
  /** Letters that were checked (not silenced, not turned off). */
  checked: number;
}

const within = (inner: Range, outer: Range): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** The diagnostics that concern an action: on its heading or in one of its fields. */
export function diagnosticsOfAction<D extends ScorecardDiagnostic>(action: Action, diagnostics: readonly D[]): D[] {
  return diagnostics.filter((d) => within(d.range, action.headingRange) || action.fields.some((field) => within(d.range, field.range)));
}

export function scorecard(action: Action, diagnostics: readonly ScorecardDiagnostic[], isRuleOff?: (code: RuleCode) => boolean): Scorecard {
  const own = diagnosticsOfAction(action, diagnostics);
  const letters = SMART_LETTERS.map(({ letter, name, codes }): LetterResult => {
    const messages = own.filter((d) => (codes as readonly string[]).includes(d.code)).map((d) => d.message);
    if (messages.length > 0) return { letter, name, result: 'failed', messages };
    const main = codes[0]!;
    if (action.ignoredCodes.has('*') || action.ignoredCodes.has(main)) return { letter, name, result: 'not checked', why: 'silenced' };
    if (isRuleOff?.(main)) return { letter, name, result: 'not checked', why: 'off' };
    return { letter, name, result: 'passed' };
  });
  return {
    letters,
    passed: letters.filter((l) => l.result === 'passed').length,
    checked: letters.filter((l) => l.result !== 'not checked').length,
  };
}

/** `SMART 5/5`, `SMART 3/5 · fails M, T`, `SMART 3/4 · fails T · A not checked`. */
export function scorecardTitle(card: Scorecard): string {
  const failed = card.letters.filter((l) => l.result === 'failed').map((l) => l.letter);
  const unchecked = card.letters.filter((l) => l.result === 'not checked').map((l) => l.letter);
  return [
    `SMART ${card.passed}/${card.checked}`,
    ...(failed.length > 0 ? [`fails ${failed.join(', ')}`] : []),
    ...(unchecked.length > 0 ? [`${unchecked.join(', ')} not checked`] : []),
  ].join(' · ');
}
