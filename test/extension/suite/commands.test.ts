/** The contributed commands exist and work. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DIAGNOSTICS } from '../../fixtures/examples.js';
import { byLine, lineCodes, show, waitForDiagnostics, waitForTabs, workspaceFile } from './helpers.js';

const EXAMPLE = 'needs-work.plan.md';
const COMMANDS = ['improvementPlan.showPreview', 'improvementPlan.restartServer'];

const isMarkdownPreview = (tab: vscode.Tab) =>
  tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview');

suite('commands', () => {
  test('the contributed commands are registered', async () => {
    await show(workspaceFile(EXAMPLE)); // activates the extension if no other suite has
    const commands = await vscode.commands.getCommands(true);
    assert.deepEqual(COMMANDS.filter((c) => !commands.includes(c)), []);
  });

  test('improvementPlan.showPreview opens the Markdown preview of the plan', async () => {
    await show(workspaceFile(EXAMPLE));
    const opened = waitForTabs((tabs) => tabs.some(isMarkdownPreview), 'a Markdown preview tab');
    await vscode.commands.executeCommand('improvementPlan.showPreview');
    const preview = (await opened).find(isMarkdownPreview)!;
    assert.match(preview.label, /needs-work\.plan\.md/);
    // Tab objects are snapshots: close the preview as it is now.
    const current = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter(isMarkdownPreview);
    await vscode.window.tabGroups.close(current);
  });

  test('improvementPlan.restartServer restarts the language server and the diagnostics come back', async () => {
    const uri = workspaceFile(EXAMPLE);
    const want = JSON.stringify(byLine(EXAMPLE_DIAGNOSTICS[EXAMPLE]!));
    const matches = (d: vscode.Diagnostic[]) => JSON.stringify(lineCodes(d)) === want;
    await show(uri);
    await waitForDiagnostics(uri, matches, { what: `the diagnostics ${want}` });

    // The old client's diagnostics are cleared when it stops; the new server's arrive after.
    let cleared = false;
    const back = waitForDiagnostics(
      uri,
      (d) => {
        if (d.length === 0) cleared = true;
        return cleared && matches(d);
      },
      { what: 'the diagnostics to be cleared and then to come back', afterEvent: true },
    );
    await vscode.commands.executeCommand('improvementPlan.restartServer');
    await back;
  });
});
