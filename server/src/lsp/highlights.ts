/** Document highlights: every occurrence in the plan of the ID under the cursor; headings as writes, Links as reads. */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import { idOccurrenceAt, sameIdIn } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { safely, toLspRange } from './navigationSupport.js';

export const highlightsFeature: LspFeature = {
  capabilities: () => ({ documentHighlightProvider: true }),
  register(context) {
    context.connection.onDocumentHighlight((params) =>
      safely<DocumentHighlight[] | null>(context, 'Document highlights', null, async () => {
        const document = context.documents.get(params.textDocument.uri);
        if (!document) return null;
        const { plan } = await context.analyses.analyse(document);
        const occurrence = idOccurrenceAt(plan, document.offsetAt(params.position));
        if (!occurrence) return [];
        return sameIdIn(plan, occurrence).map((o) => ({
          range: toLspRange(document, o.range),
          kind: o.role === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        }));
      }),
    );
  },
};
