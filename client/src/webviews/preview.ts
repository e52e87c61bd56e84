/**
 * Improvement Plan: Open Preview to the Side. The plan rendered by the server (`improvementPlan/preview`:
 * sanitized HTML with RAG chips, owners, due dates and diagnostics) in a webview beside the editor.
 * It follows typing, and scrolls with the editor: the script scrolls to the block nearest the
 * editor's top line (`data-line`).
 */
import * as vscode from 'vscode';
import { PLAN_PREVIEW_REQUEST } from '../../../server/src/lsp/protocol.js';
import type { PlanPreview } from '../../../server/src/preview/types.js';
import type { PreviewMessage } from '../../webview/messages.js';
import type { PlanServer } from '../planServer.js';
import { PlanWebviews, type PlanWebviewKind } from './planWebview.js';

export const PREVIEW_VIEW_TYPE = 'improvementPlan.preview';

const PREVIEW: PlanWebviewKind<PreviewMessage> = {
  viewType: PREVIEW_VIEW_TYPE,
  title: (fileName) => `Preview ${fileName}`,
  styles: ['webview.css', 'preview.css'],
  script: 'preview.js',
  body: '<main id="content" class="plan-preview" aria-live="polite"><p class="plan-loading">Rendering the plan…</p></main>',
  async content(server, document, panel) {
    const preview = await server.client.sendRequest<PlanPreview | null>(PLAN_PREVIEW_REQUEST, { textDocument: server.textDocument(document) });
    if (!preview) return { error: `${document.uri.path.split('/').pop()} is not open as an improvement plan (*.plan.md), so there is nothing to preview.` };
    return { type: 'render', html: preview.html, version: preview.version, line: panel.topVisibleLine() };
  },
};

export function createPreviews(server: PlanServer, extensionUri: vscode.Uri): vscode.Disposable & { open(uri?: unknown): Promise<unknown> } {
  const previews = new PlanWebviews(PREVIEW, server, extensionUri);
  // Scroll sync: the editor's top line goes to the preview of its plan.
  const scrolling = vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => {
    const line = visibleRanges[0]?.start.line;
    if (line === undefined) return;
    for (const preview of previews.all()) if (preview.document === textEditor.document) preview.post({ type: 'scroll', line } satisfies PreviewMessage);
  });
  return {
    open: (uri) => previews.open(uri),
    dispose: () => {
      scrolling.dispose();
      previews.dispose();
    },
  };
}
