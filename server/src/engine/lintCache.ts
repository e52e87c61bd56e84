/**
 * Findings of action rules kept from one analysis of a document to the next, so that a keystroke
 * re-runs those rules only on the action it changed (issue: instant on big plans).
 *
 * An action rule (`scope: 'action'`) finds problems in one action from that action's own text and
 * the plan's surroundings: front matter, recommendations and options. An action is reused when its
 * heading block is the same object (its section's text is unchanged, see parse.ts), it sits under the
 * same recommendation, has the same ignore comment, and the surroundings are unchanged. Findings are
 * stored relative to the action's heading, so they move with it. A change to a recommendation's
 * wording alone re-runs only the rules that read it (`readsRecommendationTexts`) on every action.
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
  /** The generation of the recommendations' wording the findings were made with. */
  texts: number;
  /** The findings, with ranges relative to the action's heading. */
  findings: ActionFinding[];
}

export class LintCache {
  private readonly byHeading = new WeakMap<object, Stored>();
  /** Actions of the analysis under way whose findings must be made, with the findings carried over for them. */
  private pending = new Map<PlanElement, Pending>();
  private surroundings: string | undefined;
  private recommendationTexts: string | undefined;
  private generation = 0;
  private textGeneration = 0;
  /** How many actions the last analysis had to check again with every rule (tests, benchmark). */
  freshActions = 0;
  /** How many actions the last analysis checked again with the rules that read recommendation texts only. */
  recheckedActions = 0;

  /**
   * Starts an analysis: the actions whose findings must be made (fresh), those that only the rules
   * reading recommendation texts must check again (recheck: a recommendation's wording changed), and
   * the findings kept for the others, moved to where those actions are now. `settings` are the
   * options rules read; `readsTexts` tells which rules read the recommendations' wording.
   */
  split(plan: Plan, analysis: PlanAnalysis, settings: unknown, readsTexts: (code: RuleCode) => boolean): { fresh: Action[]; recheck: Action[]; kept: ActionFinding[] } {
    const surroundings = surroundingsOf(plan, analysis, settings);
    if (surroundings !== this.surroundings) {
      this.surroundings = surroundings;
      this.generation++;
    }
    const texts = recommendationTextsOf(analysis);
    if (texts !== this.recommendationTexts) {
      this.recommendationTexts = texts;
      this.textGeneration++;
    }
    this.pending = new Map();
    const fresh: Action[] = [];
    const recheck: Action[] = [];
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
      if (!stored || stored.key !== key) {
        fresh.push(action);
        this.pending.set(action, { key, carried: [] });
        continue;
      }
      const heading = action.headingRange.start;
      const textsChanged = stored.texts !== this.textGeneration;
      const carried: ActionFinding[] = [];
      for (const { code, finding } of stored.findings) {
        if (textsChanged && readsTexts(code)) continue;
        const found = { code, finding: { ...finding, element: action, range: moved(finding.range, heading) } };
        kept.push(found);
        if (textsChanged) carried.push(found);
      }
      if (textsChanged) {
        recheck.push(action);
        this.pending.set(action, { key, carried });
      }
    }
    this.freshActions = fresh.length;
    this.recheckedActions = recheck.length;
    return { fresh, recheck, kept };
  }

  /** Keeps the findings made for the fresh and rechecked actions of the analysis under way. */
  store(findings: ReadonlyMap<PlanElement, ActionFinding[]>): void {
    for (const [action, { key, carried }] of this.pending) {
      const block = headingBlockOf(action);
      if (!block) continue;
      // Ranges relative to the heading, in objects of their own: the parser moves an element's ranges in place.
      const heading = action.headingRange.start;
      const relative = [...carried, ...(findings.get(action) ?? [])].map(({ code, finding }) => ({ code, finding: { ...finding, range: moved(finding.range, -heading) } }));
      this.byHeading.set(block, { key, texts: this.textGeneration, findings: relative });
    }
    this.pending = new Map();
  }
}

interface Pending {
  key: string;
  /** For a rechecked action, the findings kept from rules that do not read recommendation texts. */
  carried: ActionFinding[];
}

const moved = (range: Range, shift: number): Range => ({ start: range.start + shift, end: range.end + shift });

/**
 * Everything outside the actions that an action rule may read, but the recommendations' wording:
 * the front-matter values rules and facts read (not their positions, nor the title, so typing in
 * the front matter re-checks no action), the recommendations' IDs and levels, the recommendations
 * file, the as-of date and the options. A rule that reads another front-matter value must add it here.
 */
function surroundingsOf(plan: Plan, analysis: PlanAnalysis, settings: unknown): string {
  const frontMatter = plan.frontMatter;
  const read = frontMatter && [frontMatter.periodStart?.value, frontMatter.periodEnd?.value, frontMatter.owners?.map((owner) => owner.value)];
  const recommendations = [...analysis.recommendationsById.values()].map((r) => [r.id, r.depth]);
  return JSON.stringify([read, recommendations, analysis.external?.name, analysis.asOf, settings]);
}

/** The recommendations' wording, which only some rules read (smart-relevant). */
function recommendationTextsOf(analysis: PlanAnalysis): string {
  return JSON.stringify([...analysis.recommendationsById.values()].map((r) => [r.id, r.title.text, r.text]));
}
