/** The preview and dashboard commands open their webview panels beside the plan, one per plan. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { show, waitForTabs, workspaceFile } from './helpers.js';

const EXAMPLE = 'needs-work.plan.md';

const isPanel = (viewType: string) => (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType);
const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

suite('preview and dashboard webviews', () => {
  for (const { command, viewType, label } of [
    { command: 'improvementPlan.openPreview', viewType: 'improvementPlan.preview', label: `Preview ${EXAMPLE}` },
    { command: 'improvementPlan.openDashboard', viewType: 'improvementPlan.dashboard', label: `Dashboard ${EXAMPLE}` },
  ]) {
    test(`${command} opens a webview panel beside the plan, and the same one when run again`, async () => {
      const editor = await show(workspaceFile(EXAMPLE));
      const opened = waitForTabs((tabs) => tabs.some(isPanel(viewType)), `a ${viewType} tab`);
      await vscode.commands.executeCommand(command);
      const panel = (await opened).find(isPanel(viewType))!;
      assert.equal(panel.label, label);
      assert.notEqual(panel.group.viewColumn, editor.viewColumn, 'the panel opens beside the editor');

      await show(workspaceFile(EXAMPLE));
      await vscode.commands.executeCommand(command);
      assert.equal(allTabs().filter(isPanel(viewType)).length, 1, 'running the command again shows the open panel');
      await vscode.window.tabGroups.close(allTabs().filter(isPanel(viewType)));
    });
  }
});
