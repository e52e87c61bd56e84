import { OBSERVABLE } from '../lexicon.js';
import type { Rule } from './types.js';

export const smartMeasurable: Rule = {
  code: 'smart-measurable',
  defaultSeverity: 'warning',
  summary: 'The action has no Measure, or one with nothing observable or countable in it.',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      const measure = analysis.factsOf(action).field('measure');
      if (!measure || measure.valueText === '') {
        yield {
          element: action,
          range: measure ? measure.key.range : action.idSpan.range,
          message: `${action.id} has no measure of success: add "- Measure:" with a number, a percentage, a target or a document that will show it worked.`,
        };
      } else if (!OBSERVABLE.test(measure.valueText)) {
        yield {
          element: action,
          range: measure.value.range,
          message: `"${measure.valueText}" cannot be checked: name a number, a percentage, a baseline and target, or an artefact such as an audit or a report signed off by the board.`,
        };
      }
    }
  },
};
