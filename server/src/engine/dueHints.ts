/**
 * Hints after each Due value: `in 23 days`, `today` or `overdue by 5 days`, against the plan's
 * as-of date (or today). Finished actions get none: their Status already says so, and days left
 * mean nothing once the work is done. Dates that cannot be read get none: a diagnostic says why.
 */
import type { PlanAnalysis } from './analysis.js';
import { describeDue, formatDateWithWeekday } from './calendar.js';
import type { Plan } from './model.js';
import { isComplete } from './status.js';

export interface DueHint {
  /** Just after the Due value. */
  offset: number;
  label: string;
  /** Plain text. */
  tooltip: string;
}

export function dueHints(plan: Plan, analysis: PlanAnalysis): DueHint[] {
  const counted = plan.frontMatter?.asOf ? "the plan's as-of date" : 'today';
  const hints: DueHint[] = [];
  for (const action of plan.actions) {
    const facts = analysis.factsOf(action);
    const field = facts.field('due');
    if (!field || facts.due?.kind !== 'date' || isComplete(facts.status)) continue;
    hints.push({
      offset: field.value.range.end,
      label: describeDue(facts.due.date, analysis.asOf),
      tooltip: `${action.id} is due on ${formatDateWithWeekday(facts.due.date)}, counted from ${counted}, ${formatDateWithWeekday(analysis.asOf)}.`,
    });
  }
  return hints;
}
