/**
 * Folding ranges: the front matter, the section under every heading, each action's field list,
 * and each Milestones or Progress sub-list. Ranges are whole lines; one-line ranges are left out.
 */
import type { FoldingRange } from 'vscode-languageserver';
import { foldingRanges } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { safely } from './navigationSupport.js';

export const foldingFeature: LspFeature = {
  capabilities: () => ({ foldingRangeProvider: true }),
  register(context) {
    const limit = context.clientCapabilities.textDocument?.foldingRange?.rangeLimit;
    context.connection.onFoldingRanges((params) =>
      safely<FoldingRange[] | null>(context, 'Folding ranges', null, async () => {
        const document = context.documents.get(params.textDocument.uri);
        if (!document) return null;
        const { plan } = await context.analyses.analyse(document);
        const ranges: FoldingRange[] = [];
        const startLines = new Set<number>();
        // Outer folds come first; an editor uses one fold per start line.
        for (const fold of foldingRanges(plan)) {
          const startLine = document.positionAt(fold.start).line;
          const endLine = document.positionAt(fold.end).line;
          if (endLine <= startLine || startLines.has(startLine)) continue;
          startLines.add(startLine);
          ranges.push({ startLine, endLine });
        }
        return typeof limit === 'number' && limit >= 0 ? ranges.slice(0, limit) : ranges;
      }),
    );
  },
};
