/** Diagnostics follow edits: adding an Owner clears no-owner, removing it brings no-owner back. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DIAGNOSTICS } from '../../fixtures/examples.js';
import { copyInWorkspace, lineOf, openAndWait, revertAndClose, waitForLineCodes } from './helpers.js';

const EXAMPLE = 'needs-work.plan.md';
// A1.3 in needs-work.plan.md has no Owner line: the fixture reports `48 no-owner` for its heading.
const HEADING = '### A1.3 Undertake audit of current missing episodes';
const OWNER_LINE = '- Owner: Head of Safeguarding'; // in the plan's owners register

suite('diagnostics follow typing', () => {
  let uri: vscode.Uri;
  suiteSetup(async () => {
    uri = await copyInWorkspace(EXAMPLE, 'typing.plan.md');
  });
  suiteTeardown(async () => {
    if (uri) await revertAndClose(uri);
  });

  test('typing an Owner line into an action without one removes no-owner; deleting it brings it back', async () => {
    const original = EXAMPLE_DIAGNOSTICS[EXAMPLE]!;
    assert.ok(original.includes('48 no-owner'), 'the fixture no longer has 48 no-owner: update this test');
    const { editor } = await openAndWait(uri, (d) => d.length === original.length, `${original.length} diagnostics`);
    const document = editor.document;
    const heading = lineOf(document, HEADING);
    assert.equal(heading + 1, 48);
    const fieldLine = heading + 2; // the first "- " field, after the blank line under the heading

    // Adding a line moves every later line down by one; only A1.3's no-owner goes away.
    const withOwner = original
      .filter((entry) => entry !== '48 no-owner')
      .map((entry) => {
        const [line, code] = entry.split(' ') as [string, string];
        return Number(line) > fieldLine ? `${Number(line) + 1} ${code}` : entry;
      });

    let waiting = waitForLineCodes(uri, withOwner, { what: 'no-owner of A1.3 to go, the rest to move down a line' });
    const typed = await editor.edit((edit) => edit.insert(new vscode.Position(fieldLine, 0), `${OWNER_LINE}\n`));
    assert.ok(typed, 'the editor refused the edit');
    await waiting;
    assert.equal(document.lineAt(fieldLine).text, OWNER_LINE);

    waiting = waitForLineCodes(uri, original, { what: 'no-owner of A1.3 to come back' });
    const removal = new vscode.WorkspaceEdit();
    removal.delete(uri, new vscode.Range(fieldLine, 0, fieldLine + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(removal), 'the workspace edit was not applied');
    await waiting;
    assert.equal(document.lineAt(fieldLine).text.startsWith('- Due:'), true);
  });
});
