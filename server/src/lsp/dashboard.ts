/**
 * The `improvementPlan/dashboard` request: a plan's RAG counts, its coverage matrix (recommendations
 * by the actions addressing them) and a timeline of due dates by owner (server/src/preview/dashboard.ts),
 * with the document version they were computed from. Null for a document the server does not have open.
 * Clients refresh it on `improvementPlan/summaryChanged` too (settings or files on disk changed).
 */
import { dashboardContent } from '../preview/dashboard.js';
import type { DashboardData } from '../preview/types.js';
import { answerFromAnalysis } from './analysedRequest.js';
import type { LspFeature } from './context.js';
import { PLAN_DASHBOARD_REQUEST } from './protocol.js';

export { PLAN_DASHBOARD_REQUEST };

export interface PlanDashboardParams {
  textDocument: { uri: string };
}

export const dashboardFeature: LspFeature = {
  capabilities: () => ({}),
  register(context) {
    context.connection.onRequest(PLAN_DASHBOARD_REQUEST, (params: PlanDashboardParams | undefined) => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') return null;
      return answerFromAnalysis<DashboardData | null>(context, uri, 'Dashboard', null, ({ lines, result }) => ({
        uri,
        version: lines.version,
        ...dashboardContent(result),
      }));
    });
  },
};
