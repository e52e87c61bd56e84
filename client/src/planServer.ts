/**
 * The client's side of the server's own protocol: its commands (`workspace/executeCommand`) and the
 * `improvementPlan/summary` request and notification. The types come from the server's modules
 * (types only: nothing of the server is bundled into the extension).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { PlanSummary } from '../../server/src/lsp/planSummary.js';
import { PLAN_SUMMARY_CHANGED_NOTIFICATION, PLAN_SUMMARY_REQUEST, SERVER_COMMANDS } from '../../server/src/lsp/protocol.js';

export type { NewPlanChoices, NextActionResult, Problem, RenumberResult } from '../../server/src/lsp/commands.js';
export type { PlanSummary, PlanSummaryAction, PlanSummaryRecommendation } from '../../server/src/lsp/planSummary.js';

export const LANGUAGE_ID = 'improvement-plan';

export { SERVER_COMMANDS };

export class PlanServer {
  constructor(readonly client: LanguageClient) {}

  /** Runs one of the server's commands; its result is plain data (`{ message }` for a problem). */
  command<R>(command: string, ...args: unknown[]): Promise<R> {
    return this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<R>;
  }

  /** The identifier of a document as the server knows it. */
  textDocument(document: vscode.TextDocument): { uri: string } {
    return { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
  }

  summary(document: vscode.TextDocument): Promise<PlanSummary | null> {
    return this.client.sendRequest<PlanSummary | null>(PLAN_SUMMARY_REQUEST, { textDocument: this.textDocument(document) });
  }

  /** The server says every summary may have changed (settings or files on disk changed). */
  onSummaryChanged(listener: () => void): vscode.Disposable {
    return this.client.onNotification(PLAN_SUMMARY_CHANGED_NOTIFICATION, listener);
  }
}

export const isPlan = (document: vscode.TextDocument | undefined): document is vscode.TextDocument => document?.languageId === LANGUAGE_ID;

/** Shows a message without waiting for it to be dismissed. */
export function inform(message: string): void {
  void vscode.window.showInformationMessage(message);
}
