/**
 * Completion: field keys at the start of a list item, recommendation IDs in Links, owners, statuses,
 * due dates, and the next free action ID in a new heading. The engine decides; this adapts.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { completionsAt, type CompletionKind } from '../engine/completion.js';
import { answerFromAnalysis, toLspRange } from './analysedRequest.js';
import type { LspFeature } from './context.js';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  recommendation: CompletionItemKind.Reference,
  owner: CompletionItemKind.Value,
  status: CompletionItemKind.EnumMember,
  date: CompletionItemKind.Value,
  'action-id': CompletionItemKind.Constant,
};

export const completionFeature: LspFeature = {
  // `:` after a key, ` ` after a list marker or colon, `,` in Links, `#` in a new heading.
  capabilities: () => ({ completionProvider: { triggerCharacters: [':', ' ', ',', '#'], resolveProvider: false } }),
  register(context) {
    context.connection.onCompletion((params) =>
      answerFromAnalysis<CompletionItem[]>(context, params.textDocument.uri, 'Completion', [], ({ lines, result }) =>
        completionsAt(result.plan, result.analysis, lines.offsetAt(params.position)).map((candidate) => ({
          label: candidate.label,
          kind: KINDS[candidate.kind],
          ...(candidate.detail ? { detail: candidate.detail } : {}),
          ...(candidate.documentation ? { documentation: { kind: MarkupKind.Markdown, value: candidate.documentation } } : {}),
          sortText: candidate.sortText,
          // Dates are labelled by what they are ("End of this quarter") but typed as dates.
          filterText: candidate.kind === 'date' ? candidate.insertText : candidate.label,
          textEdit: { range: toLspRange(lines, candidate.range), newText: candidate.insertText },
        })),
      ),
    );
  },
};
