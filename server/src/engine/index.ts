/**
 * The engine's public surface. It imports nothing from VS Code or the LSP packages:
 * the server, the CLI and the tests all use it the same way.
 */
export type { ActionFacts, AnalysisOptions, LinkReference, RecommendationsFile } from './analysis.js';
export { PlanAnalysis } from './analysis.js';
export { formatDate, readDate, todayIso, type DateReading, type IsoDate } from './dates.js';
export { fieldNameOf, fieldSynonyms } from './fields.js';
export { lintPlan, lintPlanSteps, lintText, type LintOptions, type LintResult, type PlanDiagnostic } from './lint.js';
export { locate, type Location } from './location.js';
export type * from './model.js';
export * from './navigation.js';
export { parsePlan, parsePlanSteps, parsePlanWhole, SectionCache } from './parse.js';
export { runSteps, type Steps } from './steps.js';
export { RULES } from './rules/index.js';
export type { Rule } from './rules/types.js';
export * from './severity.js';
export { count, summariseAction, summarisePlan, type ActionSummary, type Counts } from './summary.js';
export { isComplete, readStatus, STATUS_LABELS, type Status } from './status.js';
export { LintCache } from './lintCache.js';
export { warmUpSteps } from './warmUp.js';
