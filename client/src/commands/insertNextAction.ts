/**
 * Improvement Plan: Insert next action. Adds an action heading with the next free ID of the
 * recommendation the cursor is in (A<n>.<m+1>), and its fields as a snippet, at the end of that
 * recommendation's section.
 */
import * as vscode from 'vscode';
import { inform, isPlan, SERVER_COMMANDS, type NextActionResult, type PlanServer, type Problem } from '../planServer.js';

export const NOT_A_PLAN_EDITOR = 'Open an improvement plan (a *.plan.md file) and put the cursor in a recommendation first.';

/** Resolves with the new action's ID, or with the message shown instead. */
export async function insertNextAction(server: PlanServer): Promise<{ id: string } | Problem> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isPlan(editor.document)) return shown({ message: NOT_A_PLAN_EDITOR });
  const result = await server.command<NextActionResult | Problem>(SERVER_COMMANDS.nextAction, {
    textDocument: server.textDocument(editor.document),
    position: server.client.code2ProtocolConverter.asPosition(editor.selection.active),
  });
  if ('message' in result) return shown(result);
  const position = server.client.protocol2CodeConverter.asPosition(result.position);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(result.snippet), position);
  if (!inserted) return shown({ message: `${result.id} could not be inserted: the plan changed. Try again.` });
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { id: result.id };
}

function shown(problem: Problem): Problem {
  inform(problem.message);
  return problem;
}
