import type { Rule } from './types.js';

export const uncoveredRecommendation: Rule = {
  code: 'uncovered-recommendation',
  defaultSeverity: 'warning',
  summary: 'A recommendation has no action addressing it.',
  *check({ plan, analysis }) {
    // A plain loop: this rule reads every action on every keystroke.
    const addressed = new Set<string>();
    for (const action of plan.actions) for (const id of analysis.factsOf(action).addressedIds) addressed.add(id);
    for (const recommendation of plan.recommendations) {
      if (addressed.has(recommendation.id)) continue;
      yield {
        element: recommendation,
        range: recommendation.idSpan.range,
        message: `No action addresses ${recommendation.id}: add an action under it, or name it in another action's "- Links:".`,
      };
    }
  },
};
