/**
 * Inlay hints after Due values ("in 23 days", "today", "overdue by 5 days"), unless the setting
 * `improvementPlan.inlayHints.dueDates` is false. Refreshed when settings change.
 */
import type { InlayHint } from 'vscode-languageserver';
import { dueHints } from '../engine/dueHints.js';
import { answerFromAnalysis } from './analysedRequest.js';
import type { LspFeature } from './context.js';

export const inlayHintsFeature: LspFeature = {
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.languages.inlayHint.on((params) =>
      answerFromAnalysis<InlayHint[]>(context, params.textDocument.uri, 'Inlay hints', [], async ({ lines, result }) => {
        if (!(await context.settings.get(params.textDocument.uri)).dueDateHints) return [];
        const from = lines.offsetAt(params.range.start);
        const to = lines.offsetAt(params.range.end);
        return dueHints(result.plan, result.analysis)
          .filter((hint) => from <= hint.offset && hint.offset <= to)
          .map((hint) => ({ position: lines.positionAt(hint.offset), label: hint.label, paddingLeft: true, tooltip: hint.tooltip }));
      }),
    );
    if (context.clientCapabilities.workspace?.inlayHint?.refreshSupport === true) {
      // Settings changed (this feature's own, or as-of defaults): ask the client to ask again.
      context.onDidInvalidateAll(() => void context.connection.languages.inlayHint.refresh().catch(() => undefined));
    }
  },
};
