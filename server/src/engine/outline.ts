/**
 * The plan as a reader sees it: each recommendation with the actions that address it, their RAG
 * status and lateness, and the counts. Used by the tree view and the status bar (through the
 * server's `improvementPlan/summary` request).
 */
import type { PlanAnalysis } from './analysis.js';
import type { IsoDate } from './dates.js';
import type { Action, Range, Recommendation } from './model.js';
import type { Status } from './status.js';
import { count, summariseAction, type ActionSummary, type Counts } from './summary.js';

export interface OutlineAction {
  id: string;
  /** The heading text after the ID. */
  statement: string;
  /** The heading line, and the ID in it. */
  headingRange: Range;
  idRange: Range;
  status: Status | undefined;
  due: IsoDate | undefined;
  /** Days past Due (0 when not overdue, or complete). */
  daysOverdue: number;
  owner: string | undefined;
  /** Listed under a recommendation only because its Links names it (not in the recommendation's section). */
  viaLinks: boolean;
}

export interface OutlineRecommendation {
  id: string;
  title: string;
  /** Where it is declared: this plan, or the file named by `recommendations:` (ranges into that file). */
  source: 'plan' | 'recommendations-file';
  headingRange: Range;
  idRange: Range;
  actions: OutlineAction[];
  counts: Counts;
}

export interface PlanOutline {
  title: string | undefined;
  /** The date lateness is judged against. */
  asOf: IsoDate;
  /** Every action of the plan once. */
  counts: Counts;
  recommendations: OutlineRecommendation[];
  /** Actions that address no recommendation the plan knows. */
  otherActions: OutlineAction[];
  /** The file named by `recommendations:`, when it was read. */
  recommendationsFile: string | undefined;
}

export function outlinePlan(analysis: PlanAnalysis): PlanOutline {
  const { plan } = analysis;
  const summaries = new Map<Action, ActionSummary>(plan.actions.map((action) => [action, summariseAction(action, analysis)]));
  const item = (action: Action, viaLinks: boolean): OutlineAction => {
    const summary = summaries.get(action)!;
    const owner = analysis.factsOf(action).field('owner')?.valueText;
    return {
      id: action.id,
      statement: action.statement.text.replace(/\s+/g, ' ').trim(),
      headingRange: action.headingRange,
      idRange: action.idSpan.range,
      status: summary.status,
      due: summary.due,
      daysOverdue: summary.daysOverdue,
      owner: owner === '' ? undefined : owner,
      viaLinks,
    };
  };
  const node = (recommendation: Recommendation, source: OutlineRecommendation['source'], actions: { action: Action; viaLinks: boolean }[]): OutlineRecommendation => {
    const ordered = [...actions].sort((a, b) => a.action.headingRange.start - b.action.headingRange.start);
    return {
      id: recommendation.id,
      title: recommendation.title.text.replace(/\s+/g, ' ').trim(),
      source,
      headingRange: recommendation.headingRange,
      idRange: recommendation.idSpan.range,
      actions: ordered.map(({ action, viaLinks }) => item(action, viaLinks)),
      counts: count(ordered.map(({ action }) => summaries.get(action)!)),
    };
  };

  const placed = new Set<Action>();
  const recommendations: OutlineRecommendation[] = [];
  // Each declaration gets the actions in its own section; Links go to the first declaration of the ID.
  const firstDeclaration = new Map<string, Recommendation>();
  for (const recommendation of plan.recommendations) if (!firstDeclaration.has(recommendation.id)) firstDeclaration.set(recommendation.id, recommendation);
  const external = (analysis.external?.recommendations ?? []).filter((r) => !firstDeclaration.has(r.id) && analysis.recommendationsById.get(r.id) === r);

  const linkedTo = (id: string): Action[] =>
    plan.actions.filter((action) => analysis.factsOf(action).links.some((link) => link.id === id) && action.containingRecommendationId !== id);

  for (const recommendation of plan.recommendations) {
    const inSection = plan.actions.filter(
      (action) => action.headingRange.start >= recommendation.sectionRange.start && action.headingRange.start < recommendation.sectionRange.end && action.containingRecommendationId === recommendation.id,
    );
    const linked = firstDeclaration.get(recommendation.id) === recommendation ? linkedTo(recommendation.id) : [];
    [...inSection, ...linked].forEach((a) => placed.add(a));
    recommendations.push(node(recommendation, 'plan', [...inSection.map((action) => ({ action, viaLinks: false })), ...linked.map((action) => ({ action, viaLinks: true }))]));
  }
  for (const recommendation of external) {
    const linked = linkedTo(recommendation.id);
    linked.forEach((a) => placed.add(a));
    recommendations.push(node(recommendation, 'recommendations-file', linked.map((action) => ({ action, viaLinks: true }))));
  }
  return {
    title: plan.frontMatter?.title?.value,
    asOf: analysis.asOf,
    counts: count([...summaries.values()]),
    recommendations,
    otherActions: plan.actions.filter((action) => !placed.has(action)).map((action) => item(action, false)),
    recommendationsFile: analysis.external?.name,
  };
}
