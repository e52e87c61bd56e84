/** Runs every rule over a plan and applies severities and ignore comments. */
import { PlanAnalysis, type AnalysisOptions } from './analysis.js';
import { locate } from './location.js';
import type { Plan, Range } from './model.js';
import { parsePlan } from './parse.js';
import { RULES } from './rules/index.js';
import { DEFAULT_RULE_OPTIONS, type DiagnosticData, type RuleOptions } from './rules/types.js';
import { milder, resolveSeverity, type RuleCode, type RuleSettings, type Severity } from './severity.js';

export interface LintOptions extends AnalysisOptions, Partial<RuleOptions> {
  /** Severities from the editor's settings. */
  editorSettings?: RuleSettings;
  /** Severities from a `.planrc.json` or `.planrc.yaml` file. */
  fileSettings?: RuleSettings;
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
  const analysis = new PlanAnalysis(plan, options);
  const context = {
    plan,
    analysis,
    location: locate(plan.text),
    options: {
      maxActionsPerOwnerPerMonth: options.maxActionsPerOwnerPerMonth ?? DEFAULT_RULE_OPTIONS.maxActionsPerOwnerPerMonth,
      minimumDaysFromStartToDue: options.minimumDaysFromStartToDue ?? DEFAULT_RULE_OPTIONS.minimumDaysFromStartToDue,
    },
  };
  const frontMatterRules = plan.frontMatter?.rules ?? {};
  const diagnostics: PlanDiagnostic[] = [];
  for (const rule of RULES) {
    const severity = resolveSeverity(
      rule.defaultSeverity,
      options.editorSettings?.[rule.code],
      options.fileSettings?.[rule.code],
      frontMatterRules[rule.code]?.value,
    );
    if (severity === undefined) continue;
    for (const finding of rule.check(context)) {
      const ignored = finding.element?.ignoredCodes;
      if (ignored && (ignored.has('*') || ignored.has(rule.code))) continue;
      const diagnostic: PlanDiagnostic = {
        code: rule.code,
        severity: finding.maxSeverity ? milder(severity, finding.maxSeverity) : severity,
        message: finding.message,
        range: finding.range,
      };
      const { element, fix } = finding;
      if (element || fix) {
        diagnostic.data = {
          ...(element ? { element: { kind: element.kind, id: element.id, heading: element.headingRange.start } } : {}),
          ...(fix ? { fix } : {}),
        };
      }
      diagnostics.push(diagnostic);
    }
  }
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  return { plan, analysis, diagnostics };
}
