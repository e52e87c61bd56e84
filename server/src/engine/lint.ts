/** Runs every rule over a plan and applies severities and ignore comments. */
import { PlanAnalysis, type AnalysisOptions } from './analysis.js';
import { locate } from './location.js';
import type { Plan, PlanElement, Range } from './model.js';
import { parsePlan } from './parse.js';
import { runSteps, type Steps } from './steps.js';
import { RULES } from './rules/index.js';
import type { LintCache, ActionFinding } from './lintCache.js';
import { DEFAULT_RULE_OPTIONS, type DiagnosticData, type Finding, type Rule, type RuleOptions } from './rules/types.js';

const RULES_BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));
import { milder, resolveSeverity, type RuleCode, type RuleSettings, type Severity } from './severity.js';

export interface LintOptions extends AnalysisOptions, Partial<RuleOptions> {
  /** Severities from the editor's settings. */
  editorSettings?: RuleSettings;
  /** Severities from a `.planrc.json` or `.planrc.yaml` file. */
  fileSettings?: RuleSettings;
  /** The document's findings from earlier analyses: pass the same cache for each version of a document. */
  cache?: LintCache;
}

export interface PlanDiagnostic {
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  /** What quick fixes need: the element concerned and the kind of problem (absent for front matter). Plain JSON. */
  data?: DiagnosticData;
}

export interface LintResult {
  plan: Plan;
  /** The facts the rules used: recommendations by ID, each action's fields, dates and links. */
  analysis: PlanAnalysis;
  diagnostics: PlanDiagnostic[];
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lintPlan(parsePlan(text), options);
}

export function lintPlan(plan: Plan, options: LintOptions = {}): LintResult {
  return runSteps(lintPlanSteps(plan, options));
}

/** How many actions an action rule checks in one step. */
const ACTIONS_PER_STEP = 250;

/** lintPlan in steps: one step per rule, and per few hundred actions for action rules. */
export function* lintPlanSteps(plan: Plan, options: LintOptions = {}): Steps<LintResult> {
  const analysis = new PlanAnalysis(plan, options);
  const context = {
    plan,
    analysis,
    location: locate(plan.text),
    options: {
      maxActionsPerOwnerPerMonth: options.maxActionsPerOwnerPerMonth ?? DEFAULT_RULE_OPTIONS.maxActionsPerOwnerPerMonth,
      minimumDaysFromStartToDue: options.minimumDaysFromStartToDue ?? DEFAULT_RULE_OPTIONS.minimumDaysFromStartToDue,
      smartAllow: options.smartAllow ?? DEFAULT_RULE_OPTIONS.smartAllow,
      smartWordingModel: options.smartWordingModel ?? DEFAULT_RULE_OPTIONS.smartWordingModel,
    },
  };
  const frontMatterRules = plan.frontMatter?.rules ?? {};
  const severityOf = (rule: Rule): Severity | undefined =>
    resolveSeverity(rule.defaultSeverity, options.editorSettings?.[rule.code], options.fileSettings?.[rule.code], frontMatterRules[rule.code]?.value);
  const diagnostics: PlanDiagnostic[] = [];
  const report = (code: RuleCode, severity: Severity, finding: Finding): void => {
    const ignored = finding.element?.ignoredCodes;
    if (ignored && (ignored.has('*') || ignored.has(code))) return;
    const diagnostic: PlanDiagnostic = {
      code,
      severity: finding.maxSeverity ? milder(severity, finding.maxSeverity) : severity,
      message: finding.message,
      // A copy: a finding's range may be the element's own, which the next parse can move (parse.ts).
      range: { start: finding.range.start, end: finding.range.end },
    };
    const { element, fix } = finding;
    if (element || fix) {
      diagnostic.data = {
        ...(element ? { element: { kind: element.kind, id: element.id, heading: element.headingRange.start } } : {}),
        ...(fix ? { fix } : {}),
      };
    }
    diagnostics.push(diagnostic);
  };

  // Action rules run only on the actions whose findings the cache does not have; rules that read the
  // recommendations' wording also on the actions the cache holds findings for made with other wording.
  const { fresh, recheck, kept } = options.cache
    ? options.cache.split(plan, analysis, [context.options, options.editorSettings, options.fileSettings], (code) => RULES_BY_CODE.get(code)!.readsRecommendationTexts === true)
    : { fresh: plan.actions, recheck: [], kept: [] };
  const freshFindings = new Map<PlanElement, ActionFinding[]>([...fresh, ...recheck].map((action) => [action, []]));
  const freshAndRecheck = recheck.length === 0 ? fresh : [...fresh, ...recheck];
  for (const rule of RULES) {
    const severity = severityOf(rule);
    const actionRule = rule.scope === 'action';
    if (severity === undefined && !actionRule) continue;
    const found = (finding: Finding): void => {
      if (actionRule) freshFindings.get(finding.element!)?.push({ code: rule.code, finding });
      if (severity !== undefined) report(rule.code, severity, finding);
    };
    if (!actionRule) {
      for (const finding of rule.check(context)) found(finding);
      yield;
      continue;
    }
    const targets = rule.readsRecommendationTexts ? freshAndRecheck : fresh;
    for (let first = 0; first < targets.length; first += ACTIONS_PER_STEP) {
      const actions = targets.slice(first, first + ACTIONS_PER_STEP);
      for (const finding of rule.check({ ...context, plan: { ...plan, actions } })) found(finding);
      yield;
    }
  }
  options.cache?.store(freshFindings);
  for (const { code, finding } of kept) {
    const severity = severityOf(RULES_BY_CODE.get(code)!);
    if (severity !== undefined) report(code, severity, finding);
  }
  // A range must not split a character written as a surrogate pair (YAML positions can).
  for (const diagnostic of diagnostics) diagnostic.range = wholeCharacters(plan.text, diagnostic.range);
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  return { plan, analysis, diagnostics };
}

const isLowSurrogate = (text: string, at: number): boolean => at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]!) && /[\uD800-\uDBFF]/.test(text[at - 1]!);

/** The range widened, where need be, to whole characters. */
function wholeCharacters(text: string, range: Range): Range {
  const start = isLowSurrogate(text, range.start) ? range.start - 1 : range.start;
  const end = isLowSurrogate(text, range.end) ? range.end + 1 : range.end;
  return start === range.start && end === range.end ? range : { start, end };
}
