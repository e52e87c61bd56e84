import { HEDGE, PROGRESS_REPORT, VAGUE_LEADING_VERB } from '../lexicon.js';
import type { Rule } from './types.js';

const MINIMUM_WORDS = 3;

export const smartSpecific: Rule = {
  code: 'smart-specific',
  defaultSeverity: 'warning',
  summary: 'The action statement is vague: a vague verb, a hedge, or too short to name a deliverable.',
  *check({ plan }) {
    for (const action of plan.actions) {
      const { text, range } = action.statement;
      const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
      if (words.length === 0) {
        yield {
          element: action,
          range: action.idSpan.range,
          message: `${action.id} has no statement: after the ID, say what will be done and what it will produce.`,
        };
        continue;
      }
      if (words.length < MINIMUM_WORDS) {
        yield {
          element: action,
          range,
          message: `"${text}" is too short to name a deliverable: say what will be produced and for whom, for example "Audit 40 child protection plans each quarter".`,
        };
        continue;
      }
      const vague = VAGUE_LEADING_VERB.exec(text);
      // A vague verb followed by a number ("Ensure 95% of ...") still names something countable.
      if (vague && !/\d/.test(text)) {
        yield {
          element: action,
          range: { start: range.start, end: range.start + vague[0].length },
          message: `"${vague[0]}" says what should get better, not what will be done: start with the deliverable, such as "Run", "Publish", "Audit", "Train", "Recruit", and name what it produces.`,
        };
      }
      const progress = PROGRESS_REPORT.exec(text);
      if (progress) {
        yield {
          element: action,
          range: { start: range.start + progress.index, end: range.start + progress.index + progress[0].length },
          message: `"${progress[0]}" reports progress, not an action: say what will be done and what it will produce, for example "Train 45 social workers in return home interviews".`,
        };
      }
      for (const hedge of text.matchAll(HEDGE)) {
        yield {
          element: action,
          range: { start: range.start + hedge.index, end: range.start + hedge.index + hedge[0].length },
          message: `"${hedge[0]}" leaves the action open: say exactly what will be done, or drop it.`,
        };
      }
    }
  },
};
