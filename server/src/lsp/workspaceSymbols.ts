/**
 * Workspace symbols: every recommendation and action in every plan of the workspace (open plans
 * with their unsaved text) whose name contains the query's characters in order, ignoring case.
 */
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { workspaceSymbols } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { symbolKindOf } from './documentSymbols.js';
import { safely, toLspRange } from './navigationSupport.js';

/** Enough for any workspace of plans; a client asks again as the query narrows. */
const MAX_RESULTS = 2000;

export const workspaceSymbolsFeature: LspFeature = {
  capabilities: () => ({ workspaceSymbolProvider: true }),
  register(context) {
    context.connection.onWorkspaceSymbol((params) =>
      safely<WorkspaceSymbol[]>(context, 'Workspace symbols', [], async () => {
        await context.index.ready();
        const plans = context.index.planSet();
        const result: WorkspaceSymbol[] = [];
        for (const { source, symbol, container } of workspaceSymbols(plans.all(), typeof params.query === 'string' ? params.query : '')) {
          const entry = plans.entry(source.key);
          if (!entry) continue;
          result.push({
            name: symbol.name,
            kind: symbolKindOf(symbol),
            location: { uri: entry.uri, range: toLspRange(entry.lines, symbol.selectionRange) },
            ...(container !== undefined ? { containerName: container } : {}),
          });
          if (result.length >= MAX_RESULTS) break;
        }
        return result;
      }),
    );
  },
};
