/**
 * The "Improvement plan" view in the Explorer: the active plan's recommendations, each with the
 * actions that address it (RAG icon, status, lateness), then the actions that address none.
 * A click on an item reveals its heading. The view's badge counts the overdue actions.
 */
import * as vscode from 'vscode';
import type { PlanSummary, PlanSummaryAction, PlanSummaryRecommendation } from '../planServer.js';
import type { ActivePlan } from './activePlan.js';

export const VIEW_ID = 'improvementPlan.planTree';
export const REVEAL_COMMAND = 'improvementPlan.revealHeading';
export const NO_PLAN_MESSAGE = 'Open an improvement plan (a *.plan.md file) to see its recommendations and actions.';

export type PlanTreeNode =
  | { kind: 'recommendation'; key: string; recommendation: PlanSummaryRecommendation }
  | { kind: 'other'; key: string; actions: PlanSummaryAction[] }
  | { kind: 'action'; key: string; action: PlanSummaryAction; uri: string; parent: PlanTreeNode };

const STATUS_COLOURS: Record<string, string> = {
  red: 'charts.red',
  amber: 'charts.yellow',
  green: 'charts.green',
  blue: 'charts.blue',
  'not started': 'disabledForeground',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `overdue by 12 days`, `due 31 March 2026`, or nothing. */
export function lateness(action: PlanSummaryAction): string | undefined {
  if (action.daysOverdue > 0) return `overdue by ${plural(action.daysOverdue, 'day')}`;
  return action.dueText ? `due ${action.dueText}` : undefined;
}

/** The RAG colour of an action: a filled circle in the chart colour, an empty one without a status. */
export function statusIcon(action: PlanSummaryAction): vscode.ThemeIcon {
  const colour = action.status ? STATUS_COLOURS[action.status] : undefined;
  return colour ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(colour)) : new vscode.ThemeIcon('circle-outline');
}

