import type { PlanElement } from '../model.js';
import type { Rule } from './types.js';

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  summary: 'Two recommendations or two actions share an ID.',
  *check({ plan, location }) {
    for (const elements of [plan.recommendations, plan.actions] as PlanElement[][]) {
      const first = new Map<string, PlanElement>();
      for (const element of elements) {
        const earlier = first.get(element.id);
        if (!earlier) {
          first.set(element.id, element);
          continue;
        }
        const line = location.pointOf(earlier.idSpan.range.start).line;
        yield {
          element,
          range: element.idSpan.range,
          message: `${element.id} is already the ID of the ${element.kind} on line ${line}: give this one an ID of its own.`,
        };
      }
    }
  },
};
