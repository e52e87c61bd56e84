/**
 * One-line summaries shown above headings: on each recommendation, its actions' progress; on the
 * plan's title, the whole plan's actions by RAG status; on each action, its SMART score.
 */
import type { PlanAnalysis } from './analysis.js';
import { lineAt } from './cursor.js';
import type { Plan, Range } from './model.js';
import type { RuleCode } from './severity.js';
import { scorecard, scorecardTitle, type ScorecardDiagnostic } from './smart/scorecard.js';
import type { Status } from './status.js';
import { count, summarisePlan, type Counts } from './summary.js';

export interface PlanLens {
  range: Range;
  title: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// Statuses in the order work moves through them; actions with no (valid) status come last.
const ORDER: readonly (Status | 'none')[] = ['not started', 'red', 'amber', 'green', 'blue', 'none'];

function statusCounts(counts: Counts): string[] {
  return ORDER.filter((status) => counts.byStatus[status] > 0).map((status) =>
    status === 'none' ? `${counts.byStatus.none} with no status` : `${counts.byStatus[status]} ${status}`,
  );
}

/** `3 actions · 1 overdue · 2 green · 1 amber`, or `No actions yet`. */
export function recommendationLensTitle(counts: Counts): string {
  if (counts.actions === 0) return 'No actions yet';
  const overdue = counts.overdue > 0 ? [`${counts.overdue} overdue`] : [];
  return [plural(counts.actions, 'action'), ...overdue, ...statusCounts(counts)].join(' · ');
}

/** `12 actions: 2 red · 5 amber · 4 green · 1 blue · 3 overdue`, or `No actions yet`. */
export function planLensTitle(counts: Counts): string {
  if (counts.actions === 0) return 'No actions yet';
  const overdue = counts.overdue > 0 ? [`${counts.overdue} overdue`] : [];
  return `${plural(counts.actions, 'action')}: ${[...statusCounts(counts), ...overdue].join(' · ')}`;
}

export function planLenses(plan: Plan, analysis: PlanAnalysis): PlanLens[] {
  const { actions, byRecommendation } = summarisePlan(plan, analysis);
  const lenses: PlanLens[] = [];
  const title = planTitleRange(plan);
  if (title) lenses.push({ range: title, title: planLensTitle(count(actions)) });
  for (const recommendation of plan.recommendations) {
    lenses.push({ range: recommendation.headingRange, title: recommendationLensTitle(count(byRecommendation.get(recommendation.id) ?? [])) });
  }
  return lenses;
}

/**
 * `SMART 3/5 · fails M, T` above each action heading, from the analysis's diagnostics. Letters
 * silenced by a plan-ignore comment or turned off by settings (`isRuleOff`) are not counted.
 */
export function smartScoreLenses(plan: Plan, diagnostics: readonly ScorecardDiagnostic[], isRuleOff?: (code: RuleCode) => boolean): PlanLens[] {
  return plan.actions.map((action) => ({ range: action.headingRange, title: scorecardTitle(scorecard(action, diagnostics, isRuleOff)) }));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LEVEL_ONE = /^ {0,3}#(?=[ \t]|$)/;

/**
 * Where the plan's summary goes: its title heading (the first `#` heading before any
 * recommendation or action), else the top of the document when the plan has a front-matter
 * title or declares anything. Setext (`===`) titles are not looked for.
 */
export function planTitleRange(plan: Plan): Range | undefined {
  const { text } = plan;
  const firstElement = Math.min(text.length, ...[...plan.recommendations, ...plan.actions].map((element) => element.headingRange.start));
  // A byte order mark is not part of the first line's content.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let offset = plan.frontMatter?.range.end ?? bom;
  let fence: string | undefined;
  while (offset < firstElement) {
    const found = lineAt(text, offset);
    const line = { start: Math.max(found.start, bom), end: found.end };
    const content = text.slice(line.start, line.end);
    const marker = FENCE.exec(content)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else if (LEVEL_ONE.test(content)) {
      const start = line.start + content.indexOf('#');
      return { start, end: line.start + content.trimEnd().length };
    }
    const newline = text.indexOf('\n', line.end);
    if (newline < 0) break;
    offset = newline + 1;
  }
  const declares = plan.recommendations.length > 0 || plan.actions.length > 0;
  if (!plan.frontMatter?.title && !declares) return undefined;
  const top = lineAt(text, plan.frontMatter?.range.start ?? 0);
  return { start: top.start, end: top.end };
}