/** `3 actions · 1 overdue`, `no actions`. */
export function actionCounts(counts: { actions: number; overdue: number }): string {
  if (counts.actions === 0) return 'no actions';
  return counts.overdue > 0 ? `${plural(counts.actions, 'action')} · ${counts.overdue} overdue` : plural(counts.actions, 'action');
}

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private roots: PlanTreeNode[] = [];
  private readonly children = new Map<string, PlanTreeNode[]>();

  constructor(private readonly plan: ActivePlan) {
    this.rebuild();
    this.subscription = plan.onDidChange(() => {
      this.rebuild();
      this.changed.fire(undefined);
    });
  }

  /** The summary the tree shows. */
  get summary(): PlanSummary | undefined {
    return this.plan.summary;
  }

  getChildren(node?: PlanTreeNode): PlanTreeNode[] {
    return node ? (this.children.get(node.key) ?? []) : this.roots;
  }

  getParent(node: PlanTreeNode): PlanTreeNode | undefined {
    return node.kind === 'action' ? node.parent : undefined;
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    const summary = this.plan.summary;
    if (node.kind === 'recommendation') {
      const { recommendation } = node;
      const item = new vscode.TreeItem(
        recommendation.title ? `${recommendation.id} ${recommendation.title}` : recommendation.id,
        recommendation.actions.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
      );
      item.id = node.key;
      const from = recommendation.external && summary?.recommendationsFile ? ` · from ${summary.recommendationsFile}` : '';
      item.description = actionCounts(recommendation.counts) + from;
      item.iconPath = new vscode.ThemeIcon('checklist');
      item.contextValue = 'recommendation';
      item.tooltip = countsTooltip(`${recommendation.id} ${recommendation.title}`.trim(), recommendation.counts);
      if (recommendation.range) item.command = reveal(recommendation.uri, recommendation.selectionRange ?? recommendation.range, recommendation.id);
      return item;
    }
    if (node.kind === 'other') {
      const item = new vscode.TreeItem('Other actions', vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.key;
      item.description = plural(node.actions.length, 'action');
      item.tooltip = 'Actions that address no recommendation in this plan: put them under one, or name one in their Links.';
      item.iconPath = new vscode.ThemeIcon('question');
      item.contextValue = 'otherActions';
      return item;
    }
    const { action } = node;
    const item = new vscode.TreeItem(action.statement ? `${action.id} ${action.statement}` : action.id, vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = [action.statusLabel ?? 'no status', lateness(action), action.viaLinks ? 'via Links' : undefined].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(action);
    item.contextValue = action.daysOverdue > 0 ? 'action.overdue' : 'action';
    item.tooltip = actionTooltip(action);
    item.command = reveal(node.uri, action.selectionRange, action.id);
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private rebuild(): void {
    this.roots = [];
    this.children.clear();
    const summary = this.plan.summary;
    if (!summary) return;
    const actionNodes = (parent: PlanTreeNode, actions: PlanSummaryAction[]): PlanTreeNode[] =>
      actions.map((action, index) => ({ kind: 'action', key: `${parent.key}/${action.id}#${index}`, action, uri: summary.uri, parent }));
    summary.recommendations.forEach((recommendation, index) => {
      const node: PlanTreeNode = { kind: 'recommendation', key: `${recommendation.id}#${index}`, recommendation };
      this.roots.push(node);
      this.children.set(node.key, actionNodes(node, recommendation.actions));
    });
    if (summary.otherActions.length > 0) {
      const node: PlanTreeNode = { kind: 'other', key: 'other', actions: summary.otherActions };
      this.roots.push(node);
      this.children.set(node.key, actionNodes(node, summary.otherActions));
    }
  }
}

function reveal(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, id: string): vscode.Command {
  return { command: REVEAL_COMMAND, title: `Go to ${id}`, arguments: [uri, range] };
}

function countsTooltip(heading: string, counts: PlanSummary['counts']): string {
  return [heading, statusCounts(counts), counts.overdue > 0 ? `${counts.overdue} overdue` : 'none overdue'].join('\n');
}

/** `Red 2 · Amber 5 · Green 3 · Blue 1 · Not started 1`, plus `No status` when some have none. */
export function statusCounts(counts: PlanSummary['counts']): string {
  const { byStatus } = counts;
  const parts = [`Red ${byStatus.red}`, `Amber ${byStatus.amber}`, `Green ${byStatus.green}`, `Blue ${byStatus.blue}`, `Not started ${byStatus['not started']}`];
  if (byStatus.none > 0) parts.push(`No status ${byStatus.none}`);
  return parts.join(' · ');
}

function actionTooltip(action: PlanSummaryAction): vscode.MarkdownString {
  const lines = [`**${action.id}** ${escape(action.statement)}`, '', `Status: ${action.statusLabel ?? 'none'}`];
  if (action.dueText) lines.push(`Due: ${action.dueText}${action.daysOverdue > 0 ? ` (overdue by ${plural(action.daysOverdue, 'day')})` : ''}`);
  if (action.owner) lines.push(`Owner: ${escape(action.owner)}`);
  if (action.viaLinks) lines.push('Listed here because its Links names this recommendation.');
  return new vscode.MarkdownString(lines.join('  \n'));
}

const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');

/** Opens the document and selects the ID in the heading, scrolling it into view. */
export async function revealHeading(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isRange(range)) return;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document, { selection, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const range = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  return [range?.start?.line, range?.start?.character, range?.end?.line, range?.end?.character].every((n) => typeof n === 'number');
}

/** The view: its provider, badge (overdue actions), description (the plan's file) and empty message. */
export function createPlanTreeView(plan: ActivePlan): { provider: PlanTreeProvider; view: vscode.TreeView<PlanTreeNode>; disposable: vscode.Disposable } {
  const provider = new PlanTreeProvider(plan);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = (): void => {
    const summary = plan.summary;
    const document = plan.document;
    view.message = document ? undefined : NO_PLAN_MESSAGE;
    view.description = document ? document.uri.path.split('/').pop() : undefined;
    view.badge = summary && summary.counts.overdue > 0 ? { value: summary.counts.overdue, tooltip: `${plural(summary.counts.overdue, 'overdue action')}` } : undefined;
  };
  update();
  const subscription = plan.onDidChange(update);
  return { provider, view, disposable: vscode.Disposable.from(subscription, view, provider) };
}
