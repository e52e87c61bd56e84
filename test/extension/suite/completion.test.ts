/** The contributed snippets are offered by completion, and a standard action is a good action. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extension, lineCodes, openAndWait, revertAndClose, waitForDiagnostics, writeWorkspaceFile } from './helpers.js';

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
}

/** The prefixes of the snippets the extension contributes, read from the file package.json names. */
async function contributedPrefixes(): Promise<string[]> {
  const ext = extension();
  const contributed = (ext.packageJSON.contributes?.snippets ?? []) as { language: string; path: string }[];
  const files = contributed.filter((s) => s.language === 'improvement-plan');
  assert.ok(files.length > 0, 'package.json contributes no improvement-plan snippets');
  const prefixes: string[] = [];
  for (const file of files) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, file.path));
    const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetEntry>;
    for (const snippet of Object.values(snippets)) prefixes.push(...[snippet.prefix].flat());
  }
  return prefixes;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

// A plan with one recommendation and no action yet: the server reports uncovered-recommendation for
// R1 until an action is added under it. The period is wide so that the snippet's Due (this month)
// falls inside it whenever the test runs.
const PLAN = `---
title: Snippet test plan
as-of: 2026-01-01
period:
  start: 2020-01-01
  end: 2099-12-31
---

## R1 Management oversight and supervision

Managers' oversight and supervision of practice is regular, reflective and recorded on every child's file.

`;
const STANDARD_ACTION = 'action-supervision';

suite('completion and snippets', () => {
  let uri: vscode.Uri;
  suiteSetup(async () => {
    uri = await writeWorkspaceFile('snippets.plan.md', PLAN);
  });
  suiteTeardown(async () => {
    if (uri) await revertAndClose(uri);
  });

  test('completion at an empty line offers plan, rec, action and every action-* snippet', async () => {
    const prefixes = await contributedPrefixes();
    const standard = prefixes.filter((p) => p.startsWith('action-'));
    assert.ok(standard.length > 0, 'no action-* snippets in the snippets file');
    const wanted = ['action', 'plan', 'rec', ...standard];

    const { editor } = await openAndWait(uri, (d) => d.some((x) => codeOf(x) === 'uncovered-recommendation'), 'uncovered-recommendation for R1');
    const emptyLine = editor.document.lineCount - 1;
    assert.equal(editor.document.lineAt(emptyLine).text, '');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(emptyLine, 0),
    );
    const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    const missing = wanted.filter((prefix) => !snippets.includes(prefix));
    assert.deepEqual(missing, [], `snippets not offered; offered: ${JSON.stringify(snippets)}`);
  });

  test(`inserting the ${STANDARD_ACTION} snippet gives an action with no owner, measure or due-date problem`, async () => {
    const { editor } = await openAndWait(uri, (d) => d.some((x) => codeOf(x) === 'uncovered-recommendation'), 'uncovered-recommendation for R1');
    const document = editor.document;
    const position = new vscode.Position(document.lineCount - 1, 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const item = list.items.find((i) => labelOf(i) === STANDARD_ACTION && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(item, `${STANDARD_ACTION} is not offered`);
    assert.ok(item.insertText instanceof vscode.SnippetString, `${STANDARD_ACTION} has no snippet text: ${JSON.stringify(item.insertText)}`);

    // The action answers R1: once the server has seen it, uncovered-recommendation goes.
    const waiting = waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'uncovered-recommendation'), {
      what: 'uncovered-recommendation to go once the action is inserted',
    });
    assert.ok(await editor.insertSnippet(item.insertText, position), 'the editor refused the snippet');
    const diagnostics = await waiting;

    const text = document.getText();
    assert.match(text, /^### A1\.1 Introduce a reflective supervision template/m);
    assert.match(text, /^- Owner: Principal Social Worker$/m);
    assert.match(text, /^- Due: [A-Z][a-z]+ \d{4}$/m, 'the Due variables were not resolved');
    const problems = diagnostics.filter((d) => ['no-owner', 'smart-measurable', 'smart-time-bound'].includes(codeOf(d)));
    assert.deepEqual(lineCodes(problems), [], `all diagnostics: ${JSON.stringify(lineCodes(diagnostics))}`);
  });
});
