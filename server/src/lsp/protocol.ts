/**
 * The names in the server's own protocol, beyond LSP: command IDs and the summary request.
 * Shared by the server and the VS Code client; it imports nothing, so the client bundles only this.
 */

/** `workspace/executeCommand` IDs (server/src/lsp/commands.ts). */
export const SERVER_COMMANDS = {
  nextAction: 'improvementPlan.server.nextAction',
  renumberActions: 'improvementPlan.server.renumberActions',
  newPlanChoices: 'improvementPlan.server.newPlanChoices',
  readDate: 'improvementPlan.server.readDate',
  newPlanText: 'improvementPlan.server.newPlanText',
  importReport: 'improvementPlan.server.importReport',
  exportPlan: 'improvementPlan.server.exportPlan',
} as const;

/** A plan's recommendations and actions with statuses (server/src/lsp/planSummary.ts). */
export const PLAN_SUMMARY_REQUEST = 'improvementPlan/summary';
/** Sent when every summary may have changed (settings, files on disk). */
export const PLAN_SUMMARY_CHANGED_NOTIFICATION = 'improvementPlan/summaryChanged';

/** A plan rendered as sanitized HTML for the preview webview (server/src/lsp/preview.ts). */
export const PLAN_PREVIEW_REQUEST = 'improvementPlan/preview';
/** RAG counts, coverage matrix and timeline for the dashboard webview (server/src/lsp/dashboard.ts). */
export const PLAN_DASHBOARD_REQUEST = 'improvementPlan/dashboard';
