import { deadlineMessage, deadlineStanding, priorityActionClock } from '../priorityActionClock.js';
import type { Rule } from './types.js';

/**
 * Information, not a fault: where the draft and final plan deadlines fall after areas for
 * priority action, and whether the plan's own dates met them. On the first P heading, once.
 * A deadline the plan's dates met is not reported (the hover on a P heading still shows it).
 */
export const priorityActionDeadlines: Rule = {
  code: 'priority-action-deadlines',
  defaultSeverity: 'information',
  summary: 'Areas for priority action: the draft plan is due within 20 working days of publication and the final plan within 70.',
  *check({ plan, analysis }) {
    const clock = priorityActionClock(plan);
    if (!clock) return;
    const first = clock.priorityActions[0]!;
    for (const deadline of clock.deadlines) {
      if (deadlineStanding(deadline, analysis.asOf).kind === 'met') continue;
      yield { element: first, range: first.idSpan.range, message: deadlineMessage(deadline, clock.published, plan, analysis.asOf) };
    }
  },
};
