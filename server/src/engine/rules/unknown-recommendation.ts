import type { Rule } from './types.js';

export const unknownRecommendation: Rule = {
  code: 'unknown-recommendation',
  defaultSeverity: 'error',
  scope: 'action',
  summary: 'Links names an ID that no recommendation declares.',
  *check({ plan, analysis }) {
    const external = analysis.external?.name;
    const where = external ? `this plan or ${external}` : 'this plan';
    for (const action of plan.actions) {
      for (const link of analysis.factsOf(action).links) {
        if (link.id === undefined) {
          yield {
            element: action,
            range: link.range,
            fix: { kind: 'not-an-id' },
            message: `"${link.text}" is not a recommendation ID: list IDs such as R1, R4 or P2.`,
          };
        } else if (!analysis.recommendationsById.has(link.id)) {
          yield {
            element: action,
            range: link.range,
            fix: { kind: 'unknown-id', id: link.id },
            message: `No recommendation ${link.id} is declared in ${where}.`,
          };
        }
      }
    }
  },
};
