/**
 * Improvement Plan: Renumber actions. The server renumbers the actions of the active plan in
 * document order (A<n>.1, A<n>.2, ... under each recommendation) and the Links that name them in
 * other plans, and applies the edit; this command says what it did.
 */
import * as vscode from 'vscode';
import { inform, isPlan, SERVER_COMMANDS, type PlanServer, type Problem, type RenumberResult } from '../planServer.js';

export const NOT_A_PLAN_EDITOR = 'Open an improvement plan (a *.plan.md file) to renumber its actions.';

/** Resolves with the server's result (after the edit is applied), or with the message shown instead. */
export async function renumberActions(server: PlanServer): Promise<RenumberResult | Problem> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isPlan(editor.document)) {
    inform(NOT_A_PLAN_EDITOR);
    return { message: NOT_A_PLAN_EDITOR };
  }
  const result = await server.command<RenumberResult | Problem>(SERVER_COMMANDS.renumberActions, { textDocument: server.textDocument(editor.document) });
  // A server that cannot ask the editor to apply edits returns the edit instead.
  if ('edit' in result && result.edit) {
    const applied = await vscode.workspace.applyEdit(await server.client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
    const { edit: _edit, ...rest } = result;
    const outcome = applied ? { ...rest, applied } : { actions: 0, files: 0, applied, message: 'The actions could not be renumbered.' };
    inform(outcome.message);
    return outcome;
  }
  inform(result.message);
  return result;
}
