/**
 * The VS Code client: starts the language server and wires the commands and views to it.
 * Everything about plans is in the server; the modules under commands/ and views/ adapt VS Code to it.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ImprovementPlanApi } from './api.js';
import { exportPlan } from './commands/exportPlan.js';
import { importRecommendations } from './commands/importRecommendations.js';
import { insertNextAction } from './commands/insertNextAction.js';
import { newPlan } from './commands/newPlan.js';
import { renumberActions } from './commands/renumberActions.js';
import { showPreview } from './commands/showPreview.js';
import { LANGUAGE_ID, PlanServer } from './planServer.js';
import { Prompts } from './prompts.js';
import { ActivePlan } from './views/activePlan.js';
import { createPlanTreeView, REVEAL_COMMAND, revealHeading, VIEW_ID } from './views/planTree.js';
import { createStatusBarItem, SHOW_TREE_COMMAND } from './views/statusBar.js';
import { registerWebviews } from './webviews/index.js';

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
    errorHandler: restartingErrorHandler(),
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
    vscode.commands.registerCommand('improvementPlan.importRecommendations', () => importRecommendations(server, prompts)),
    vscode.commands.registerCommand('improvementPlan.insertNextAction', () => insertNextAction(server)),
    vscode.commands.registerCommand('improvementPlan.renumberActions', () => renumberActions(server)),
    vscode.commands.registerCommand('improvementPlan.exportPlan', (resource?: unknown) => exportPlan(server, prompts, resource)),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealHeading),
    vscode.commands.registerCommand(SHOW_TREE_COMMAND, () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    ...registerWebviews(server, context.extensionUri),
  );
  // The view is contributed with `when: improvementPlan.active`, so that it does not activate the extension.
  void vscode.commands.executeCommand('setContext', 'improvementPlan.active', true);
  await client.start();
  void activePlan.refresh();
  return { activePlan, planTree: tree.provider, treeView: tree.view, statusBar: status.statusBar, usePrompter: (prompter) => prompts.use(prompter) };
}

/**
 * Starts the server again when its process dies. The default handler shuts the client down after
 * three write errors, and writing to a server that has just died (the open plans' requests) gives
 * more than three before the connection is seen to close: the server was then never restarted.
 * Here write errors wait for the close, which restarts it, up to 5 times in 3 minutes as by default.
 */
function restartingErrorHandler(): ErrorHandler {
  const MAX_RESTARTS = 5;
  const WINDOW_MS = 3 * 60 * 1000;
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0]! > WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message: `The Improvement Plan server stopped ${restarts.length} times in 3 minutes and was not started again: run "Improvement Plan: Restart Server" once the cause is fixed (see the Improvement Plan output).`,
        };
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
