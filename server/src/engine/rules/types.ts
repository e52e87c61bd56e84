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
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { maxActionsPerOwnerPerMonth: 5, minimumDaysFromStartToDue: 14 };

export interface Finding {
  message: string;
  range: Range;
  /** The recommendation or action the finding is about; its ignore comment applies. */
  element?: PlanElement;
  /** Caps the configured severity for findings that matter less than the rule's others. */
  maxSeverity?: Severity;
}

export interface Rule {
  code: RuleCode;
  defaultSeverity: Severity;
  /** One line for tables and settings descriptions. */
  summary: string;
  check(context: RuleContext): Iterable<Finding>;
}
