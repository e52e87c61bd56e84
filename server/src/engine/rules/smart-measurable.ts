import { allowListOf } from '../smart/allow.js';
import { readMeasure } from '../smart/measurable.js';
import { missingField } from './missingField.js';
import type { Rule } from './types.js';

export const smartMeasurable: Rule = {
  code: 'smart-measurable',
  defaultSeverity: 'warning',
  scope: 'action',
  summary: 'The action has no Measure, or one with nothing observable or countable in it.',
  *check({ plan, analysis, options }) {
    const allow = allowListOf(options.smartAllow);
    for (const action of plan.actions) {
      const measure = analysis.factsOf(action).field('measure');
      // A measure may be written as a sub-list under "- Measure:", one indicator per item.
      const items = measure?.items ?? [];
      const text = [measure?.valueText ?? '', ...items.map((item) => item.text)].join(' ').replace(/\s+/g, ' ').trim();
      if (!measure || text === '') {
        yield missingField(action, measure, 'measure', `${action.id} has no measure of success: add "- Measure:" with a number, a percentage, a target or a document that will show it worked.`);
        continue;
      }
      const reading = readMeasure(text);
      if (reading.observable || allow.occursIn(text)) continue;
      const range = {
        start: measure.valueText !== '' ? measure.value.range.start : items[0]!.range.start,
        end: items.length > 0 ? items.at(-1)!.range.end : measure.value.range.end,
      };
      const what = reading.aim ? `"${text}" states an aim ("${reading.aim}"), not a measure` : `"${text}" cannot be checked`;
      yield {
        element: action,
        range,
        message: `${what}: name a number, a percentage, a baseline and target, or an artefact such as an audit or a report signed off by the board.`,
      };
    }
  },
};
