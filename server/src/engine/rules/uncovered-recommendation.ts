import type { Rule } from './types.js';

export const uncoveredRecommendation: Rule = {
  code: 'uncovered-recommendation',
  defaultSeverity: 'warning',
  summary: 'A recommendation has no action addressing it.',
  *check({ plan, analysis }) {
    const addressed = new Set(plan.actions.flatMap((action) => analysis.factsOf(action).addressedIds));
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
