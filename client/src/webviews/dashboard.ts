/**
 * Improvement Plan: Open Dashboard. The plan's RAG counts, coverage matrix and timeline of due dates
 * by owner (`improvementPlan/dashboard`) in a webview beside the editor, drawn with Chart.js bundled
 * into the webview script. It follows typing like the preview.
 */
import * as vscode from 'vscode';
import { PLAN_DASHBOARD_REQUEST } from '../../../server/src/lsp/protocol.js';
import type { DashboardData } from '../../../server/src/preview/types.js';
import type { DashboardMessage } from '../../webview/messages.js';
import type { PlanServer } from '../planServer.js';
import { PlanWebviews, type PlanWebviewKind } from './planWebview.js';

export const DASHBOARD_VIEW_TYPE = 'improvementPlan.dashboard';

const DASHBOARD: PlanWebviewKind<DashboardMessage> = {
  viewType: DASHBOARD_VIEW_TYPE,
  title: (fileName) => `Dashboard ${fileName}`,
  styles: ['webview.css', 'dashboard.css'],
  script: 'dashboard.js',
  body: '<main id="dashboard" class="plan-dashboard" aria-live="polite"><p class="plan-loading">Reading the plan…</p></main>',
  async content(server, document) {
    const data = await server.client.sendRequest<DashboardData | null>(PLAN_DASHBOARD_REQUEST, { textDocument: server.textDocument(document) });
    if (!data) return { error: `${document.uri.path.split('/').pop()} is not open as an improvement plan (*.plan.md), so there is no dashboard for it.` };
    return { type: 'data', data };
  },
};

export function createDashboards(server: PlanServer, extensionUri: vscode.Uri): PlanWebviews<DashboardMessage> {
  return new PlanWebviews(DASHBOARD, server, extensionUri);
}
