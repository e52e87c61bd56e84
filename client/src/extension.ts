/**
 * The VS Code client: starts the language server and wires the commands and views to it.
 * Everything about plans is in the server; the modules under commands/ and views/ adapt VS Code to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ImprovementPlanApi } from './api.js';
import { insertNextAction } from './commands/insertNextAction.js';
import { newPlan } from './commands/newPlan.js';
import { renumberActions } from './commands/renumberActions.js';
import { showPreview } from './commands/showPreview.js';
import { LANGUAGE_ID, PlanServer } from './planServer.js';
import { Prompts } from './prompts.js';
import { ActivePlan } from './views/activePlan.js';
import { createPlanTreeView, REVEAL_COMMAND, revealHeading, VIEW_ID } from './views/planTree.js';
import { createStatusBarItem, SHOW_TREE_COMMAND } from './views/statusBar.js';

export { LANGUAGE_ID };
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ImprovementPlanApi> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // Rule settings in .planrc files, and plans whose recommendations other plans use.
  const watcher = vscode.workspace.createFileSystemWatcher('**/{.planrc,.planrc.json,.planrc.yaml,.planrc.yml,*.plan.md}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { fileEvents: watcher },
  };
  client = new LanguageClient('improvementPlan', 'Improvement Plan', serverOptions, clientOptions);
  const server = new PlanServer(client);
  const prompts = new Prompts();

  const activePlan = new ActivePlan(server);
  const tree = createPlanTreeView(activePlan);
  const status = createStatusBarItem(activePlan);
  context.subscriptions.push(
    activePlan,
    tree.disposable,
    status.disposable,
    vscode.commands.registerCommand('improvementPlan.showPreview', showPreview),
    vscode.commands.registerCommand('improvementPlan.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('improvementPlan.newPlan', () => newPlan(server, prompts)),
    vscode.commands.registerCommand('improvementPlan.insertNextAction', () => insertNextAction(server)),
    vscode.commands.registerCommand('improvementPlan.renumberActions', () => renumberActions(server)),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealHeading),
    vscode.commands.registerCommand(SHOW_TREE_COMMAND, () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
  );
  // The view is contributed with `when: improvementPlan.active`, so that it does not activate the extension.
  void vscode.commands.executeCommand('setContext', 'improvementPlan.active', true);
  await client.start();
  void activePlan.refresh();
  return { activePlan, planTree: tree.provider, treeView: tree.view, statusBar: status.statusBar, usePrompter: (prompter) => prompts.use(prompter) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
