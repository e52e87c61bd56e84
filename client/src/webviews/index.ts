/** The preview and dashboard webviews and their commands; extension.ts registers what this returns. */
import * as vscode from 'vscode';
import type { PlanServer } from '../planServer.js';
import { createDashboards } from './dashboard.js';
import { createPreviews } from './preview.js';

export const OPEN_PREVIEW_COMMAND = 'improvementPlan.openPreview';
export const OPEN_DASHBOARD_COMMAND = 'improvementPlan.openDashboard';

export function registerWebviews(server: PlanServer, extensionUri: vscode.Uri): vscode.Disposable[] {
  const previews = createPreviews(server, extensionUri);
  const dashboards = createDashboards(server, extensionUri);
  return [
    previews,
    dashboards,
    // From the editor title the command gets the plan's URI; from the palette, nothing (the active editor's plan).
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, async (uri?: unknown) => void (await previews.open(uri))),
    vscode.commands.registerCommand(OPEN_DASHBOARD_COMMAND, async (uri?: unknown) => void (await dashboards.open(uri))),
  ];
}
