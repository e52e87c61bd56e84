import type { ActionFacts } from '../analysis.js';
import { daysBetween, formatDate, formatMonth, monthOf, type IsoDate } from '../dates.js';
import type { Action, Field } from '../model.js';
import { ownerKey } from '../owners.js';
import { isComplete } from '../status.js';
import type { Finding, Rule } from './types.js';

/** What this rule reads of an action, from its facts alone. */
interface Reading {
  due: IsoDate;
  complete: boolean;
  /** Days from Start to Due, when there is a Start. */
  days: number | undefined;
  owner: Field | undefined;
  /** The owner and the month due, when the action counts towards an owner's load. */
  loadKey: string | undefined;
}

// Facts are kept with an action from one keystroke to the next (analysis.ts), and so is this
// reading: the rule visits every action on every keystroke.
const readings = new WeakMap<ActionFacts, Reading | null>();

function readingOf(facts: ActionFacts): Reading | null {
  let reading = readings.get(facts);
  if (reading !== undefined) return reading;
  const due = facts.due?.kind === 'date' ? facts.due.date : undefined;
  if (!due) {
    reading = null;
  } else {
    const complete = isComplete(facts.status);
    const start = facts.start?.kind === 'date' ? facts.start.date : undefined;
    const owner = facts.field('owner');
    const counts = owner !== undefined && owner.valueText !== '' && !complete;
    reading = { due, complete, days: start ? daysBetween(start, due) : undefined, owner, loadKey: counts ? `${ownerKey(owner.valueText)}\u0000${monthOf(due)}` : undefined };
  }
  readings.set(facts, reading);
  return reading;
}

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
      const reading = readingOf(facts);
      if (!reading) continue;
      const { due, complete, days, owner, loadKey } = reading;
      if (periodStart && due < periodStart) {
        // Work due before the plan begins cannot be delivered by this plan; work finished by then is not its action.
        findings.push({
          element: action,
          range: facts.field('due')!.value.range,
          message: complete
            ? `Due ${formatDate(due)} is before the plan starts (${formatDate(periodStart)}): work finished before the plan is not one of its actions. Record it as background, or give it a date within the plan.`
            : `Due ${formatDate(due)} is before the plan starts (${formatDate(periodStart)}): this plan cannot deliver it by then. Give it a date the plan can meet.`,
        });
      } else if (days !== undefined) {
        if (days < 0) {
          const start = (facts.start as { date: IsoDate }).date;
          findings.push({ element: action, range: facts.field('due')!.value.range, message: `Due ${formatDate(due)} is before Start ${formatDate(start)}.` });
        } else if (days < options.minimumDaysFromStartToDue) {
          findings.push({
            element: action,
            range: facts.field('due')!.value.range,
            message: `Only ${days} day${days === 1 ? '' : 's'} from Start to Due: is that enough time for this work?`,
          });
        }
      }
      if (loadKey !== undefined) {
        const entries = load.get(loadKey);
        if (entries) entries.push({ owner: owner!, action });
        else load.set(loadKey, [{ owner: owner!, action }]);
      }
    }
    for (const entries of load.values()) {
      if (entries.length <= options.maxActionsPerOwnerPerMonth) continue;
      const due = analysis.factsOf(entries[0]!.action).due as { date: string };
      const label = formatMonth(due.date);
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
