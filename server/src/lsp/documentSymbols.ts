/**
 * Document symbols (the Outline and breadcrumbs): each recommendation with the actions in its
 * section; actions in no recommendation's section, such as cross-cutting ones, at the top level.
 * Recommendations are modules and actions functions; an action's detail is its owner and due date.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { planSymbols, type PlanSymbol } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { safely, toLspRange } from './navigationSupport.js';

export const symbolKindOf = (symbol: PlanSymbol): SymbolKind => (symbol.element.kind === 'recommendation' ? SymbolKind.Module : SymbolKind.Function);

export const documentSymbolsFeature: LspFeature = {
  capabilities: () => ({ documentSymbolProvider: { label: 'Improvement plan' } }),
  register(context) {
    const hierarchical = context.clientCapabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    context.connection.onDocumentSymbol((params) =>
      safely<DocumentSymbol[] | SymbolInformation[] | null>(context, 'Document symbols', null, async () => {
        const document = context.documents.get(params.textDocument.uri);
        if (!document) return null;
        const { plan } = await context.analyses.analyse(document);
        const symbols = planSymbols(plan);
        if (hierarchical) {
          const convert = (symbol: PlanSymbol): DocumentSymbol => ({
            name: symbol.name,
            ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
            kind: symbolKindOf(symbol),
            range: toLspRange(document, symbol.range),
            selectionRange: toLspRange(document, symbol.selectionRange),
            children: symbol.children.map(convert),
          });
          return symbols.map(convert);
        }
        const flat: SymbolInformation[] = [];
        const visit = (list: PlanSymbol[], container: string | undefined): void => {
          for (const symbol of list) {
            flat.push({
              name: symbol.name,
              kind: symbolKindOf(symbol),
              location: { uri: document.uri, range: toLspRange(document, symbol.range) },
              ...(container !== undefined ? { containerName: container } : {}),
            });
            visit(symbol.children, symbol.name);
          }
        };
        visit(symbols, undefined);
        return flat;
      }),
    );
  },
};
