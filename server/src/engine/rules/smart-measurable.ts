import { OBSERVABLE } from '../lexicon.js';
import { missingField } from './missingField.js';
import type { Rule } from './types.js';

export const smartMeasurable: Rule = {
  code: 'smart-measurable',
  defaultSeverity: 'warning',
  summary: 'The action has no Measure, or one with nothing observable or countable in it.',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      const measure = analysis.factsOf(action).field('measure');
      // A measure may be written as a sub-list under "- Measure:", one indicator per item.
      const items = measure?.items ?? [];
      const text = [measure?.valueText ?? '', ...items.map((item) => item.text)].join(' ').replace(/\s+/g, ' ').trim();
      if (!measure || text === '') {
        yield missingField(action, measure, 'measure', `${action.id} has no measure of success: add "- Measure:" with a number, a percentage, a target or a document that will show it worked.`);
      } else if (!OBSERVABLE.test(text)) {
        const range = {
          start: measure.valueText !== '' ? measure.value.range.start : items[0]!.range.start,
          end: items.length > 0 ? items.at(-1)!.range.end : measure.value.range.end,
        };
        yield {
          element: action,
          range,
          message: `"${text}" cannot be checked: name a number, a percentage, a baseline and target, or an artefact such as an audit or a report signed off by the board.`,
        };
      }
    }
  },
};
