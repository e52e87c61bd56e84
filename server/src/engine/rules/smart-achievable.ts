import { daysBetween, formatDate, monthOf } from '../dates.js';
import type { Action, Field } from '../model.js';
import { ownerKey } from '../owners.js';
import { isComplete } from '../status.js';
import type { Finding, Rule } from './types.js';

export const smartAchievable: Rule = {
  code: 'smart-achievable',
  defaultSeverity: 'information',
  summary: 'The owner has too many actions due in one month, Start to Due is too short, or Due is before the plan starts.',
  check({ plan, analysis, options }) {
    // A plain loop collecting findings: this rule reads every action on every keystroke.
    const findings: Finding[] = [];
    const periodStart = plan.frontMatter?.periodStart?.value;
    const load = new Map<string, { owner: Field; action: Action }[]>();
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const due = facts.due?.kind === 'date' ? facts.due.date : undefined;
      if (!due) continue;
      const complete = isComplete(facts.status);
      const start = facts.start?.kind === 'date' ? facts.start.date : undefined;
      if (periodStart && due < periodStart && !complete) {
        // Work due before the plan begins cannot be delivered by this plan.
        findings.push({
          element: action,
          range: facts.field('due')!.value.range,
          message: `Due ${formatDate(due)} is before the plan starts (${formatDate(periodStart)}): this plan cannot deliver it by then. Give it a date the plan can meet.`,
        });
      } else if (start) {
        const days = daysBetween(start, due);
        if (days < 0) {
          findings.push({ element: action, range: facts.field('due')!.value.range, message: `Due ${formatDate(due)} is before Start ${formatDate(start)}.` });
        } else if (days < options.minimumDaysFromStartToDue) {
          findings.push({
            element: action,
            range: facts.field('due')!.value.range,
            message: `Only ${days} day${days === 1 ? '' : 's'} from Start to Due: is that enough time for this work?`,
          });
        }
      }
      const owner = facts.field('owner');
      if (owner && owner.valueText !== '' && !complete) {
        const key = `${ownerKey(owner.valueText)}\u0000${monthOf(due)}`;
        const entries = load.get(key);
        if (entries) entries.push({ owner, action });
        else load.set(key, [{ owner, action }]);
      }
    }
    for (const entries of load.values()) {
      if (entries.length <= options.maxActionsPerOwnerPerMonth) continue;
      const due = analysis.factsOf(entries[0]!.action).due as { date: string };
      const label = new Date(`${monthOf(due.date)}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      for (const { owner, action } of entries) {
        findings.push({
          element: action,
          range: owner.value.range,
          message: `${owner.valueText} has ${entries.length} open actions due in ${label} (more than ${options.maxActionsPerOwnerPerMonth}): spread the dates or share the lead.`,
        });
      }
    }
    return findings;
  },
};
