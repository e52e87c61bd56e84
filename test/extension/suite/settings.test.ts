/** The improvementPlan.rules.<code> settings reach the language server. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DIAGNOSTICS } from '../../fixtures/examples.js';
import { byLine, codeOf, lineCodes, openAndWait, waitForDiagnostics, waitForLineCodes, workspaceFile, workspaceRoot, writeWorkspaceFile } from './helpers.js';

const EXAMPLE = 'needs-work.plan.md';
const SECTION = 'improvementPlan';
const KEY = 'rules.no-owner';

// The rule settings are resource-scoped: read and write them for the workspace folder.
const configuration = () => vscode.workspace.getConfiguration(SECTION, workspaceRoot());

async function setRule(value: string | undefined): Promise<void> {
  await configuration().update(KEY, value, vscode.ConfigurationTarget.Workspace);
}

suite('rule settings', () => {
  const uri = () => workspaceFile(EXAMPLE);
  const all = EXAMPLE_DIAGNOSTICS[EXAMPLE]!;

  suiteSetup(async () => {
    await openAndWait(uri(), (d) => JSON.stringify(lineCodes(d)) === JSON.stringify(byLine(all)), 'the example diagnostics');
  });
  teardown(async () => {
    // Leave the workspace settings as they were, even when a test failed half-way.
    if (configuration().inspect(KEY)?.workspaceValue !== undefined) {
      const waiting = waitForLineCodes(uri(), all, { what: 'the diagnostics with the rule reset' });
      await setRule(undefined);
      await waiting;
    }
  });

  test('improvementPlan.rules.no-owner = off removes the no-owner diagnostics; resetting it brings them back', async () => {
    const withoutNoOwner = all.filter((entry) => !entry.endsWith(' no-owner'));
    assert.ok(withoutNoOwner.length < all.length, 'the fixture has no no-owner diagnostic: update this test');

    let waiting = waitForLineCodes(uri(), withoutNoOwner, { what: 'the no-owner diagnostics to go' });
    await setRule('off');
    assert.equal(vscode.workspace.getConfiguration(SECTION, uri()).get(KEY), 'off');
    await waiting;

    waiting = waitForLineCodes(uri(), all, { what: 'the no-owner diagnostics to come back' });
    await setRule(undefined);
    assert.equal(vscode.workspace.getConfiguration(SECTION, uri()).get(KEY), 'default');
    await waiting;
  });

  test('improvementPlan.rules.no-owner = hint reports no-owner as a hint and leaves the other rules alone', async () => {
    const before = vscode.languages.getDiagnostics(uri());
    const severityOf = (d: vscode.Diagnostic) => `${d.range.start.line + 1} ${codeOf(d)} ${d.severity}`;
    const noOwnerCount = all.filter((entry) => entry.endsWith(' no-owner')).length;

    const waiting = waitForDiagnostics(
      uri(),
      (d) => d.filter((x) => codeOf(x) === 'no-owner' && x.severity === vscode.DiagnosticSeverity.Hint).length === noOwnerCount,
      { what: `${noOwnerCount} no-owner hints` },
    );
    await setRule('hint');
    const after = await waiting;

    assert.deepEqual(lineCodes(after), byLine(all));
    assert.deepEqual(
      after.filter((d) => codeOf(d) !== 'no-owner').map(severityOf).sort(),
      before.filter((d) => codeOf(d) !== 'no-owner').map(severityOf).sort(),
    );
  });

  test('a .planrc.json written beside the plan turns no-owner off (file watcher); deleting it brings no-owner back', async () => {
    const withoutNoOwner = all.filter((entry) => !entry.endsWith(' no-owner'));
    let waiting = waitForLineCodes(uri(), withoutNoOwner, { what: 'the no-owner diagnostics to go after .planrc.json was written' });
    const planrc = await writeWorkspaceFile('.planrc.json', JSON.stringify({ rules: { 'no-owner': 'off' } }) + '\n');
    try {
      await waiting;
      waiting = waitForLineCodes(uri(), all, { what: 'the no-owner diagnostics to come back after .planrc.json was deleted' });
    } finally {
      await vscode.workspace.fs.delete(planrc);
    }
    await waiting;
  });
});
