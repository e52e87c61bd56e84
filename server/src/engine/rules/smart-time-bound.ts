import { formatDate, readDate } from '../dates.js';
import type { Action, Field } from '../model.js';
import { allowListOf } from '../smart/allow.js';
import { missingField } from './missingField.js';
import type { Finding, Rule } from './types.js';

// A recurring or ongoing action is time-bound only when it says when it ends ("monthly until March 2027").
const RECURRING = /\b(?:ongoing|on-going|continuous(?:ly)?|rolling|daily|weekly|fortnightly|monthly|quarterly|termly|annually|yearly|every)\b/i;
const OPEN_START = /\b(?:from|starting(?: in| from)?|since|commencing|beginning|begins?)\s*$/i;
const OPEN_END = /^\s*(?:onwards?|and (?:then )?(?:ongoing|on-going|continuing|beyond)|then (?:ongoing|on-going|daily|weekly|fortnightly|monthly|quarterly|termly|annually|yearly|every\b))/i;

export const smartTimeBound: Rule = {
  code: 'smart-time-bound',
  defaultSeverity: 'warning',
  summary: 'The action has no Due date, a vague or unreadable one, or one outside the plan period.',
  scope: 'action',
  *check({ plan, analysis, options }) {
    const allow = allowListOf(options.smartAllow);
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
          if (allow.allows(due.phrase)) break;
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
        case 'date': {
          const before = value.text.slice(0, due.index);
          const after = value.text.slice(due.index + due.length);
          if ((RECURRING.test(value.text) && OPEN_START.test(before)) || OPEN_END.test(after)) {
            yield {
              element: action,
              range: value.range,
              message: `"${field.valueText}" starts but never ends: say when ${action.id} will be done or next reviewed, for example "monthly until March 2027".`,
            };
          } else if (periodEnd && due.date > periodEnd) {
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
          yield* milestoneFindings(action, facts.field('milestones'), due.date, analysis.asOf);
          break;
        }
      }
    }
  },
};

/** Milestones out of date order, or after the Due date. */
function* milestoneFindings(action: Action, milestones: Field | undefined, due: string, asOf: string): Iterable<Finding> {
  let previous: { date: string; text: string } | undefined;
  for (const item of milestones?.items ?? []) {
    const label = item.text.split(':')[0]!;
    const reading = readDate(label, asOf);
    if (reading.kind !== 'date') continue;
    const range = { start: item.range.start, end: item.range.start + label.trimEnd().length };
    if (reading.date > due) {
      yield { element: action, range, message: `Milestone "${label.trim()}" is after the Due date (${formatDate(due)}): move it, or change the Due date.` };
    } else if (previous && reading.date < previous.date) {
      yield {
        element: action,
        range,
        message: `Milestone "${label.trim()}" comes before the one above it ("${previous.text}"): list milestones in date order.`,
      };
    }
    previous = { date: reading.date, text: label.trim() };
  }
}
