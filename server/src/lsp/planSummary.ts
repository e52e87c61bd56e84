/**
 * The `improvementPlan/summary` request: a plan's recommendations, the actions addressing each one
 * with their RAG status and lateness, and the counts, as plain data with ranges. The VS Code tree
 * view and status bar show it; any client may ask. `improvementPlan/summaryChanged` tells clients
 * that every summary may have changed (settings, `.planrc` files or plans on disk changed).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as LspRange } from 'vscode-languageserver';
import { formatDate, STATUS_LABELS, type Counts, type Range, type Status } from '../engine/index.js';
import { outlinePlan, type OutlineAction } from '../engine/outline.js';
import type { LspFeature, ServerContext } from './context.js';
import { filePath } from './planAnalyses.js';
import { PLAN_SUMMARY_CHANGED_NOTIFICATION, PLAN_SUMMARY_REQUEST } from './protocol.js';

export { PLAN_SUMMARY_CHANGED_NOTIFICATION, PLAN_SUMMARY_REQUEST };

export interface PlanSummaryParams {
  textDocument: { uri: string };
}

export interface PlanSummaryAction {
  id: string;
  /** The heading text after the ID. */
  statement: string;
  /** The heading line, and the ID in it. */
  range: LspRange;
  selectionRange: LspRange;
  status: Status | null;
  /** `Amber`, `Not started`; null when the Status is missing or not one of the dialect's values. */
  statusLabel: string | null;
  /** The Due date read as ISO (`2026-03-31`), and as people write it (`31 March 2026`). */
  due: string | null;
  dueText: string | null;
  /** Days past Due against the plan's as-of date (or today); 0 when not overdue or complete. */
  daysOverdue: number;
  owner: string | null;
  /** Listed under the recommendation only because its Links names it. */
  viaLinks: boolean;
}

export interface PlanSummaryRecommendation {
  id: string;
  title: string;
  /** The document that declares it: the plan, or the file its `recommendations:` key names. */
  uri: string;
  /** Null when the declaring file could not be read. */
  range: LspRange | null;
  selectionRange: LspRange | null;
  /** Declared in the `recommendations:` file rather than in the plan. */
  external: boolean;
  counts: Counts;
  actions: PlanSummaryAction[];
}

export interface PlanSummary {
  uri: string;
  /** The document version the summary was computed from. */
  version: number;
  title: string | null;
  /** The date lateness is judged against: the front matter's `as-of`, else today. */
  asOf: string;
  /** Every action of the plan, once. */
  counts: Counts;
  recommendations: PlanSummaryRecommendation[];
  /** Actions that address no recommendation the plan knows. */
  otherActions: PlanSummaryAction[];
  /** The file named by `recommendations:`, when it was read. */
  recommendationsFile: string | null;
}

export const planSummaryFeature: LspFeature = {
  capabilities: () => ({}),
  register(context) {
    context.connection.onRequest(PLAN_SUMMARY_REQUEST, (params: PlanSummaryParams) => summarise(context, params));
    context.onDidInvalidateAll(() => void context.connection.sendNotification(PLAN_SUMMARY_CHANGED_NOTIFICATION, {}));
  },
};

async function summarise(context: ServerContext, params: PlanSummaryParams | undefined): Promise<PlanSummary | null> {
  const uri = params?.textDocument?.uri;
  const document = typeof uri === 'string' ? context.documents.get(uri) : undefined;
  if (!document) return null;
  const { analysis } = await context.analyses.analyse(document);
  const outline = outlinePlan(analysis);
  const rangeIn = (doc: TextDocument, range: Range): LspRange => ({ start: doc.positionAt(range.start), end: doc.positionAt(range.end) });
  const action = (item: OutlineAction): PlanSummaryAction => ({
    id: item.id,
    statement: item.statement,
    range: rangeIn(document, item.headingRange),
    selectionRange: rangeIn(document, item.idRange),
    status: item.status ?? null,
    statusLabel: item.status ? STATUS_LABELS[item.status] : null,
    due: item.due ?? null,
    dueText: item.due ? formatDate(item.due) : null,
    daysOverdue: item.daysOverdue,
    owner: item.owner ?? null,
    viaLinks: item.viaLinks,
  });
  const external = outline.recommendations.some((r) => r.source === 'recommendations-file') ? recommendationsDocument(context, document, analysis.plan.frontMatter?.recommendationsFile?.value) : undefined;
  return {
    uri: document.uri,
    version: document.version,
    title: outline.title ?? null,
    asOf: outline.asOf,
    counts: outline.counts,
    recommendations: outline.recommendations.map((recommendation) => {
      const declaredIn = recommendation.source === 'plan' ? document : external;
      return {
        id: recommendation.id,
        title: recommendation.title,
        uri: declaredIn?.uri ?? document.uri,
        range: declaredIn ? rangeIn(declaredIn, recommendation.headingRange) : null,
        selectionRange: declaredIn ? rangeIn(declaredIn, recommendation.idRange) : null,
        external: recommendation.source !== 'plan',
        counts: recommendation.counts,
        actions: recommendation.actions.map(action),
      };
    }),
    otherActions: outline.otherActions.map(action),
    recommendationsFile: outline.recommendationsFile ?? null,
  };
}

/** The file named by the plan's `recommendations:` key, open or as last read from disk. */
function recommendationsDocument(context: ServerContext, plan: TextDocument, relative: string | undefined): TextDocument | undefined {
  const planPath = filePath(plan.uri);
  if (!planPath || !relative) return undefined;
  const absolute = path.resolve(path.dirname(planPath), relative);
  const open = context.documents.all().find((document) => filePath(document.uri) === absolute);
  if (open) return open;
  const uri = pathToFileURL(absolute).href;
  const indexed = context.index.get(uri);
  return indexed ? TextDocument.create(uri, 'improvement-plan', 0, indexed.text) : undefined;
}
