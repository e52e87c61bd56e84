/**
 * Code lenses: each recommendation's progress above its heading, and the whole plan's above its
 * title. They are labels only: the command is empty, which VS Code shows as plain text.
 */
import type { CodeLens } from 'vscode-languageserver';
import { planLenses } from '../engine/lenses.js';
import { answerFromAnalysis, toLspRange } from './analysedRequest.js';
import type { LspFeature } from './context.js';

export const codeLensFeature: LspFeature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.onCodeLens((params) =>
      answerFromAnalysis<CodeLens[]>(context, params.textDocument.uri, 'Code lenses', [], ({ lines, result }) =>
        planLenses(result.plan, result.analysis).map((lens) => ({ range: toLspRange(lines, lens.range), command: { title: lens.title, command: '' } })),
      ),
    );
  },
};
