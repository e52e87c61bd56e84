/** Helpers for the tests of the commands and views that read the plan as a whole (tree view, status bar). */
import * as vscode from 'vscode';
import type { ImprovementPlanApi } from '../../../client/src/api.js';
import type { PlanSummary } from '../../../client/src/planServer.js';
import { closeTabsOf, extension, WAIT_MS } from './helpers.js';

/** The extension's API, activating it if need be. */
export async function api(): Promise<ImprovementPlanApi> {
  const ext = extension();
  const exports = (ext.isActive ? ext.exports : await ext.activate()) as ImprovementPlanApi;
  return exports;
}

/**
 * Resolves once `accept` holds for the active plan (its document and summary), checking now and
 * each time the active plan or its summary changes. Call it before the action, await it after.
 */
export function waitForActivePlan(
  plan: ImprovementPlanApi['activePlan'],
  accept: (document: vscode.TextDocument | undefined, summary: PlanSummary | undefined) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<PlanSummary | undefined> {
  return new Promise((resolve, reject) => {
    let events = 0;
    const finish = (error?: Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(plan.summary);
    };
    const check = () => {
      if (accept(plan.document, plan.summary)) finish();
    };
    const subscription = plan.onDidChange(() => {
      events++;
      check();
    });
    const timer = setTimeout(() => {
      const now = plan.summary ? `${plan.summary.uri} v${plan.summary.version}: ${JSON.stringify(plan.summary.counts)}` : 'no summary';
      finish(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; ${events} change event(s); document ${plan.document?.uri.toString() ?? 'none'}; ${now}`));
    }, timeoutMs);
    check();
  });
}

/** Whether the summary is the one of `document` as it is now. */
export const isSummaryOf = (document: vscode.TextDocument, summary: PlanSummary | undefined): summary is PlanSummary =>
  summary !== undefined && summary.uri === document.uri.toString() && summary.version === document.version;

/** Resolves once `condition` holds, checking now and on each event of `event`. */
export function waitForEvent<T>(event: vscode.Event<T>, condition: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const subscription = event(() => {
      if (condition()) finish();
    });
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)), timeoutMs);
    if (condition()) finish();
  });
}

/** Closes every editor of `uri` without saving and deletes the file. */
export async function discard(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document?.isDirty) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeTabsOf(uri);
  if (uri.scheme === 'file') await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}
