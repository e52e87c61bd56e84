/**
 * Code lenses: each recommendation's progress above its heading, the whole plan's above its
 * title, and each action's SMART score above its heading. They are labels only: the command is
 * empty, which VS Code shows as plain text.
 */
import type { CodeLens } from 'vscode-languageserver';
import { planLenses, smartScoreLenses } from '../engine/lenses.js';
import { answerFromAnalysis, toLspRange } from './analysedRequest.js';
import type { LspFeature } from './context.js';
import { ruleOffCheck } from './hover.js';

export const codeLensFeature: LspFeature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.onCodeLens((params) =>
      answerFromAnalysis<CodeLens[]>(context, params.textDocument.uri, 'Code lenses', [], async ({ lines, result }) => {
        const isRuleOff = await ruleOffCheck(context, params.textDocument.uri, result.plan.frontMatter?.rules ?? {});
        const lenses = [...planLenses(result.plan, result.analysis), ...smartScoreLenses(result.plan, result.diagnostics, isRuleOff)];
        return lenses
          .sort((a, b) => a.range.start - b.range.start)
          .map((lens) => ({ range: toLspRange(lines, lens.range), command: { title: lens.title, command: '' } }));
      }),
    );
  },
};
