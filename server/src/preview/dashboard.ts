/**
 * The dashboard's data: RAG counts, the coverage matrix (recommendations by the actions addressing
 * them) and a timeline of due dates by owner. Read from the engine's outline and summaries of one
 * analysis; nothing here judges the plan again.
 */
import { formatDate, type LintResult } from '../engine/index.js';
import { locate } from '../engine/location.js';
import type { Action } from '../engine/model.js';
import { outlinePlan } from '../engine/outline.js';
import { ownerKey } from '../engine/owners.js';
import { STATUS_LABELS } from '../engine/status.js';
import { summariseAction } from '../engine/summary.js';
import type { DashboardAction, DashboardContent, TimelineLane } from './types.js';

export const NO_OWNER = 'No owner';

export function dashboardContent({ plan, analysis }: LintResult): DashboardContent {
  const place = locate(plan.text);
  const lineOf = (offset: number): number => place.pointOf(offset).line - 1;
  const outline = outlinePlan(analysis);

  const indexOf = new Map<Action, number>(plan.actions.map((action, index) => [action, index]));
  const actions: DashboardAction[] = plan.actions.map((action) => {
    const summary = summariseAction(action, analysis);
    const owner = analysis.factsOf(action).field('owner')?.valueText;
    return {
      id: action.id,
      statement: action.statement.text.replace(/\s+/g, ' ').trim(),
      line: lineOf(action.headingRange.start),
      status: summary.status ?? null,
      statusLabel: summary.status ? STATUS_LABELS[summary.status] : null,
      owner: owner ? owner : null,
      due: summary.due ?? null,
      dueText: summary.due ? formatDate(summary.due) : null,
      daysOverdue: summary.daysOverdue,
    };
  });
  // The outline names actions by heading position: map them back to their index (IDs may repeat).
  const byHeading = new Map<number, number>(plan.actions.map((action) => [action.headingRange.start, indexOf.get(action)!]));

  const coverage = outline.recommendations.map((recommendation) => ({
    id: recommendation.id,
    title: recommendation.title,
    line: recommendation.source === 'plan' ? lineOf(recommendation.headingRange.start) : null,
    counts: recommendation.counts,
    cells: recommendation.actions.map((item) => ({ action: byHeading.get(item.headingRange.start)!, viaLinks: item.viaLinks })),
  }));

  const lanes = new Map<string, TimelineLane>();
  let undated = 0;
  actions.forEach((action, index) => {
    if (!action.due) {
      undated++;
      return;
    }
    const owner = action.owner ?? NO_OWNER;
    const key = action.owner ? ownerKey(action.owner) : '';
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { owner, items: [] }));
    lane.items.push({ action: index, due: action.due, overdue: action.daysOverdue > 0 });
  });
  const timeline = [...lanes.values()];
  for (const lane of timeline) lane.items.sort((a, b) => a.due.localeCompare(b.due) || a.action - b.action);
  // Owners by their first due date, so the chart reads top to bottom in time; no owner last.
  timeline.sort((a, b) => Number(a.owner === NO_OWNER) - Number(b.owner === NO_OWNER) || a.items[0]!.due.localeCompare(b.items[0]!.due) || a.owner.localeCompare(b.owner));

  return {
    title: outline.title ?? null,
    asOf: outline.asOf,
    asOfText: formatDate(outline.asOf),
    counts: outline.counts,
    actions,
    coverage,
    timeline,
    undated,
  };
}
