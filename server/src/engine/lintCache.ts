/**
 * Findings of action rules kept from one analysis of a document to the next, so that a keystroke
 * re-runs those rules only on the action it changed (issue: instant on big plans).
 *
 * An action rule (`scope: 'action'`) finds problems in one action from that action's own text and
 * the plan's surroundings: front matter, recommendations and options. An action is reused when its
 * heading block is the same object (its section's text is unchanged, see parse.ts), it sits under the
 * same recommendation, has the same ignore comment, and the surroundings are unchanged. Findings are
 * stored relative to the action's heading, so they move with it.
 */
import type { PlanAnalysis } from './analysis.js';
import type { Action, Plan, PlanElement, Range } from './model.js';
import { headingBlockOf } from './parse.js';
import type { Finding } from './rules/types.js';
import type { RuleCode } from './severity.js';

export interface ActionFinding {
  code: RuleCode;
  finding: Finding;
}

interface Stored {
  key: string;
  /** The findings, with ranges relative to the action's heading. */
  findings: ActionFinding[];
}

export class LintCache {
  private readonly byHeading = new WeakMap<object, Stored>();
  /** Keys of the actions of the analysis under way that need their findings made. */
  private pending = new Map<PlanElement, string>();
  private surroundings: string | undefined;
  private generation = 0;
  /** How many actions the last analysis had to check again (tests, benchmark). */
  freshActions = 0;

  /**
   * Starts an analysis: the actions whose findings must be made (fresh), and the findings kept for
   * the others, moved to where those actions are now. `settings` are the options rules read.
   */
  split(plan: Plan, analysis: PlanAnalysis, settings: unknown): { fresh: Action[]; kept: ActionFinding[] } {
    const surroundings = surroundingsOf(plan, analysis, settings);
    if (surroundings !== this.surroundings) {
      this.surroundings = surroundings;
      this.generation++;
    }
    this.pending = new Map();
    const fresh: Action[] = [];
    const kept: ActionFinding[] = [];
    // The recommendation heading above each action (unlinked-action names it); both lists are in text order.
    let next = 0;
    let above = '';
    for (const action of plan.actions) {
      while (next < plan.recommendations.length && plan.recommendations[next]!.headingRange.start < action.headingRange.start) {
        const recommendation = plan.recommendations[next++]!;
        above = `${recommendation.id} ${recommendation.depth}`;
      }
      const ignored = action.ignoredCodes.size === 0 ? '' : [...action.ignoredCodes].join(' ');
      const key = `${this.generation}\u0000${action.containingRecommendationId ?? ''}\u0000${above}\u0000${ignored}`;
      const block = headingBlockOf(action);
      const stored = block && this.byHeading.get(block);
      if (stored && stored.key === key) {
        const heading = action.headingRange.start;
        for (const { code, finding } of stored.findings) kept.push({ code, finding: { ...finding, element: action, range: moved(finding.range, heading) } });
      } else {
        fresh.push(action);
        this.pending.set(action, key);
      }
    }
    this.freshActions = fresh.length;
    return { fresh, kept };
  }

  /** Keeps the findings made for the fresh actions of the analysis under way. */
  store(findings: ReadonlyMap<PlanElement, ActionFinding[]>): void {
    for (const [action, key] of this.pending) {
      const block = headingBlockOf(action);
      if (!block) continue;
      // Ranges relative to the heading, in objects of their own: the parser moves an element's ranges in place.
      const heading = action.headingRange.start;
      const relative = (findings.get(action) ?? []).map(({ code, finding }) => ({ code, finding: { ...finding, range: moved(finding.range, -heading) } }));
      this.byHeading.set(block, { key, findings: relative });
    }
    this.pending = new Map();
  }
}

const moved = (range: Range, shift: number): Range => ({ start: range.start + shift, end: range.end + shift });

/** Everything outside the actions that an action rule may read. */
function surroundingsOf(plan: Plan, analysis: PlanAnalysis, settings: unknown): string {
  const recommendations = [...analysis.recommendationsById.values()].map((r) => [r.id, r.depth, r.title.text, r.text]);
  return JSON.stringify([plan.frontMatter, recommendations, analysis.external?.name, analysis.asOf, settings]);
}
