import { isComplete } from '../status.js';
import type { Rule } from './types.js';

export const completeWithoutEvidence: Rule = {
  code: 'complete-without-evidence',
  defaultSeverity: 'information',
  scope: 'action',
  summary: 'Status is Complete and there is no Evidence.',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const status = facts.field('status');
      const evidence = facts.field('evidence');
      if (!status || !isComplete(facts.status) || (evidence && evidence.valueText !== '') || (evidence?.items.length ?? 0) > 0) continue;
      yield {
        element: action,
        range: status.value.range,
        message: `${action.id} is marked complete without evidence: add "- Evidence:" with what shows it was done (a link, a document, a report to the board).`,
      };
    }
  },
};
