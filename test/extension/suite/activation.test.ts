/** The extension activates when a plan is opened, and the plan gets the extension's language. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, extension, openAndWait, planDiagnostics, workspaceFile } from './helpers.js';

suite('activation', () => {
  test('opening a *.plan.md activates the extension and gives the document the improvement-plan language', async () => {
    const ext = extension();
    const planOpenAlready = vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID);
    // activationEvents is onLanguage:improvement-plan only: nothing has activated it yet, unless
    // another suite opened a plan first.
    if (!planOpenAlready) assert.equal(ext.isActive, false, 'the extension is active before any plan is opened');

    const uri = workspaceFile('needs-work.plan.md');
    // Diagnostics from the extension's language server prove the activation ran to the end
    // (activate() awaits the client's start).
    const { editor } = await openAndWait(uri, (d) => d.length > 0, 'the first diagnostics from the language server');

    assert.equal(editor.document.languageId, LANGUAGE_ID);
    assert.equal(ext.isActive, true, 'the extension is not active after a plan was opened');
    assert.ok(planDiagnostics(uri).length > 0);
  });

  test('a plain Markdown file does not get the improvement-plan language', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('README.md'));
    assert.equal(document.languageId, 'markdown');
  });
});
