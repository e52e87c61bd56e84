/** What every rule module exports. */
import type { PlanAnalysis } from '../analysis.js';
import type { Location } from '../location.js';
import type { Plan, PlanElement, Range } from '../model.js';
import type { RuleCode, Severity } from '../severity.js';

export interface RuleContext {
  plan: Plan;
  analysis: PlanAnalysis;
  location: Location;
  options: RuleOptions;
}

export interface RuleOptions {
  /** smart-achievable: more open actions than this for one owner in one month is a warning sign. */
  maxActionsPerOwnerPerMonth: number;
  /** smart-achievable: fewer days than this between Start and Due is a warning sign. */
  minimumDaysFromStartToDue: number;
  /** SMART rules: words and phrases the council uses on purpose (`improvementPlan.smart.allow`, `.planrc` `smart.allow`). */
  smartAllow: readonly string[];
  /** smart-specific: read statements a second time with the wording model (`improvementPlan.smart.wordingModel`, `.planrc` `smart.wordingModel`). */
  smartWordingModel: boolean;
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { maxActionsPerOwnerPerMonth: 5, minimumDaysFromStartToDue: 14, smartAllow: [], smartWordingModel: true };

export interface Finding {
  message: string;
  range: Range;
  /** The recommendation or action the finding is about; its ignore comment applies. */
  element?: PlanElement;
  /** Caps the configured severity for findings that matter less than the rule's others. */
  maxSeverity?: Severity;
  /** What kind of problem this is, for quick fixes (server/src/engine/fixes). */
  fix?: FixHint;
}

/** The kinds of problem a quick fix can act on. Plain JSON, so it can travel on an LSP diagnostic. */
export type FixHint =
  /** The field is missing, or there but empty. */
  | { kind: 'missing-field'; field: 'owner' | 'due' | 'measure' }
  /** The action addresses no recommendation. */
  | { kind: 'unlinked' }
  /** A Links entry is an ID that no recommendation declares. */
  | { kind: 'unknown-id'; id: string }
  /** A Links entry is not a recommendation ID at all. */
  | { kind: 'not-an-id' }
  /** The Status value is not one of the dialect's values, or is empty. */
  | { kind: 'invalid-status' }
  /** The action fits another recommendation clearly better than the ones it addresses: link it to `to`. */
  | { kind: 'better-link'; from: readonly string[]; to: string };

/** What a diagnostic carries for quick fixes: the element it concerns and the kind of problem. Plain JSON. */
export interface DiagnosticData {
  /** The action or recommendation; `heading` is the offset where its heading starts. */
  element?: { kind: 'action' | 'recommendation'; id: string; heading: number };
  fix?: FixHint;
}

export interface Rule {
  code: RuleCode;
  defaultSeverity: Severity;
  /** One line for tables and settings descriptions. */
  summary: string;
  /**
   * `action`: each finding is about one action (its `element`) and depends only on that action's own
   * section and on what lies outside the actions (front matter, recommendations, options), so an
   * unchanged action's findings are reused from the last analysis (lintCache.ts). Such a rule's
   * `check` is given only the actions whose findings must be made.
   */
  scope?: 'action';
  /**
   * An action rule that reads the recommendations' wording (titles and text), not only their IDs:
   * when only the wording changes, just these rules check every action again.
   */
  readsRecommendationTexts?: true;
  check(context: RuleContext): Iterable<Finding>;
}
