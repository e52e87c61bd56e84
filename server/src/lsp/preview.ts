/**
 * The `improvementPlan/preview` request: a plan rendered as sanitized HTML, with each action's RAG
 * status, owner, due date and diagnostics (server/src/preview/render.ts), and the document version
 * it was rendered from. Null for a document the server does not have open.
 */
import { renderPreview, SectionTrees } from '../preview/render.js';
import type { PlanPreview } from '../preview/types.js';
import { answerFromAnalysis } from './analysedRequest.js';
import type { LspFeature } from './context.js';
import { PLAN_PREVIEW_REQUEST } from './protocol.js';

export { PLAN_PREVIEW_REQUEST };

export interface PlanPreviewParams {
  textDocument: { uri: string };
}

export const previewFeature: LspFeature = {
  capabilities: () => ({}),
  register(context) {
    // Each open document keeps its section trees, so that re-rendering after an edit re-parses one section.
    const trees = new Map<string, SectionTrees>();
    context.documents.onDidClose(({ document }) => trees.delete(document.uri));
    context.connection.onRequest(PLAN_PREVIEW_REQUEST, (params: PlanPreviewParams | undefined) => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') return null;
      return answerFromAnalysis<PlanPreview | null>(context, uri, 'Preview', null, ({ lines, result }) => {
        let sections = trees.get(uri);
        if (!sections) trees.set(uri, (sections = new SectionTrees()));
        return { uri, version: lines.version, ...renderPreview(result, sections) };
      });
    });
  },
};
