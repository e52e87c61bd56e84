import { formatDate } from '../dates.js';
import { missingField } from './missingField.js';
import type { Rule } from './types.js';

export const smartTimeBound: Rule = {
  code: 'smart-time-bound',
  defaultSeverity: 'warning',
  summary: 'The action has no Due date, a vague or unreadable one, or one outside the plan period.',
  *check({ plan, analysis }) {
    const periodStart = plan.frontMatter?.periodStart?.value;
    const periodEnd = plan.frontMatter?.periodEnd?.value;
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const field = facts.field('due');
      const due = facts.due;
      if (!field || !due) {
        yield missingField(action, field, 'due', `${action.id} has no due date: add "- Due:" with a date such as 31 March 2026, March 2026 or Q4 2025/26.`);
        continue;
      }
      const value = field.value;
      const phrase = (index: number, length: number) => ({ start: value.range.start + index, end: value.range.start + index + length });
      switch (due.kind) {
        case 'vague':
          yield {
            element: action,
            range: phrase(due.index, due.phrase.length),
            message: `"${due.phrase}" is not a date: give the date by which ${action.id} will be done, or when it will next be reviewed.`,
          };
          break;
        case 'relative':
          yield {
            element: action,
            range: phrase(due.index, due.length),
            message: `"${value.text.slice(due.index, due.index + due.length)}" means a different date to every reader of the plan: write the date itself.`,
          };
          break;
        case 'no-year':
          yield {
            element: action,
            range: phrase(due.index, due.length),
            message: `"${value.text.slice(due.index, due.index + due.length)}" has no year: add it, for example 31 March 2026.`,
          };
          break;
        case 'unreadable':
          yield {
            element: action,
            range: value.range,
            message: `"${field.valueText}" is not a date: write 31 March 2026, 31/03/2026, 2026-03-31, March 2026 or Q3 2025/26.`,
          };
          break;
        case 'date':
          if (periodEnd && due.date > periodEnd) {
            yield {
              element: action,
              range: value.range,
              message: `Due ${formatDate(due.date)} is after the plan period ends (${formatDate(periodEnd)}).`,
            };
          } else if (periodStart && due.date < periodStart) {
            yield {
              element: action,
              range: value.range,
              message: `Due ${formatDate(due.date)} is before the plan period starts (${formatDate(periodStart)}).`,
            };
          }
          break;
      }
    }
  },
};
