import type { Rule } from './types.js';

export const invalidStatus: Rule = {
  code: 'invalid-status',
  defaultSeverity: 'error',
  scope: 'action',
  summary: 'Status is not one of Not started, Red, Amber, Green, Blue (Complete, Done).',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const field = facts.field('status');
      if (!field || facts.status) continue;
      yield {
        element: action,
        range: field.valueText === '' ? field.key.range : field.value.range,
        fix: { kind: 'invalid-status' },
        message: `${field.valueText === '' ? 'The Status is empty' : `"${field.valueText}" is not a status`}: use Not started, Red, Amber, Green or Blue (Complete and Done also mean Blue).`,
      };
    }
  },
};
