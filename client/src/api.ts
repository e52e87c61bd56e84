/**
 * What activate() returns. The extension's own tests use it to read the tree view and the status
 * bar and to answer the new plan questions; it is not a stable interface for other extensions.
 */
import type * as vscode from 'vscode';
import type { Prompter } from './prompts.js';
import type { ActivePlan } from './views/activePlan.js';
import type { PlanTreeNode, PlanTreeProvider } from './views/planTree.js';
import type { PlanStatusBar } from './views/statusBar.js';

export interface ImprovementPlanApi {
  /** The plan the view and the status bar show, and its summary. */
  activePlan: ActivePlan;
  planTree: PlanTreeProvider;
  treeView: vscode.TreeView<PlanTreeNode>;
  statusBar: PlanStatusBar;
  /** Answers the commands' questions with `prompter` instead of quick picks; undefined restores them. */
  usePrompter(prompter: Prompter | undefined): void;
}
