/**
 * The clock that areas for priority action start: after an ILACS inspection or visit that names
 * them, the council's draft plan is due within 20 working days of the report's publication and
 * the final plan within 70. The rule priority-action-deadlines and the hover on a P heading both
 * read it from here.
 */
import { formatDateWithWeekday } from './calendar.js';
import { formatDate, type IsoDate } from './dates.js';
import type { Located, Plan, Recommendation } from './model.js';
import { addWorkingDays, workingDaysBetween } from './workingDays.js';

export const DRAFT_PLAN_WORKING_DAYS = 20;
export const FINAL_PLAN_WORKING_DAYS = 70;

/** ILACS began in January 2018; priority actions in earlier (SIF) reports ran on other clocks. */
const ILACS_FROM: IsoDate = '2018-01-01';
/** Frameworks whose reports do not start this clock. */
const OTHER_CLOCKS = new Set(['SIF', 'JTAI']);

export interface PlanDeadline {
  stage: 'draft' | 'final';
  /** Working days after publication. */
  workingDays: number;
  /** Undefined when the deadline falls beyond the bank holiday table. */
  due: IsoDate | undefined;
  /** The plan's own date for this stage: `plan.draft` or `plan.final`. */
  recorded: Located<IsoDate> | undefined;
}

export interface PriorityActionClock {
  published: IsoDate;
  /** This plan's areas for priority action (P headings), in document order. */
  priorityActions: readonly Recommendation[];
  deadlines: readonly [PlanDeadline, PlanDeadline];
}

export const isPriorityAction = (recommendation: Recommendation): boolean => recommendation.id.startsWith('P');

/**
 * The clock, when the plan has areas for priority action and a publication date from which ILACS
 * deadlines run; otherwise undefined.
 */
export function priorityActionClock(plan: Plan): PriorityActionClock | undefined {
  const front = plan.frontMatter;
  const published = front?.published?.value;
  const priorityActions = plan.recommendations.filter(isPriorityAction);
  if (!published || priorityActions.length === 0 || published < ILACS_FROM) return undefined;
  if (front?.framework && OTHER_CLOCKS.has(front.framework.value)) return undefined;
  const deadline = (stage: PlanDeadline['stage'], workingDays: number, recorded: Located<IsoDate> | undefined): PlanDeadline => ({
    stage,
    workingDays,
    due: addWorkingDays(published, workingDays),
    recorded,
  });
  return {
    published,
    priorityActions,
    deadlines: [deadline('draft', DRAFT_PLAN_WORKING_DAYS, front?.planDraft), deadline('final', FINAL_PLAN_WORKING_DAYS, front?.planFinal)],
  };
}

const workingDaysText = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;

/** How a deadline stands: met or missed by the plan's date, or still to come or gone by at `asOf`. */
export interface DeadlineStanding {
  /** `open`: not recorded and not yet passed; `passed`: not recorded and gone by; `unknown`: beyond the table. */
  kind: 'met' | 'missed' | 'open' | 'passed' | 'unknown';
  /** A short phrase: `met, 6 working days early: ...`, `12 working days left`, `passed 3 working days ago`. */
  text: string;
}

export function deadlineStanding(deadline: PlanDeadline, asOf: IsoDate): DeadlineStanding {
  const { due, recorded } = deadline;
  if (!due) return { kind: 'unknown', text: 'not known' };
  if (recorded) {
    const late = workingDaysBetween(due, recorded.value);
    const by = late === undefined ? '' : late === 0 ? ', on the day' : `, ${workingDaysText(Math.abs(late))} ${late < 0 ? 'early' : 'late'}`;
    const dated = `the ${deadline.stage} plan is dated ${formatDateWithWeekday(recorded.value)} (plan.${deadline.stage})`;
    return recorded.value <= due ? { kind: 'met', text: `met${by}: ${dated}` } : { kind: 'missed', text: `missed${by}: ${dated}` };
  }
  const left = workingDaysBetween(asOf, due);
  if (asOf <= due) return { kind: 'open', text: left === undefined ? 'still to come' : left === 0 ? 'due today' : `${workingDaysText(left)} left` };
  return { kind: 'passed', text: left === undefined ? 'passed' : `passed ${workingDaysText(-left)} ago` };
}

/** Where the deadline falls: `due by Tuesday 28 July 2026 (20 working days after publication on 30 June 2026)`. */
export function describeDeadline(deadline: PlanDeadline, published: IsoDate): string {
  const after = `${workingDaysText(deadline.workingDays)} after publication on ${formatDate(published)}`;
  return deadline.due
    ? `due by ${formatDateWithWeekday(deadline.due)} (${after})`
    : `due ${after}, a date that cannot be worked out: bank holidays are known only from 2018 to 2030`;
}

/** The rule's message for one deadline. */
export function deadlineMessage(deadline: PlanDeadline, published: IsoDate, plan: Plan, asOf: IsoDate): string {
  const standing = deadlineStanding(deadline, asOf);
  const counted = `${plan.frontMatter?.asOf ? "the plan's as-of date" : 'today'} (${formatDate(asOf)})`;
  const base = `Priority action: the ${deadline.stage} plan ${standing.kind === 'open' ? 'is' : 'was'} ${describeDeadline(deadline, published)}`;
  switch (standing.kind) {
    case 'met':
    case 'missed':
      return `${base}; ${standing.text}.`;
    case 'open':
      return `${base}; ${standing.text}, counted from ${counted}. When it is ready, record its date as plan.${deadline.stage} in the front matter.`;
    case 'passed':
      return `${base}; it ${standing.text}, counted from ${counted}. Record the date the ${deadline.stage} plan was ready as plan.${deadline.stage} in the front matter.`;
    case 'unknown':
      return `${base}.`;
  }
}

/** Markdown for the hover on a P heading: both deadlines and how they stand. */
export function clockHover(clock: PriorityActionClock, plan: Plan, asOf: IsoDate): string {
  const lines = clock.deadlines.map((deadline) => {
    const standing = deadlineStanding(deadline, asOf);
    const when = deadline.due ? `due by ${formatDateWithWeekday(deadline.due)}` : 'due date not known (bank holidays are known only from 2018 to 2030)';
    return `- ${deadline.stage === 'draft' ? 'Draft' : 'Final'} plan, ${workingDaysText(deadline.workingDays)}: ${when} — ${standing.text}`;
  });
  const counted = plan.frontMatter?.asOf ? "the plan's as-of date" : 'today';
  return [
    `**Priority action clock** from publication on ${formatDateWithWeekday(clock.published)}`,
    lines.join('\n'),
    `Working days leave out weekends and bank holidays in England and Wales. Counted from ${counted}, ${formatDateWithWeekday(asOf)}.`,
  ].join('\n\n');
}
