/**
 * The status bar item for the active plan: "$(checklist) 12 actions · 3 overdue", with the counts by
 * RAG status in its tooltip. A click shows the Improvement plan view. Hidden for other editors.
 */
import * as vscode from 'vscode';
import { statusCounts } from './planTree.js';
import type { ActivePlan } from './activePlan.js';

export const SHOW_TREE_COMMAND = 'improvementPlan.showPlanTree';

export interface PlanStatusBar {
  item: vscode.StatusBarItem;
  /** Whether the item is shown (the API cannot say). */
  readonly visible: boolean;
}

export function createStatusBarItem(plan: ActivePlan): { statusBar: PlanStatusBar; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('improvementPlan.summary', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Improvement plan summary';
  item.command = SHOW_TREE_COMMAND;
  let visible = false;
  const update = (): void => {
    const summary = plan.document ? plan.summary : undefined;
    if (!summary) {
      item.hide();
      visible = false;
      return;
    }
    const { actions, overdue } = summary.counts;
    const total = `${actions} action${actions === 1 ? '' : 's'}`;
    item.text = `$(checklist) ${total}${overdue > 0 ? ` · ${overdue} overdue` : ''}`;
    item.tooltip = [`Improvement plan: ${total}`, statusCounts(summary.counts), overdue > 0 ? `${overdue} overdue` : 'none overdue', 'Click to show the recommendations and actions.'].join('\n');
    item.accessibilityInformation = { label: `Improvement plan: ${total}, ${overdue} overdue` };
    item.show();
    visible = true;
  };
  update();
  const subscription = plan.onDidChange(update);
  const statusBar: PlanStatusBar = {
    item,
    get visible() {
      return visible;
    },
  };
  return { statusBar, disposable: vscode.Disposable.from(subscription, item) };
}
