/** The "Improvement plan" tree view and the status bar item: what they show, and how they follow the plan. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImprovementPlanApi } from '../../../client/src/api.js';
import type { PlanTreeNode } from '../../../client/src/views/planTree.js';
import { AUDIT_HEADING, EARLY_HELP, SUPERVISION } from '../../fixtures/plans.js';
import { show, workspaceFile, writeWorkspaceFile } from './helpers.js';
import { api, discard, isSummaryOf, waitForActivePlan, waitForEvent } from './planHelpers.js';

const PLAN = `---
title: Tree view test plan
as-of: 2025-11-01
---

${SUPERVISION}
${AUDIT_HEADING}
- Owner: Head of Quality Assurance
- Due: 20 October 2025
- Status: Amber

### A1.2 Train 38 team managers in reflective supervision

- Due: 31 March 2026
- Status: Not started

${EARLY_HELP}
### A2.1 Publish weekly early help timeliness figures

- Due: 31 January 2026
- Status: Green
- Links: R1

## R3 LADO oversight

Management oversight of the LADO.

# Other actions

### A9 Refresh the council's web pages

- Status: Complete

### A10 Hold a staff conference
`;

interface ItemView {
  label: string;
  description: string | undefined;
  icon: string | undefined;
  colour: string | undefined;
  expanded: boolean | undefined;
}

function view(item: vscode.TreeItem): ItemView {
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
  return {
    label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
    description: typeof item.description === 'string' ? item.description : undefined,
    icon: icon?.id,
    // ThemeColor.id is public from VS Code 1.94; the object has it in every version.
    colour: (icon?.color as { id?: string } | undefined)?.id,
    expanded: item.collapsibleState === vscode.TreeItemCollapsibleState.None ? undefined : item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded,
  };
}

suite('plan tree view and status bar', () => {
  let plan: ImprovementPlanApi;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    plan = await api();
    uri = await writeWorkspaceFile('tree-view.plan.md', PLAN);
  });
  suiteTeardown(async () => {
    await discard(uri);
  });

  async function showPlan(): Promise<vscode.TextEditor> {
    const editor = await show(uri);
    await waitForActivePlan(plan.activePlan, (document, summary) => document === editor.document && isSummaryOf(editor.document, summary), 'the summary of tree-view.plan.md');
    return editor;
  }

  const tree = (node?: PlanTreeNode): PlanTreeNode[] => plan.planTree.getChildren(node) as PlanTreeNode[];
  const item = (node: PlanTreeNode): ItemView => view(plan.planTree.getTreeItem(node) as vscode.TreeItem);

  test('lists the recommendations, then their actions with RAG icons, status and lateness, then the other actions', async () => {
    await showPlan();
    const roots = tree();
    assert.deepEqual(roots.map(item), [
      { label: 'R1 Supervision', description: '3 actions · 1 overdue', icon: 'checklist', colour: undefined, expanded: true },
      { label: 'R2 Early help', description: '1 action', icon: 'checklist', colour: undefined, expanded: true },
      { label: 'R3 LADO oversight', description: 'no actions', icon: 'checklist', colour: undefined, expanded: undefined },
      { label: 'Other actions', description: '2 actions', icon: 'question', colour: undefined, expanded: true },
    ]);
    assert.deepEqual(tree(roots[0]).map(item), [
      { label: 'A1.1 Run monthly supervision audits of 20 case files', description: 'Amber · overdue by 12 days', icon: 'circle-filled', colour: 'charts.yellow', expanded: undefined },
      { label: 'A1.2 Train 38 team managers in reflective supervision', description: 'Not started · due 31 March 2026', icon: 'circle-filled', colour: 'disabledForeground', expanded: undefined },
      { label: 'A2.1 Publish weekly early help timeliness figures', description: 'Green · due 31 January 2026 · via Links', icon: 'circle-filled', colour: 'charts.green', expanded: undefined },
    ]);
    assert.deepEqual(tree(roots[3]).map(item), [
      { label: "A9 Refresh the council's web pages", description: 'Blue', icon: 'circle-filled', colour: 'charts.blue', expanded: undefined },
      { label: 'A10 Hold a staff conference', description: 'no status', icon: 'circle-outline', colour: undefined, expanded: undefined },
    ]);
    assert.deepEqual(tree(roots[2]), []);
    assert.equal(plan.treeView.description, 'tree-view.plan.md');
    assert.deepEqual(plan.treeView.badge, { value: 1, tooltip: '1 overdue action' });
    assert.equal(plan.treeView.message, undefined);
  });

  test('a click on an action or a recommendation reveals its heading', async () => {
    const editor = await showPlan();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const roots = tree();
    const action = plan.planTree.getTreeItem(tree(roots[0])[1]!) as vscode.TreeItem;
    assert.ok(action.command, 'the action item has a command');
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), uri.toString());
    assert.equal(active.document.lineAt(active.selection.start.line).text, '### A1.2 Train 38 team managers in reflective supervision');
    assert.equal(active.document.getText(active.selection), 'A1.2');

    const recommendation = plan.planTree.getTreeItem(roots[2]!) as vscode.TreeItem;
    await vscode.commands.executeCommand(recommendation.command!.command, ...(recommendation.command!.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), 'R3');
  });

  test('the status bar shows the counts for a plan, with the counts by RAG in its tooltip', async () => {
    await showPlan();
    assert.equal(plan.statusBar.visible, true);
    assert.equal(plan.statusBar.item.text, '$(checklist) 5 actions · 1 overdue');
    assert.equal(
      plan.statusBar.item.tooltip,
      'Improvement plan: 5 actions\nRed 0 · Amber 1 · Green 1 · Blue 1 · Not started 1 · No status 1\n1 overdue\nClick to show the recommendations and actions.',
    );
    assert.equal(plan.statusBar.item.command, 'improvementPlan.showPlanTree');
  });

  test('the tree and the status bar follow edits to the plan', async () => {
    const editor = await showPlan();
    const line = editor.document.getText().split('\n').indexOf('- Due: 20 October 2025');
    const changed = waitForActivePlan(
      plan.activePlan,
      (document, summary) => document === editor.document && isSummaryOf(editor.document, summary) && summary.counts.overdue === 0,
      'a summary with no overdue action',
    );
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, '- Due: 20 December 2025'));
    await changed;
    assert.deepEqual(item(tree(tree()[0])[0]!), {
      label: 'A1.1 Run monthly supervision audits of 20 case files',
      description: 'Amber · due 20 December 2025',
      icon: 'circle-filled',
      colour: 'charts.yellow',
      expanded: undefined,
    });
    assert.equal(plan.statusBar.item.text, '$(checklist) 5 actions');
    assert.equal(plan.treeView.badge, undefined);

    const back = waitForActivePlan(plan.activePlan, (_d, summary) => isSummaryOf(editor.document, summary) && summary.counts.overdue === 1, 'the overdue action back');
    await vscode.commands.executeCommand('undo');
    await back;
    assert.equal(plan.statusBar.item.text, '$(checklist) 5 actions · 1 overdue');
  });

  test('a non-plan editor hides the status bar item and empties the tree; a plan editor brings them back', async () => {
    await showPlan();
    const cleared = waitForActivePlan(plan.activePlan, (document) => document === undefined, 'no active plan');
    await show(workspaceFile('README.md'));
    await cleared;
    assert.equal(plan.statusBar.visible, false);
    assert.deepEqual(tree(), []);
    assert.equal(plan.treeView.message, 'Open an improvement plan (a *.plan.md file) to see its recommendations and actions.');
    assert.equal(plan.treeView.badge, undefined);
    await showPlan();
    assert.equal(plan.statusBar.visible, true);
    assert.equal(tree().length, 4);
  });

  test('clicking the status bar item shows the Improvement plan view', async () => {
    await showPlan();
    if (plan.treeView.visible) await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitForEvent(plan.treeView.onDidChangeVisibility, () => !plan.treeView.visible, 'the view to be hidden');
    const command = plan.statusBar.item.command as string;
    await vscode.commands.executeCommand(command);
    await waitForEvent(plan.treeView.onDidChangeVisibility, () => plan.treeView.visible, 'the view to be shown');
  });
});
