import { daysBetween, formatDate } from '../dates.js';
import { isComplete, STATUS_LABELS } from '../status.js';
import type { Rule } from './types.js';

export const overdue: Rule = {
  code: 'overdue',
  defaultSeverity: 'warning',
  scope: 'action',
  summary: 'Due is before the as-of date and the Status is not Complete.',
  *check({ plan, analysis }) {
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const dueField = facts.field('due');
      if (facts.due?.kind !== 'date' || !dueField || isComplete(facts.status)) continue;
      const late = daysBetween(facts.due.date, analysis.asOf);
      if (late <= 0) continue;
      const status = facts.status ? `its Status is ${STATUS_LABELS[facts.status]}` : 'it is not marked Complete';
      yield {
        element: action,
        range: dueField.value.range,
        message: `${action.id} was due on ${formatDate(facts.due.date)}, ${late} day${late === 1 ? '' : 's'} before ${formatDate(analysis.asOf)}, and ${status}: mark it Complete with Evidence, or agree a new date and record why under Progress.`,
      };
    }
  },
};
