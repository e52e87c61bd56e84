/**
 * Counts for people reading the plan: actions by RAG status, overdue actions, per recommendation
 * and for the whole plan. Used by code lenses, the tree view and the status bar.
 */
import type { PlanAnalysis } from './analysis.js';
import { daysBetween, type IsoDate } from './dates.js';
import type { Action, Plan } from './model.js';
import { isComplete, type Status } from './status.js';

export interface ActionSummary {
  action: Action;
  status: Status | undefined;
  due: IsoDate | undefined;
  /** Days past Due against as-of (or today); 0 when not overdue or complete. */
  daysOverdue: number;
}

export interface Counts {
  actions: number;
  overdue: number;
  /** Actions by status; actions with no or an invalid status count under 'none'. */
  byStatus: Record<Status | 'none', number>;
}

export function summariseAction(action: Action, analysis: PlanAnalysis): ActionSummary {
  const facts = analysis.factsOf(action);
  const due = facts.due?.kind === 'date' ? facts.due.date : undefined;
  const late = due && !isComplete(facts.status) ? daysBetween(due, analysis.asOf) : 0;
  return { action, status: facts.status, due, daysOverdue: Math.max(0, late) };
}

export function count(summaries: readonly ActionSummary[]): Counts {
  const byStatus: Counts['byStatus'] = { 'not started': 0, red: 0, amber: 0, green: 0, blue: 0, none: 0 };
  for (const summary of summaries) byStatus[summary.status ?? 'none']++;
  return { actions: summaries.length, overdue: summaries.filter((s) => s.daysOverdue > 0).length, byStatus };
}

/** Summaries of every action, and of the actions addressing each recommendation (by ID). */
export function summarisePlan(plan: Plan, analysis: PlanAnalysis): { actions: ActionSummary[]; byRecommendation: Map<string, ActionSummary[]> } {
  const actions = plan.actions.map((action) => summariseAction(action, analysis));
  const byRecommendation = new Map<string, ActionSummary[]>();
  for (const summary of actions) {
    for (const id of analysis.factsOf(summary.action).addressedIds) {
      const list = byRecommendation.get(id) ?? [];
      list.push(summary);
      byRecommendation.set(id, list);
    }
  }
  return { actions, byRecommendation };
}
