/**
 * Rename a recommendation or action ID everywhere it is used: the heading, every Links entry, in
 * every plan that refers to it. `prepareRename` accepts only IDs and says why elsewhere; the new
 * name must be an ID of the same kind that is not already declared, and is written in its short
 * form (`Recommendation 1` becomes `R7`).
 */
import { LSPErrorCodes, ResponseError, type Range, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { checkRename, planRename } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { navigationRequest, safely, toLspRange } from './navigationSupport.js';

const refuse = (message: string): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestFailed, message);

export const renameFeature: LspFeature = {
  capabilities: (client) => ({ renameProvider: client.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true }),
  register(context) {
    const documentChanges = context.clientCapabilities.workspace?.workspaceEdit?.documentChanges === true;

    context.connection.onPrepareRename((params) =>
      safely<{ range: Range; placeholder: string } | null>(context, 'Prepare rename', null, async () => {
        const request = await navigationRequest(context, params.textDocument.uri, params.position, true);
        if (!request) return null;
        const check = checkRename(request.plans, request.source, request.offset);
        if ('error' in check) throw refuse(check.error);
        return { range: toLspRange(request.entry.lines, check.range), placeholder: check.placeholder };
      }),
    );

    context.connection.onRenameRequest((params) =>
      safely<WorkspaceEdit | null>(context, 'Rename', null, async () => {
        const request = await navigationRequest(context, params.textDocument.uri, params.position, true);
        if (!request) return null;
        const plan = planRename(request.plans, request.source, request.offset, typeof params.newName === 'string' ? params.newName : '');
        if ('error' in plan) throw refuse(plan.error);

        const byFile = new Map<string, { uri: string; version: number | null; edits: TextEdit[] }>();
        for (const edit of plan.edits) {
          const entry = request.plans.entry(edit.source.key);
          if (!entry) continue;
          let file = byFile.get(edit.source.key);
          if (!file) byFile.set(edit.source.key, (file = { uri: entry.uri, version: entry.version ?? null, edits: [] }));
          file.edits.push({ range: toLspRange(entry.lines, edit.range), newText: edit.newText });
        }
        const files = [...byFile.values()];
        if (documentChanges) {
          return { documentChanges: files.map((file): TextDocumentEdit => ({ textDocument: { uri: file.uri, version: file.version }, edits: file.edits })) };
        }
        return { changes: Object.fromEntries(files.map((file) => [file.uri, file.edits])) };
      }),
    );
  },
};
