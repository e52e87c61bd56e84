import type { Rule } from './types.js';

export const unlinkedAction: Rule = {
  code: 'unlinked-action',
  defaultSeverity: 'error',
  scope: 'action',
  summary: 'An action addresses no recommendation: it is under none and has no Links.',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      if (analysis.factsOf(action).addressedIds.length > 0) continue;
      // A common slip: the action heading has as many # as the recommendation above it, which closes its section.
      const above = plan.recommendations.filter((r) => r.headingRange.start < action.headingRange.start).at(-1);
      const hint =
        above && above.depth === action.depth
          ? ` (its heading has the same level as ${above.id}'s, so it is not inside ${above.id}: add a # to put it there)`
          : '';
      yield {
        element: action,
        range: action.idSpan.range,
        fix: { kind: 'unlinked' },
        message: `${action.id} addresses no recommendation${hint}: put it under a recommendation's heading or add "- Links:" with the IDs it addresses.`,
      };
    }
  },
};
